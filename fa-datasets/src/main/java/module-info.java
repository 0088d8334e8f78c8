/**
 * Data for fa4j: IDX files, MNIST and Fashion-MNIST, the synthetic tasks of Lillicrap et al. (arXiv:1411.0247
 * §2.1 and §2.4 of our digest), mini-batching and seeded random streams. No training happens here.
 *
 * <p>Exports {@link org.fa4j.datasets} ({@link org.fa4j.datasets.Dataset}, {@link org.fa4j.datasets.Mnist},
 * {@link org.fa4j.datasets.LinearTask}, {@link org.fa4j.datasets.NonlinearTask},
 * {@link org.fa4j.datasets.EpochOrder}, {@link org.fa4j.datasets.BatchIterator}, {@link org.fa4j.datasets.Seeds}),
 * {@link org.fa4j.datasets.idx} (the IDX reader and writer) and {@link org.fa4j.datasets.io} (the one atomic file
 * writer of fa4j, {@link org.fa4j.datasets.io.AtomicFiles}).
 *
 * <p>Reads no system properties. The real data sets are put under {@code data/} by {@code bin/fetch-data}.
 */
module org.fa4j.datasets {
    requires transitive org.fa4j.simd;

    exports org.fa4j.datasets;
    exports org.fa4j.datasets.idx;
    exports org.fa4j.datasets.io;
}
