package org.fa4j.simd;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Decides once, at start-up, whether the Vector API kernels run, and logs the decision once.
 *
 * <p>The vector path runs when the module {@code jdk.incubator.vector} is present, the VM is HotSpot running with
 * its optimising compiler (so the API is intrinsified rather than emulated in plain Java, which is many times
 * slower), and the preferred {@code FloatVector} species is at least 128 bits. The system property
 * {@code fa4j.simd.path=scalar} forces the scalar path; {@code fa4j.simd.path=vector} demands the vector one and
 * fails if it is unavailable.
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
        // On the module path the module is resolved because org.fa4j.simd requires it; on the class path only
        // with --add-modules jdk.incubator.vector.
        boolean moduleThere = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        int bits = 0;
        String why;
        boolean ok;
        if (!moduleThere) {
            ok = false;
            why = "module jdk.incubator.vector is not in the boot layer (on the class path, add --add-modules jdk.incubator.vector)";
        } else {
            try {
                bits = org.fa4j.simd.internal.KernelLoader.preferredVectorBits();
            } catch (LinkageError e) {
                bits = 0;
            }
            String vm = System.getProperty("java.vm.name", "");
            String info = System.getProperty("java.vm.info", "");
            boolean hotspot = vm.contains("HotSpot") || vm.contains("OpenJDK");
            boolean interpreted = info.toLowerCase(Locale.ROOT).contains("interpreted");
            String noC2 = c2Missing();
            if (bits < 128) {
                ok = false;
                why = "preferred float species is " + bits + " bits (< 128)";
            } else if (!hotspot) {
                ok = false;
                why = "VM '" + vm + "' is not HotSpot: the Vector API may not be intrinsified";
            } else if (interpreted || noC2 != null) {
                ok = false;
                why = "HotSpot runs without C2 vector intrinsics (" + (noC2 != null ? noC2 : info)
                        + "): the Vector API would run ~100x slower in Java";
            } else {
                ok = true;
                why = "Vector API on HotSpot C2, preferred float species " + bits + " bits";
            }
        }
        String forced = System.getProperty("fa4j.simd.path", "").trim().toLowerCase(Locale.ROOT);
        KernelPath path = ok ? KernelPath.VECTOR : KernelPath.SCALAR;
        Level level = ok ? Level.INFO : Level.WARNING;
        switch (forced) {
            case "" -> { }
            case "scalar" -> {
                path = KernelPath.SCALAR;
                level = Level.INFO;
                why = why + "; scalar forced by fa4j.simd.path";
            }
            case "vector" -> {
                if (!ok) {
                    throw new IllegalStateException("fa4j.simd.path=vector, but the vector path is unavailable: " + why);
                }
            }
            default -> throw new IllegalArgumentException("fa4j.simd.path must be 'vector' or 'scalar', got '" + forced + "'");
        }
        System.getLogger("org.fa4j.simd").log(level, "fa4j kernels: " + path + " path (" + why + ")");
        return new Decision(ok, path, why, bits);
    }

    /**
     * Why C2 will not intrinsify the Vector API, or null when it will: no JIT, tiered compilation stopped below C2,
     * vector intrinsics disabled, or a JVMCI (Graal) compiler in place of C2.
     */
    private static String c2Missing() {
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            String a = arg.replace(" ", "");
            if (a.equals("-Xint") || a.equals("-XX:-EnableVectorSupport") || a.equals("-XX:-EnableVectorIntrinsification")
                    || a.equals("-XX:+UseJVMCICompiler")) {
                return a;
            }
        }
        try {
            var hs = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hs == null) {
                return null;
            }
            if (option(hs, "UseCompiler", "true").equals("false")) {
                return "-XX:-UseCompiler";
            }
            if (option(hs, "TieredCompilation", "true").equals("true")
                    && !option(hs, "TieredStopAtLevel", "4").equals("4")) {
                return "-XX:TieredStopAtLevel=" + option(hs, "TieredStopAtLevel", "4");
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String option(com.sun.management.HotSpotDiagnosticMXBean hs, String name, String absent) {
        try {
            return hs.getVMOption(name).getValue();
        } catch (IllegalArgumentException e) {
            return absent;
        }
    }
}
