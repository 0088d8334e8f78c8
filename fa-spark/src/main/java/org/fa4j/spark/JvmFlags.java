package org.fa4j.spark;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * The JVM flags a Spark JVM needs on JDK 25: those Spark's launcher passes ({@link JavaModuleOptions}, the
 * {@code --add-opens} list and {@code --add-modules=jdk.incubator.vector}) and {@code -Djdk.reflect.useDirectMethodHandle=false}.
 * {@code bin/fa4j-spark} and {@code bin/spark-cluster} start their JVMs with what {@link #main} prints.
 */
public final class JvmFlags {
    /** The flag Spark's launcher does not pass. */
    static final String EXTRA = "-Djdk.reflect.useDirectMethodHandle=false";

    private JvmFlags() {
    }

    /** The flags, space-separated. */
    public static String flags() {
        return JavaModuleOptions.defaultModuleOptions() + " " + EXTRA;
    }

    /** Prints {@link #flags()}. */
    public static void main(String[] args) {
        System.out.println(flags());
    }
}
