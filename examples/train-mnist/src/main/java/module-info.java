/** Training feedback alignment on MNIST from a module of one's own: the one {@code requires} line it needs. */
module example.trainmnist {
    requires org.fa4j.core;   // and, through it, org.fa4j.datasets (Mnist) and org.fa4j.simd (Linalg)

    exports example.trainmnist;
}
