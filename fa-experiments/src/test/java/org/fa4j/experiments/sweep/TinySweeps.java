package org.fa4j.experiments.sweep;

/** Sweep files over {@link org.fa4j.experiments.TinyMnist}'s data set. */
final class TinySweeps {
    private TinySweeps() {
    }

    /** The tiny config's fields without trials and seed. */
    static final String BASE = "{\"version\":1,\"dataset\":\"mnist\",\"hiddenSizes\":[16],\"hidden\":\"tanh\",\"output\":\"logistic\","
            + "\"rule\":\"fa\",\"eta\":0.5,\"batchScaling\":\"mean\",\"batch\":1,\"epochs\":2,\"weightDecay\":0,\"omega\":0.5,\"beta\":0.5,"
            + "\"schedule\":\"constant\"}";

    /** 2 rules × 2 values of η × 2 seeds = 8 trials. */
    static String sweep() {
        return "{\"version\":1,\"name\":\"tiny\",\"seed\":7,\"seeds\":2,\"base\":" + BASE + ","
                + "\"grid\":{\"rule\":[\"bp\",\"fa\"],\"eta\":[0.2,0.5]},\"trainExamples\":80,\"testExamples\":0,"
                + "\"metrics\":[\"testErrorPerEpoch\",\"finalTestError\",\"finalTrainLoss\"]}";
    }
}
