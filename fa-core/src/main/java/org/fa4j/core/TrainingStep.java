package org.fa4j.core;

import java.util.function.Function;
import org.fa4j.core.rule.Parameters;
import org.fa4j.core.rule.StepState;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/** The {@link StepState} a {@link Trainer} hands its rule engine: one instance, re-pointed at each step's buffers. */
final class TrainingStep implements StepState {
    private final Model model;
    private final Linalg la;
    Workspace ws;
    long step;
    int epoch;
    float learningRate;
    float decay;

    TrainingStep(Model model, Linalg la) {
        this.model = model;
        this.la = la;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int batchSize() {
        return ws.batch;
    }

    @Override
    public int depth() {
        return model.depth();
    }

    @Override
    public NetworkSpec spec() {
        return model.spec();
    }

    @Override
    public Linalg linalg() {
        return la;
    }

    @Override
    public Matrix input() {
        return ws.x;
    }

    @Override
    public Matrix input(int layer) {
        return ws.input(layer);
    }

    @Override
    public Matrix activation(int layer) {
        return ws.act[layer];
    }

    @Override
    public Matrix delta(int layer) {
        return ws.delta[layer];
    }

    @Override
    public Matrix error() {
        return ws.err;
    }

    @Override
    public Matrix target() {
        return ws.target;
    }

    @Override
    public Matrix weightsTransposed(int layer) {
        return model.wt[layer];
    }

    @Override
    public Matrix bias(int layer) {
        return model.b[layer];
    }

    @Override
    public Matrix feedback(int layer) {
        return model.fb[layer];
    }

    @Override
    public void timesDerivative(int layer) {
        model.spec().layers().get(layer).activation().timesDerivative(la, ws.act[layer], ws.delta[layer]);
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public float decay() {
        return decay;
    }

    @Override
    public <T> T scratch(Object owner, Function<StepState, T> create) {
        Object s = ws.scratch.get(owner);
        if (s == null) {
            s = create.apply(this);
            ws.scratch.put(owner, s);
        }
        @SuppressWarnings("unchecked")
        T t = (T) s;
        return t;
    }

    @Override
    public Parameters ruleState() {
        return model.ruleState();
    }

    @Override
    public void setRuleState(Parameters state) {
        model.ruleState(state);
    }
}
