package org.fa4j.core;

import java.util.SplittableRandom;
import org.fa4j.datasets.SeedStream;
import org.fa4j.datasets.Seeds;
import org.fa4j.simd.Matrix;

/**
 * The one place that maps each {@link LearningRule} to its engine and its feedback matrices. The switches are
 * exhaustive over the sealed family, so a new rule that is not wired in here does not compile.
 */
final class RuleEngines {
    private RuleEngines() {
    }

    /** The engine of {@code rule} for {@code model}; {@code seeds} gives the perturbation stream. */
    static RuleEngine create(LearningRule rule, Model model, long seeds) {
        return create(rule, model, seeds, 0);
    }

    /**
     * As {@link #create(LearningRule, Model, long)}; {@code layer} is the one layer a {@link Layerwise} pathway serves,
     * or 0 for a whole-network rule (engines of rules that keep per-layer state act on that layer only).
     */
    private static RuleEngine create(LearningRule rule, Model model, long seeds, int layer) {
        int depth = model.depth();
        int from = layer == 0 ? 1 : layer;
        int to = layer == 0 ? depth - 1 : layer;
        return switch (rule) {
            case Backprop r -> new BackpropEngine();
            case FeedbackAlignment r -> new FeedbackAlignmentEngine();
            case Pseudobackprop r -> new PseudobackpropEngine(r, depth);
            case Shallow r -> new ShallowEngine();
            case NodePerturbation r -> new NodePerturbationEngine(r, Seeds.random(seeds, SeedStream.PERTURBATION));
            case Layerwise r -> {
                ChainEngine[] p = new ChainEngine[r.pathways().size()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = (ChainEngine) create(r.pathways().get(i), model, seeds, i + 1);
                }
                yield new LayerwiseEngine(p);
            }
            case DirectFeedbackAlignment r -> new DirectFeedbackAlignmentEngine();
            case SignSymmetry r -> new SignSymmetryEngine(r, model, from, to, feedbackLearning(seeds, layer));
            case KolenPollack r -> new KolenPollackEngine(from, to);
            case WeightMirror r -> new WeightMirrorEngine(r, model, from, to, feedbackLearning(seeds, layer));
        };
    }

    /** True for rules that can serve as one layer's pathway in {@link Layerwise}. */
    static boolean isPathway(LearningRule rule) {
        return switch (rule) {
            case Backprop r -> true;
            case FeedbackAlignment r -> true;
            case Pseudobackprop r -> true;
            case Shallow r -> false;
            case NodePerturbation r -> false;
            case Layerwise r -> false;
            case DirectFeedbackAlignment r -> false;
            case SignSymmetry r -> true;
            case KolenPollack r -> true;
            case WeightMirror r -> true;
        };
    }

    /** Throws unless {@code rule} can run on {@code spec}. */
    static void checkCompatible(LearningRule rule, NetworkSpec spec) {
        if (rule instanceof Layerwise lw && lw.pathways().size() != spec.depth() - 1) {
            throw new IllegalArgumentException("a layerwise rule for a network of depth " + spec.depth() + " (" + spec.sizes()
                    + ") needs " + (spec.depth() - 1) + " pathways, got " + lw.pathways().size());
        }
    }

    /**
     * Draws the feedback matrices (and masks) {@code rule} keeps, layer by layer, from {@code random}; {@code wt} are
     * the model's initial forward weights as stored, {@code W_lᵀ} (sign symmetry derives {@code B} from them).
     */
    static void initFeedback(LearningRule rule, NetworkSpec spec, Matrix[] wt, SplittableRandom random, Matrix[] fb,
                             Matrix[] fbMask) {
        for (int l = 1; l < spec.depth(); l++) {
            LearningRule pathway = rule instanceof Layerwise lw ? lw.pathways().get(l - 1) : rule;
            Matrix family = familyFeedback(pathway, spec, wt, l, random);
            if (family != null) {
                fb[l] = family;
            } else if (pathway instanceof FeedbackAlignment fa) {
                int below = spec.units(l - 1);
                int above = spec.units(l);
                // B_l is units_{l−1} × units_l: it maps layer l's error to layer l−1 (PAPER §1.6).
                fb[l] = Model.draw(fa.feedbackInit(), below, above, above, below, random);
                if (fa.sparsity() > 0) {
                    fbMask[l] = Model.mask(below, above, fa.sparsity(), random);
                    Ops.hadamardScalar(fb[l], fbMask[l]);
                }
            }
        }
    }

    /** Throws unless the model holds the feedback matrices its rule needs, with the right shapes. */
    static void checkFeedback(LearningRule rule, Model m) {
        NetworkSpec spec = m.spec();
        checkCompatible(rule, spec);
        for (int l = 1; l < spec.depth(); l++) {
            LearningRule pathway = rule instanceof Layerwise lw ? lw.pathways().get(l - 1) : rule;
            if (pathway instanceof FeedbackAlignment || isFamilyFeedback(pathway)) {
                Matrix b = m.fb[l];
                int below = spec.units(l - 1);
                int above = pathway instanceof DirectFeedbackAlignment ? spec.outputs() : spec.units(l);
                if (b == null || b.rows() != below || b.cols() != above) {
                    throw new IllegalArgumentException("layer " + l + " needs a feedback matrix B of shape " + below + "x" + above
                            + " for " + pathway.name() + ", got " + (b == null ? "none" : b.shape()));
                }
            }
        }
    }

    /**
     * The {@link SeedStream#FEEDBACK_LEARNING} generator of a whole-network rule ({@code layer} 0), or a generator of
     * its own, derived from it, for the pathway of one layer, so that two pathways never share a noise sequence.
     */
    private static SplittableRandom feedbackLearning(long seeds, int layer) {
        SplittableRandom r = Seeds.random(seeds, SeedStream.FEEDBACK_LEARNING);
        return layer == 0 ? r : new SplittableRandom(Seeds.salted(r.nextLong(), layer));
    }

    /** True for the rules beyond the paper that keep a {@code B_l} for every layer {@code l ≥ 1}. */
    private static boolean isFamilyFeedback(LearningRule rule) {
        return rule instanceof DirectFeedbackAlignment || rule instanceof SignSymmetry || rule instanceof KolenPollack
                || rule instanceof WeightMirror;
    }

    /**
     * The initial feedback matrix of layer {@code l} for the rules beyond the paper, or null for the others. DFA's
     * {@code D_{l−1}} is {@code units_{l−1} × outputs}, drawn like feedback alignment's {@code B_l} (same fans, same
     * order), so that with one hidden layer DFA and FA draw the same matrix; the others have the shape of
     * {@code W_lᵀ}.
     */
    private static Matrix familyFeedback(LearningRule rule, NetworkSpec spec, Matrix[] wt, int l, SplittableRandom random) {
        int below = spec.units(l - 1);
        return switch (rule) {
            case DirectFeedbackAlignment r -> Model.draw(r.feedbackInit(), below, spec.outputs(), spec.outputs(), below, random);
            case SignSymmetry r -> SignSymmetryEngine.initial(r, wt[l], random);
            case KolenPollack r -> Model.draw(r.feedbackInit(), below, spec.units(l), spec.units(l), below, random);
            case WeightMirror r -> Model.draw(r.feedbackInit(), below, spec.units(l), spec.units(l), below, random);
            default -> null;
        };
    }
}
