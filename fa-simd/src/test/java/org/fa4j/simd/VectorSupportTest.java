package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The vector path must be on wherever the CPU supports it: a silent fallback to scalar code fails this test. */
class VectorSupportTest {

    private static String cpuFlags() throws IOException {
        Path p = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(p)) {
            return "";
        }
        return Files.readAllLines(p).stream().filter(l -> l.startsWith("flags")).findFirst().orElse("").toLowerCase(Locale.ROOT);
    }

    @Test
    void vectorPathRunsOnACpuWithAvx() throws IOException {
        String flags = " " + cpuFlags() + " ";
        String forced = System.getProperty("fa4j.simd.path", "");
        boolean avx2 = flags.contains(" avx2 ");
        boolean avx512 = flags.contains(" avx512f ");
        if (forced.isBlank() && (avx2 || avx512)) {
            assertThat(VectorSupport.path()).as(VectorSupport.reason()).isEqualTo(KernelPath.VECTOR);
            assertThat(VectorSupport.vectorAvailable()).isTrue();
            assertThat(Linalg.defaults().path()).isEqualTo(KernelPath.VECTOR);
            assertThat(VectorSupport.preferredBits()).isGreaterThanOrEqualTo(avx512 ? 512 : 256);
        } else {
            // No x86 AVX flags here (or the path is forced): the decision is still consistent with its reason.
            assertThat(VectorSupport.path() == KernelPath.VECTOR).isEqualTo(VectorSupport.vectorAvailable() && !forced.equals("scalar"));
        }
    }

    @Test
    void theVectorKernelsUseTheDecidedSpeciesWidth() {
        if (VectorSupport.vectorAvailable()) {
            assertThat(VectorKernels.preferredBits()).isEqualTo(VectorSupport.preferredBits());
            assertThat(VectorGemm.NR).isEqualTo(3 * VectorSupport.preferredBits() / 32);
        }
    }
}
