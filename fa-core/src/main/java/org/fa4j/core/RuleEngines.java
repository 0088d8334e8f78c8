package org.fa4j.core;

import java.util.SplittableRandom;
import org.fa4j.simd.Matrix;

/**
 * The one place that maps each {@link LearningRule} to its engine and its feedback matrices. The switches are
 * exhaustive over the sealed family, so a new rule that is not wired in here does not compile.
 */
final class RuleEngines {
    private RuleEngines() {
    }

    /** The engine of {@code rule} for {@code model}; {@code seeds} gives the perturbation stream. */
    static RuleEngine create(LearningRule rule, Model model, Seeds seeds) {
        int depth = model.depth();
        return switch (rule) {
            case Backprop r -> new BackpropEngine();
            case FeedbackAlignment r -> new FeedbackAlignmentEngine();
            case Pseudobackprop r -> new PseudobackpropEngine(r, depth);
            case Shallow r -> new ShallowEngine();
            case NodePerturbation r -> new NodePerturbationEngine(r, seeds.random(RandomStream.PERTURBATION));
            case Layerwise r -> {
                ChainEngine[] p = new ChainEngine[r.pathways().size()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = (ChainEngine) create(r.pathways().get(i), model, seeds);
                }
                yield new LayerwiseEngine(p);
            }
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
        };
    }

    /** Throws unless {@code rule} can run on {@code spec}. */
    static void checkCompatible(LearningRule rule, NetworkSpec spec) {
        if (rule instanceof Layerwise lw && lw.pathways().size() != spec.depth() - 1) {
            throw new IllegalArgumentException("a layerwise rule for a network of depth " + spec.depth() + " (" + spec.sizes()
                    + ") needs " + (spec.depth() - 1) + " pathways, got " + lw.pathways().size());
        }
    }

    /** Draws the feedback matrices (and masks) {@code rule} keeps, layer by layer, from {@code random}. */
    static void initFeedback(LearningRule rule, NetworkSpec spec, SplittableRandom random, Matrix[] fb, Matrix[] fbMask) {
        for (int l = 1; l < spec.depth(); l++) {
            LearningRule pathway = rule instanceof Layerwise lw ? lw.pathways().get(l - 1) : rule;
            if (pathway instanceof FeedbackAlignment fa) {
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
            if (pathway instanceof FeedbackAlignment) {
                Matrix b = m.fb[l];
                int below = spec.units(l - 1);
                int above = spec.units(l);
                if (b == null || b.rows() != below || b.cols() != above) {
                    throw new IllegalArgumentException("layer " + l + " needs a feedback matrix B of shape " + below + "x" + above
                            + " for " + pathway.name() + ", got " + (b == null ? "none" : b.shape()));
                }
            }
        }
    }
}
