/**
 * A user's project that trains its own networks with fa-core and checks the paper's claims on them in its tests.
 * {@code org.fa4j.analysis} brings {@code org.fa4j.core} (and its datasets and kernels) with it.
 */
module example.theoremsuite {
    requires org.fa4j.analysis;

    exports example.theoremsuite;
}
