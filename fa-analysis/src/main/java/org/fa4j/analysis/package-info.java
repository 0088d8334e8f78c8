/**
 * Theorem checks for feedback alignment (Lillicrap et al., arXiv:1411.0247, Supplement Proofs #1–#3 and Fig. 3/4),
 * as a library: each {@code *Check} class takes a parameter record (with {@code defaults()} and a builder) and returns
 * a {@link org.fa4j.analysis.CheckReport} that serialises to JSON. {@link org.fa4j.analysis.TheoremSuite} runs them all.
 * {@link org.fa4j.analysis.ModelChecks}, {@link org.fa4j.analysis.AlignmentMonitor} and
 * {@link org.fa4j.analysis.ConservationMonitor} check the same claims on a model trained with fa-core, from the model
 * itself or step by step as a training listener.
 *
 * <p>Everything here is an independent float64 reference: the linear dynamics E = T − WA and its updates (eqs. 5–13)
 * are implemented directly, with EJML for SVD, pseudoinverse and eigenvalues and Hipparchus' Dormand–Prince 8(5,3)
 * for the continuous-time systems. It does not use fa-core's float kernels; the row-major vector kernels of
 * {@link org.fa4j.analysis.Mat64} are public, so that the experiments' float64 networks run the very same arithmetic.
 * Where the paper's text has slips the corrected forms of PAPER.md §3 are used and named in each report's notes: the
 * Lemma-3 bound max(s(0), ‖BT‖², 2n_h²); Theorem 2's scalar η·s_w·‖Bỹ‖²; and the Supplement's proof numbering
 * (Proof #2 is Gauss–Newton, Proof #3 is "B acts like the pseudoinverse of W").
 */
package org.fa4j.analysis;
