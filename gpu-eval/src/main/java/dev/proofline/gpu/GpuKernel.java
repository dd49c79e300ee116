package dev.proofline.gpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/** One loaded kernel function; runs a {@link Workload} with the launch configuration the IR's emitter assumes. */
public final class GpuKernel implements AutoCloseable {
    private final GpuDevice device;
    private final KernelIr ir;
    private final CUmodule module;
    private final CUfunction function;

    GpuKernel(GpuDevice device, KernelIr ir, CUmodule module, CUfunction function) {
        this.device = device;
        this.ir = ir;
        this.module = module;
        this.function = function;
    }

    public GpuDevice device() {
        return device;
    }

    /** Copies the inputs over, poisons the outputs, launches once and returns the outputs. */
    public Map<String, int[]> run(Workload w) {
        try (Staged s = stage(w)) {
            s.poison(null);
            s.launch(null);
            JCudaDriver.cuCtxSynchronize();
            return s.read();
        }
    }

    Staged stage(Workload w) {
        return new Staged(w);
    }

    @Override
    public void close() {
        JCudaDriver.cuModuleUnload(module);
    }

    /** A workload's arrays on the device and the launch's argument list, in the emitter's order. */
    final class Staged implements AutoCloseable {
        private final Workload workload;
        private final List<CUdeviceptr> allocated = new ArrayList<>();
        private final Map<String, CUdeviceptr> outputs = new LinkedHashMap<>();
        private final Map<String, Integer> outputLengths = new LinkedHashMap<>();
        private final Pointer arguments;

        Staged(Workload w) {
            this.workload = w;
            List<Pointer> args = new ArrayList<>();
            try {
                for (KernelIr.Array a : ir.inputs()) {
                    int[] data = w.inputs().get(a.name());
                    CUdeviceptr p = alloc(data.length);
                    JCudaDriver.cuMemcpyHtoD(p, Pointer.to(data), 4L * data.length);
                    args.add(Pointer.to(p));
                }
                for (KernelIr.Array a : ir.outputs()) {
                    int n = Math.toIntExact(w.launch().length(a));
                    CUdeviceptr p = alloc(n);
                    outputs.put(a.name(), p);
                    outputLengths.put(a.name(), n);
                    args.add(Pointer.to(p));
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            ir.sizes().forEach(s -> args.add(Pointer.to(new long[] {w.launch().sizes().get(s)})));
            ir.params().forEach(p -> args.add(Pointer.to(new int[] {w.params().get(p)}))); // raw bits of T
            arguments = Pointer.to(args.toArray(new Pointer[0]));
        }

        private CUdeviceptr alloc(int elements) {
            CUdeviceptr p = new CUdeviceptr();
            JCudaDriver.cuMemAlloc(p, 4L * Math.max(1, elements)); // the driver refuses 0 bytes
            allocated.add(p);
            return p;
        }

        /** Writes {@link OutputCheck#POISON} over every output, on {@code stream} (null: the default stream). */
        void poison(CUstream stream) {
            outputs.forEach((name, p) -> JCudaDriver.cuMemsetD32Async(p, OutputCheck.POISON, outputLengths.get(name), stream));
        }

        void launch(CUstream stream) {
            Launch l = workload.launch();
            JCudaDriver.cuLaunchKernel(function, Math.toIntExact(l.grid()), 1, 1, l.block(), 1, 1,
                    Math.toIntExact(CudaEmitter.sharedBytes(ir, l.block())), stream, arguments, null);
        }

        Map<String, int[]> read() {
            Map<String, int[]> out = new LinkedHashMap<>();
            outputs.forEach((name, p) -> {
                int[] host = new int[outputLengths.get(name)];
                JCudaDriver.cuMemcpyDtoH(Pointer.to(host), p, 4L * host.length);
                out.put(name, host);
            });
            return out;
        }

        @Override
        public void close() {
            allocated.forEach(JCudaDriver::cuMemFree);
            allocated.clear();
        }
    }
}
