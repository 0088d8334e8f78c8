package org.fa4j.simd;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Decides once, at start-up, whether the Vector API kernels run, and logs the decision once.
 *
 * <p>The vector path runs when the module {@code jdk.incubator.vector} is present, the VM is HotSpot running with
 * its optimising compiler (so the API is intrinsified rather than emulated ~100× slower), and the preferred
 * {@code FloatVector} species is at least 128 bits. The system property {@code fa4j.simd.path=scalar} forces the
 * scalar path; {@code fa4j.simd.path=vector} demands the vector one and fails if it is unavailable.
 */
public final class VectorSupport {

    private static final Decision DECISION = decide();

    private VectorSupport() {
    }

    private record Decision(boolean available, KernelPath path, String reason, int bits) {
    }

    /** The path {@link Linalg#defaults()} runs. */
    public static KernelPath path() {
        return DECISION.path();
    }

    /** True when the vector kernels can run on this VM. */
    public static boolean vectorAvailable() {
        return DECISION.available();
    }

    /** Why the path was chosen, in a sentence. */
    public static String reason() {
        return DECISION.reason();
    }

    /** Bit size of the preferred float species, or 0 when the vector module is absent. */
    public static int preferredBits() {
        return DECISION.bits();
    }

    private static Decision decide() {
        boolean moduleThere = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                || VectorSupport.class.getModule().getLayer() == null;
        int bits = 0;
        String why;
        boolean ok;
        if (!moduleThere) {
            ok = false;
            why = "module jdk.incubator.vector is not in the boot layer";
        } else {
            try {
                bits = VectorKernels.preferredBits();
            } catch (LinkageError e) {
                bits = 0;
            }
            String vm = System.getProperty("java.vm.name", "");
            String info = System.getProperty("java.vm.info", "");
            boolean hotspot = vm.contains("HotSpot") || vm.contains("OpenJDK");
            boolean interpreted = info.toLowerCase(Locale.ROOT).contains("interpreted");
            boolean c2 = c2Enabled();
            if (bits < 128) {
                ok = false;
                why = "preferred float species is " + bits + " bits (< 128)";
            } else if (!hotspot) {
                ok = false;
                why = "VM '" + vm + "' is not HotSpot: the Vector API may not be intrinsified";
            } else if (interpreted || !c2) {
                ok = false;
                why = "HotSpot runs without its C2 compiler (" + info + "): the Vector API would not be intrinsified";
            } else {
                ok = true;
                why = "Vector API on HotSpot C2, preferred float species " + bits + " bits";
            }
        }
        String forced = System.getProperty("fa4j.simd.path", "").trim().toLowerCase(Locale.ROOT);
        KernelPath path = ok ? KernelPath.VECTOR : KernelPath.SCALAR;
        switch (forced) {
            case "" -> { }
            case "scalar" -> {
                path = KernelPath.SCALAR;
                why = why + "; scalar forced by fa4j.simd.path";
            }
            case "vector" -> {
                if (!ok) {
                    throw new IllegalStateException("fa4j.simd.path=vector, but the vector path is unavailable: " + why);
                }
            }
            default -> throw new IllegalArgumentException("fa4j.simd.path must be 'vector' or 'scalar', got '" + forced + "'");
        }
        System.getLogger("org.fa4j.simd").log(path == KernelPath.VECTOR ? Level.DEBUG : Level.INFO,
                "fa4j kernels: " + path + " path (" + why + ")");
        return new Decision(ok, path, why, bits);
    }

    /** False when flags such as -XX:TieredStopAtLevel=1..3 or -XX:-UseCompiler keep C2 from running. */
    private static boolean c2Enabled() {
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            String a = arg.replace(" ", "");
            if (a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4")) {
                return false;
            }
            if (a.equals("-XX:-UseCompiler") || a.equals("-Xint")) {
                return false;
            }
        }
        return true;
    }
}
