package org.fa4j.core;

import java.util.Objects;
import java.util.SplittableRandom;
import org.fa4j.core.rule.Parameters;
import org.fa4j.core.rule.RuleContext;
import org.fa4j.datasets.SeedStream;
import org.fa4j.datasets.Seeds;
import org.fa4j.simd.Matrix;

/**
 * The {@link RuleContext} of a {@link Trainer}'s engine: the whole network ({@code layer} 0), or one pathway layer of
 * a layerwise rule, whose streams are salted with the layer so that two pathways never share a sequence.
 */
record EngineContext(Model model, long trainingSeed, int layer) implements RuleContext {

    @Override
    public NetworkSpec spec() {
        return model.spec();
    }

    @Override
    public long modelSeed() {
        return model.seed();
    }

    @Override
    public int firstLayer() {
        return layer == 0 ? 1 : layer;
    }

    @Override
    public int lastLayer() {
        return layer == 0 ? model.depth() - 1 : layer;
    }

    @Override
    public SplittableRandom random(SeedStream stream) {
        SplittableRandom r = Seeds.random(trainingSeed, stream);
        return layer == 0 ? r : new SplittableRandom(Seeds.salted(r.nextLong(), layer));
    }

    @Override
    public RuleContext layer(int l) {
        Objects.checkIndex(l - 1, model.depth() - 1);
        return new EngineContext(model, trainingSeed, l);
    }

    @Override
    public Matrix[] redrawFeedback(Matrix[] weightsTransposed) {
        int depth = model.depth();
        Matrix[] fb = new Matrix[depth];
        Model.drawFeedback(model.rule(), model.spec(), weightsTransposed, Seeds.random(model.seed(), SeedStream.FEEDBACK), fb,
                new Matrix[depth]);
        return fb;
    }

    @Override
    public Parameters ruleState() {
        return model.ruleState();
    }
}
