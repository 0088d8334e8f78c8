package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fa4j.core.Evaluation;
import org.fa4j.core.Model;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.datasets.NonlinearTask;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fig2dExperimentTest {

    private static Map<String, Object> summary() {
        return QuickRuns.run(new Fig2dExperiment()).summary();
    }

    @Test
    void backpropAndFeedbackAlignmentBeatShallowLearning() {
        Map<String, Object> s = summary();
        double shallow = QuickRuns.num(s, "meanFinalNse_shallow-3layer");
        for (String k : new String[] {"bp-3layer", "fa-3layer", "bp-4layer", "fa-4layer"}) {
            assertThat(QuickRuns.num(s, "meanFinalNse_" + k)).as(k).isLessThan(shallow / 2);
        }
    }

    @Test
    void fourLayerStudentsBeatThreeLayerStudentsOnAverage() {
        Map<String, Object> s = summary();
        assertThat(QuickRuns.num(s, "meanFinalNse_bp-4layer")).isLessThan(QuickRuns.num(s, "meanFinalNse_bp-3layer"));
        assertThat(QuickRuns.num(s, "meanFinalNse_fa-4layer")).isLessThan(QuickRuns.num(s, "meanFinalNse_fa-3layer"));
    }

    @Test
    void tTestsReportPValuesInTheUnitInterval() {
        Map<String, Object> s = summary();
        for (String k : new String[] {"tTestBp_welchP", "tTestFa_welchP", "tTestBp_studentP", "tTestFa_studentP"}) {
            assertThat(QuickRuns.num(s, k)).as(k).isBetween(0.0, 1.0);
        }
    }

    @Test
    void teacherGainIsFaDatasetsDefault() {
        assertThat(Fig2dExperiment.TEACHER_GAIN).isEqualTo(NonlinearTask.DEFAULT_GAIN);
    }

    /**
     * The README's promise for {@code --threads N}: trials run in parallel without changing the results. A shortened
     * Fig. 2d (2000 examples, 3 trials of 5 students) at 1 and at 2 threads writes result JSON whose metrics and
     * summary (every curve, final NSE, t statistic and p-value) are identical to the bit.
     */
    @Test
    void theResultJsonIsBitIdenticalAtOneAndTwoThreads(@TempDir Path dir) throws Exception {
        Fig2dExperiment e = new Fig2dExperiment(2000);
        JsonNode[] runs = new JsonNode[2];
        for (int threads = 1; threads <= 2; threads++) {
            Path out = dir.resolve("threads" + threads);
            e.run(new RunOptions(out, QuickRuns.dataDir(), 3, threads, QuickRuns.SEED, true, true, 0, 0));
            runs[threads - 1] = new ObjectMapper().readTree(out.resolve("fig2d.json").toFile());
        }
        JsonNode one = runs[0];
        JsonNode two = runs[1];
        assertThat(one.get("metrics").get("meanNse_fa-4layer")).hasSize(41);
        assertThat(one.get("metrics").get("finalNsePerTrial_bp-3layer")).hasSize(3);
        assertThat(one.get("summary").get("tTestFa_welchP").isDouble()).isTrue();
        // JsonNode equality compares doubles with Double.compare, so equal trees mean bit-identical numbers.
        assertThat(two.get("metrics")).isEqualTo(one.get("metrics"));
        assertThat(two.get("summary")).isEqualTo(one.get("summary"));
        assertThat(two.get("config")).isEqualTo(one.get("config"));
    }

    @Test
    void aTrialIsDeterministicGivenItsSeed() {
        NonlinearTask task = NonlinearTask.generate(5, 2000, 200, Fig2dExperiment.TEACHER_GAIN);
        Fig2dExperiment.Student s = Fig2dExperiment.STUDENTS.get(4);
        Fig2dExperiment.Curves a = Fig2dExperiment.train(task, s, 5, 1, 2000, 500);
        Fig2dExperiment.Curves b = Fig2dExperiment.train(task, s, 5, 1, 2000, 500);
        assertThat(a.nse()).containsExactly(b.nse());
        // bit for bit, NaN at example 0 included (Arrays.equals compares doubles by their bits)
        assertThat(java.util.Arrays.deepEquals(a.signalAngle(), b.signalAngle())).isTrue();
        assertThat(java.util.Arrays.deepEquals(a.weightAngle(), b.weightAngle())).isTrue();
    }

    @Test
    void followingTheAnglesLeavesTrainingAsItIs() {
        NonlinearTask task = NonlinearTask.generate(5, 2000, 200, Fig2dExperiment.TEACHER_GAIN);
        Fig2dExperiment.Student s = Fig2dExperiment.STUDENTS.get(4);
        Fig2dExperiment.Curves probed = Fig2dExperiment.train(task, s, 5, 1, 2000, 500);
        // the same student trained with no listener: the same test NSE bit for bit
        Model m = Fig2dExperiment.student(s, 5, 1);
        Linalg la = Linalg.newBuilder().threads(1).build();
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(Fig2dExperiment.ETA).batchSize(1).shuffle(false).build())
                .linalg(la).build();
        int[] order = java.util.stream.IntStream.range(0, 2000).toArray();
        t.epoch(task.train().inputs(), task.train().targets(), order);
        assertThat(Evaluation.of(m, task.test().inputs(), task.test().targets(), la).nse()).isEqualTo(probed.nse()[4]);
        assertThat(probed.signalAngle()).hasNumberOfRows(2);
        assertThat(probed.weightAngle()[0][4]).isEqualTo(org.fa4j.core.Diagnostics.weightAngle(m, 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFaStudentsAlignEveryLayerWithItsFeedback() throws Exception {
        summary();
        Map<String, Object> metrics = (Map<String, Object>) QuickRuns.json("fig2d").get("metrics");
        // W_l starts at ~90° to B_lᵀ (independent draws) and turns towards it on every trial, the lower layer included
        for (String key : new String[] {"fa-3layer_layer1", "fa-4layer_layer1", "fa-4layer_layer2"}) {
            java.util.List<Number> mean = (java.util.List<Number>) metrics.get("angleWBt_" + key);
            assertThat(mean.get(0).doubleValue()).as(key + " at the start").isGreaterThan(80);
            for (Number end : (java.util.List<Number>) metrics.get("angleWBtFinalPerTrial_" + key)) {
                assertThat(end.doubleValue()).as(key + " at the end").isLessThan(70);
            }
        }
        // the FA signal of every hidden layer stays well inside 90° of the backprop one
        for (String key : new String[] {"fa-3layer_hidden0", "fa-4layer_hidden0", "fa-4layer_hidden1"}) {
            for (Number end : (java.util.List<Number>) metrics.get("angleFaBpFinalPerTrial_" + key)) {
                assertThat(end.doubleValue()).as(key).isLessThan(65);
            }
        }
        assertThat(metrics).doesNotContainKey("angleFaBp_bp-3layer_hidden0").doesNotContainKey("angleWBt_bp-4layer_layer1");
    }

    @Test
    void studentsOfOneDepthShareTheirInitialWeightsAndBiasesButTrialsDoNot() {
        Fig2dExperiment.Student bp = Fig2dExperiment.STUDENTS.get(3);
        Fig2dExperiment.Student fa = Fig2dExperiment.STUDENTS.get(4);
        Model a = Fig2dExperiment.student(bp, 9, 2);
        Model b = Fig2dExperiment.student(fa, 9, 2);
        Model c = Fig2dExperiment.student(fa, 9, 3);
        for (int l = 0; l < 3; l++) {
            assertThat(a.weights(l).contentEquals(b.weights(l))).isTrue();
            assertThat(a.bias(l).orElseThrow().contentEquals(b.bias(l).orElseThrow())).isTrue();
            assertThat(b.weights(l).contentEquals(c.weights(l))).isFalse();
            float max = 0;
            for (float v : b.bias(l).orElseThrow().toArray()) {
                max = Math.max(max, Math.abs(v));
            }
            assertThat((double) max).as("biases are drawn, within ±ω").isGreaterThan(0).isLessThanOrEqualTo(Fig2dExperiment.STUDENT_OMEGA);
        }
    }

    @Test
    void faCoreStudentsFollowAnIndependentFloat64Network() {
        // 3000 online steps of fa-core (float32) against Net64 (float64, scalar) from the same weights, biases and B.
        NonlinearTask task = NonlinearTask.generate(3, 3000, 0, Fig2dExperiment.TEACHER_GAIN);
        for (Fig2dExperiment.Student s : Fig2dExperiment.STUDENTS) {
            Model m = Fig2dExperiment.student(s, 3, 0);
            Net64 ref = copy(m, s);
            Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(Fig2dExperiment.ETA).batchSize(1)
                    .shuffle(false).build()).linalg(Linalg.newBuilder().threads(1).build()).build();
            Matrix x = task.train().inputs();
            Matrix y = task.train().targets();
            int[] order = new int[x.rows()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
                ref.forward(row(x, i));
                ref.error(row(y, i));
                ref.update(rule(s), Fig2dExperiment.ETA, 0, null, row(y, i));
            }
            t.epoch(x, y, order);
            for (int l = 0; l < m.depth(); l++) {
                Matrix w = m.weights(l);
                double scale = 0;
                double diff = 0;
                for (int i = 0; i < w.rows(); i++) {
                    for (int j = 0; j < w.cols(); j++) {
                        double r = ref.w[l][i * w.cols() + j];
                        scale = Math.max(scale, Math.abs(r));
                        diff = Math.max(diff, Math.abs(r - w.get(i, j)));
                    }
                }
                assertThat(diff).as("%s layer %d: max |W_f32 − W_f64| vs max |W| = %s", s.name(), l, scale).isLessThan(1e-3 * scale);
            }
        }
    }

    private static Net64.Rule rule(Fig2dExperiment.Student s) {
        return switch (s.rule()) {
            case "shallow" -> Net64.Rule.SHALLOW;
            case "bp" -> Net64.Rule.BACKPROP;
            default -> Net64.Rule.FEEDBACK_ALIGNMENT;
        };
    }

    private static Net64 copy(Model m, Fig2dExperiment.Student s) {
        int[] sizes = s.fourLayer() ? new int[] {30, 20, 10, 10} : new int[] {30, 20, 10};
        Net64 n = new Net64(sizes, Net64.Activation.TANH, true);
        for (int l = 0; l < m.depth(); l++) {
            Matrix w = m.weights(l);
            for (int i = 0; i < w.rows(); i++) {
                for (int j = 0; j < w.cols(); j++) {
                    n.w[l][i * w.cols() + j] = w.get(i, j);
                }
            }
            Matrix b = m.bias(l).orElseThrow();
            for (int j = 0; j < b.cols(); j++) {
                n.b[l][j] = b.get(0, j);
            }
            if (l >= 1 && m.feedback(l).isPresent()) {
                Matrix fb = m.feedback(l).get(); // units_{l−1} × units_l, as Net64's B_l
                for (int i = 0; i < fb.rows(); i++) {
                    for (int j = 0; j < fb.cols(); j++) {
                        n.fb[l][i * fb.cols() + j] = fb.get(i, j);
                    }
                }
            }
        }
        return n;
    }

    private static double[] row(Matrix m, int i) {
        double[] r = new double[m.cols()];
        for (int j = 0; j < r.length; j++) {
            r[j] = m.get(i, j);
        }
        return r;
    }
}
