/** IDX files, MNIST and Fashion-MNIST, and the synthetic tasks of Lillicrap et al.; no training. */
module org.fa4j.datasets {
    requires transitive org.fa4j.simd;

}
