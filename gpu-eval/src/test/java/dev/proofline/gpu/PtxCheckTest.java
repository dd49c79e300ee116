package dev.proofline.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtxCheckTest {
    static final String ONE_ENTRY = ".version 8.0\n.target sm_80\n.visible .entry vec_add_f32(\n\t.param .u64 a\n)\n{\n\tret;\n}\n";

    @Test
    void oneEntryAndNoCallsIsAccepted() {
        assertEquals(List.of(), PtxCheck.problems(ONE_ENTRY, "vec_add_f32"));
    }

    @Test
    void aCallOrASecondEntryIsRejected() {
        String launches = ONE_ENTRY.replace("\tret;", "\tcall.uni (retval0), cudaLaunchDeviceV2, (param0, param1);\n\tret;");
        assertEquals(List.of("PTX makes a call (device-side launch, printf or another function): "
                + "call.uni (retval0), cudaLaunchDeviceV2, (param0, param1)"), PtxCheck.problems(launches, "vec_add_f32"));
        String prints = ONE_ENTRY.replace("\tret;", "\t@%p1 call (retval0), vprintf, (param0, param1);\n\tret;");
        assertEquals(1, PtxCheck.problems(prints, "vec_add_f32").size());
        String two = ONE_ENTRY + ".entry helper()\n{\n\tret;\n}\n";
        assertEquals(List.of("PTX should have exactly the entry vec_add_f32, has [vec_add_f32, helper]"),
                PtxCheck.problems(two, "vec_add_f32"));
    }

    @Test
    void nvccOutputForEmittedCudaPasses(@TempDir Path dir) throws Exception {
        Optional<Nvcc> nvcc = Nvcc.find();
        assumeTrue(nvcc.isPresent(), "no nvcc on this machine: PTX of emitted CUDA not checked");
        for (String json : List.of(KernelIrTest.VEC_ADD, KernelIrTest.SAXPY)) {
            KernelIr ir = KernelIr.parse(json);
            for (ElemType t : ElemType.values()) {
                Path src = dir.resolve(CudaEmitter.functionName(ir, t) + ".cu");
                Files.writeString(src, CudaEmitter.emit(ir, t));
                Nvcc.Compiled c = nvcc.get().compile(src);
                assertTrue(c.ok(), c.messages());
                assertEquals(List.of(), PtxCheck.problems(Files.readString(c.ptx()), CudaEmitter.functionName(ir, t)));
            }
        }
    }
}
