package dev.proofline.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * Device 0 and its primary context, made current on the opening thread; use it from that thread only.
 * Driver errors surface as {@link jcuda.CudaException}.
 */
public final class GpuDevice implements AutoCloseable {
    private final CUdevice device;
    private final CUcontext context;
    private final DeviceInfo info;

    private GpuDevice(CUdevice device, CUcontext context, DeviceInfo info) {
        this.device = device;
        this.context = context;
        this.info = info;
    }

    /** The device when the driver sees one ({@link CudaDriver#unavailable()} says why not otherwise). */
    public static Optional<GpuDevice> openIfPresent() {
        return CudaDriver.unavailable().isPresent() ? Optional.empty() : Optional.of(open());
    }

    public static GpuDevice open() {
        JCudaDriver.setExceptionsEnabled(true);
        JCudaDriver.cuInit(0);
        CUdevice device = new CUdevice();
        JCudaDriver.cuDeviceGet(device, 0);
        CUcontext context = new CUcontext();
        JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
        JCudaDriver.cuCtxSetCurrent(context);
        return new GpuDevice(device, context, DeviceInfo.query(device));
    }

    public DeviceInfo info() {
        return info;
    }

    /** Loads {@code ptx} (as {@link Nvcc} made it from {@link CudaEmitter}'s source) and checks it with {@link PtxCheck}. */
    public GpuKernel load(KernelIr ir, ElemType type, Path ptx) throws IOException {
        String text = Files.readString(ptx);
        String function = CudaEmitter.functionName(ir, type);
        List<String> problems = PtxCheck.problems(text, function);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(ptx + ": " + String.join("; ", problems));
        }
        JCudaDriver.cuCtxSetCurrent(context);
        CUmodule module = new CUmodule();
        JCudaDriver.cuModuleLoadData(module, (text + "\0").getBytes(StandardCharsets.US_ASCII));
        CUfunction f = new CUfunction();
        JCudaDriver.cuModuleGetFunction(f, module, function);
        return new GpuKernel(this, ir, module, f);
    }

    @Override
    public void close() {
        JCudaDriver.cuDevicePrimaryCtxRelease(device);
    }
}
