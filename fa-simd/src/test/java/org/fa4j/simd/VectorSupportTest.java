package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import com.sun.management.HotSpotDiagnosticMXBean;
import jdk.incubator.vector.FloatVector;
import org.fa4j.simd.internal.vector.VectorGemm;
import org.fa4j.simd.internal.vector.VectorKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vector path must be on wherever the VM can run it, and off, with its reason logged, wherever it cannot: a
 * silent fallback to scalar code fails these tests. The rule ({@link VectorSupport}): VECTOR when
 * {@code jdk.incubator.vector} is present, the VM is HotSpot with C2, and the preferred float species has at least 128
 * bits; SCALAR otherwise, or when {@code fa4j.simd.path=scalar}. This JVM takes one branch; fresh JVMs started with
 * flags that shrink the species, stop C2 or force the path take the others.
 */
class VectorSupportTest {

    /** Run in a fresh JVM: prints the decision; VectorSupport itself logs it (to stderr, merged into the output). */
    static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) {
            System.out.println("decision: path=" + VectorSupport.path() + " bits=" + VectorSupport.preferredBits()
                    + " linalg=" + Linalg.defaults().path() + " reason=" + VectorSupport.reason());
        }
    }

    private static String cpuFlags() throws IOException {
        Path p = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(p)) {
            return "";
        }
        return Files.readAllLines(p).stream().filter(l -> l.startsWith("flags")).findFirst().orElse("").toLowerCase(Locale.ROOT);
    }

    private static List<String> jvmArgs() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static String vmOption(String name, String absent) {
        try {
            HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hs == null ? absent : hs.getVMOption(name).getValue();
        } catch (IllegalArgumentException e) {
            return absent;
        }
    }

    /** Whether this JVM has C2 to intrinsify the Vector API: a JIT, not interpreted, tiers up to level 4, no JVMCI. */
    private static boolean c2Active() {
        boolean jit = ManagementFactory.getCompilationMXBean() != null;
        boolean interpreted = System.getProperty("java.vm.info", "").contains("interpreted");
        boolean tieredBelowC2 = vmOption("TieredCompilation", "true").equals("true")
                && Integer.parseInt(vmOption("TieredStopAtLevel", "4")) < 4;
        boolean off = jvmArgs().stream().map(a -> a.replace(" ", "")).anyMatch(a -> a.equals("-XX:+UseJVMCICompiler")
                || a.equals("-XX:-EnableVectorSupport") || a.equals("-XX:-EnableVectorIntrinsification"));
        return jit && !interpreted && vmOption("UseCompiler", "true").equals("true") && !tieredBelowC2 && !off;
    }

    @Test
    void theDecisionInThisJvmFollowsTheSpeciesWidthTheVmAndC2() {
        String forced = System.getProperty("fa4j.simd.path", "").trim().toLowerCase(Locale.ROOT);
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        String vm = System.getProperty("java.vm.name", "");
        boolean hotspot = vm.contains("HotSpot") || vm.contains("OpenJDK");
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean available = module && bits >= 128 && hotspot && c2Active();
        KernelPath expected = available && !forced.equals("scalar") ? KernelPath.VECTOR : KernelPath.SCALAR;

        String why = VectorSupport.reason();
        assertThat(VectorSupport.preferredBits()).isEqualTo(bits);
        assertThat(VectorSupport.vectorAvailable()).as(why).isEqualTo(available);
        assertThat(VectorSupport.path()).as(why).isEqualTo(expected);
        assertThat(Linalg.defaults().path()).isEqualTo(expected);
        if (available) {
            assertThat(why).contains("preferred float species " + bits + " bits");
        } else if (bits < 128) {
            assertThat(why).contains(bits + " bits (< 128)");
        } else if (!hotspot) {
            assertThat(why).contains("not HotSpot");
        } else {
            assertThat(why).contains("without C2");
        }
        if (forced.equals("scalar")) {
            assertThat(why).endsWith("scalar forced by fa4j.simd.path");
        }
    }

    /**
     * The preferred species is the widest vector the VM compiles to ({@code MaxVectorSize}), and on an AVX CPU that is
     * at least 256 bits (512 with AVX-512) unless a JVM flag narrows it.
     */
    @Test
    void thePreferredSpeciesIsTheVmsVectorWidthAndAvxCpusGetAtLeast256Bits() throws IOException {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        int maxVectorBytes = Integer.parseInt(vmOption("MaxVectorSize", "0"));
        if (maxVectorBytes == 0) {
            // Not HotSpot: no MaxVectorSize, and no vector path.
            assertThat(VectorSupport.path()).as(VectorSupport.reason()).isEqualTo(KernelPath.SCALAR);
            return;
        }
        assertThat(bits).as("MaxVectorSize = " + maxVectorBytes + " bytes").isEqualTo(8 * maxVectorBytes);
        String flags = " " + cpuFlags() + " ";
        boolean narrowed = jvmArgs().stream().anyMatch(a -> a.startsWith("-XX:UseAVX") || a.startsWith("-XX:MaxVectorSize"));
        if (!narrowed && flags.contains(" avx512f ")) {
            assertThat(bits).as("AVX-512 CPU").isEqualTo(512);
        } else if (!narrowed && flags.contains(" avx2 ")) {
            assertThat(bits).as("AVX2 CPU").isGreaterThanOrEqualTo(256);
        }
    }

    @Test
    void theVectorKernelsUseTheDecidedSpeciesWidth() {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        assertThat(VectorKernels.INSTANCE.preferredBits()).isEqualTo(bits).isEqualTo(VectorSupport.preferredBits());
        assertThat(VectorGemm.NR).isEqualTo(3 * bits / 32);
    }

    /**
     * Each branch of the decision in a fresh JVM, with its logged line: a 128-bit species (as on a CPU without AVX)
     * still runs the vector path; a 64-bit species, a JVM without C2 (C1 only, or interpreted) and the scalar override
     * run the scalar path and say why.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-XX:MaxVectorSize=16      | VECTOR | 128 | preferred float species 128 bits",
        "-XX:MaxVectorSize=8       | SCALAR | 64  | preferred float species is 64 bits (< 128)",
        "-XX:TieredStopAtLevel=1   | SCALAR |     | HotSpot runs without C2 vector intrinsics (-XX:TieredStopAtLevel=1)",
        "-Xint                     | SCALAR |     | HotSpot runs without C2 vector intrinsics (-Xint)",
        "-Dfa4j.simd.path=scalar   | SCALAR |     | scalar forced by fa4j.simd.path"})
    void eachBranchOfTheDecisionIsTakenAndLoggedInAFreshJvm(String flag, KernelPath path, Integer bits, String reason)
            throws IOException, InterruptedException {
        String out = probe(flag);
        assertThat(out).as(out).contains("decision: path=" + path + " bits=" + (bits == null ? "" : bits));
        assertThat(out).as(out).contains(" linalg=" + path + " reason=").contains(reason);
        assertThat(out).as("the decision is logged").contains("fa4j kernels: " + path + " path (");
    }

    @Test
    void aCpuWithoutAvxStillRunsTheVectorPathOnSse() throws IOException, InterruptedException {
        String arch = System.getProperty("os.arch", "");
        String flag = arch.equals("amd64") || arch.equals("x86_64") ? "-XX:UseAVX=0" : "-XX:MaxVectorSize=16";
        String out = probe(flag);
        assertThat(out).as(out).contains("decision: path=VECTOR bits=128 linalg=VECTOR");
    }

    private static String probe(String flag) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = Path.of("target", "classes") + File.pathSeparator + Path.of("target", "test-classes");
        List<String> cmd = new ArrayList<>(List.of(java, flag, "--add-modules", "jdk.incubator.vector", "-cp", cp,
                Probe.class.getName()));
        Path log = Files.createTempFile("fa4j-vector-probe", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("probe " + cmd + " did not finish in 120 s; output so far:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(cmd + "\n" + out).isZero();
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
