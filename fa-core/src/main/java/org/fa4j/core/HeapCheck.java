package org.fa4j.core;

import java.util.Locale;

/**
 * Checks, before a large allocation, that the Java heap can hold it, so that a model or layer too large for the heap
 * is refused with the bytes it needs rather than dying of an {@link OutOfMemoryError} halfway through.
 */
public final class HeapCheck {
    private HeapCheck() {
    }

    /** The bytes the heap can still give: its maximum ({@code -Xmx}) less what is in use now. */
    public static long free() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code what}, the bytes needed and the bytes free when the heap
     * cannot hold {@code bytes} more. Garbage counts as in use until collected, so a refusal is confirmed after one
     * collection.
     */
    public static void require(long bytes, String what) {
        if (bytes <= free()) {
            return;
        }
        System.gc();
        long free = free();
        if (bytes > free) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s needs %d bytes (%s), but the Java heap has %d bytes (%s) free of its maximum %s; "
                            + "make it smaller or give Java more memory (-Xmx, e.g. FA4J_JAVA_OPTS=-Xmx%dg for ./fa4j)",
                    what, bytes, mib(bytes), free, mib(free), mib(Runtime.getRuntime().maxMemory()),
                    Math.max(2, (bytes + Runtime.getRuntime().maxMemory()) / (1L << 30) + 1)));
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }
}
