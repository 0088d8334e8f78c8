package org.fa4j.simd.internal;

import org.fa4j.simd.KernelPath;

/**
 * Finds the implementation of each {@link KernelPath}. The Vector API one, {@code internal.vector.VectorKernels}, is
 * looked up by name only when it is asked for, so the scalar path never links a {@code jdk.incubator.vector} class and
 * fa-simd runs on the class path without {@code --add-modules jdk.incubator.vector}.
 */
public final class KernelLoader {
    private static final String VECTOR_KERNELS = "org.fa4j.simd.internal.vector.VectorKernels";

    private KernelLoader() {
    }

    /** The kernels of {@code path}; {@link KernelPath#VECTOR} needs the module {@code jdk.incubator.vector}. */
    public static Kernels kernels(KernelPath path) {
        return path == KernelPath.VECTOR ? Vector.KERNELS : ScalarKernels.INSTANCE;
    }

    /**
     * The bit size of the preferred float species, read from the vector implementation; throws
     * {@link LinkageError} when {@code jdk.incubator.vector} is absent.
     */
    public static int preferredVectorBits() {
        return Vector.KERNELS.preferredBits();
    }

    /** Holds the vector kernels; initialised on first use only. */
    private static final class Vector {
        static final VectorPath KERNELS = load();

        private static VectorPath load() {
            try {
                Class<?> c = Class.forName(VECTOR_KERNELS, true, KernelLoader.class.getClassLoader());
                return (VectorPath) c.getField("INSTANCE").get(null);
            } catch (ReflectiveOperationException e) {
                throw new LinkageError("cannot load " + VECTOR_KERNELS, e);
            }
        }
    }

    /** What the vector implementation offers beyond {@link Kernels}. */
    public interface VectorPath extends Kernels {
        /** The bit size of the preferred float species. */
        int preferredBits();
    }
}
