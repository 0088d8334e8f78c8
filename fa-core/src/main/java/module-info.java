/** Networks, the training rules (backprop, feedback alignment and their family) and the training loop. */
module org.fa4j.core {
    requires transitive org.fa4j.simd;

}
