package example.theoremsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.fa4j.analysis.AlignmentMonitor;
import org.fa4j.analysis.CheckReport;
import org.fa4j.analysis.ConservationMonitor;
import org.fa4j.analysis.LayerAlignment;
import org.fa4j.analysis.ModelChecks;
import org.fa4j.analysis.SignalAlignment;
import org.fa4j.core.Model;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.LinearTask;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.TrainTest;
import org.junit.jupiter.api.Test;

/**
 * The paper's claims, checked on networks this project trains with fa-core: the tests a user writes. Each check
 * returns a report; {@code assertPassed()} fails the test with what was measured, the threshold and where, and the
 * measurements are plain records for AssertJ.
 */
class FeedbackAlignmentClaimsTest {
    static final LinearTask TASK = LinearTask.generate(11, 3000, 500);

    /** Supplement Proof #3, Fig. 4: trained by FA from small weights, W comes to act like B⁺; a random W sits near 90°. */
    @Test
    void theWeightsAlignWithThePseudoinverseOfTheFeedback() {
        Model model = MyNetworks.linear(3);
        double before = ModelChecks.weightAlignment(model).get(0).angleToPseudoinverse();
        MyNetworks.trainOnline(model, TASK.train(), 3e-3, List.of());
        for (LayerAlignment layer : ModelChecks.weightAlignment(model)) {
            assertThat(layer.angleToPseudoinverse()).as("W_%d∡B_%d⁺ (it started at %.1f°)", layer.layer(), layer.layer(), before)
                    .isLessThan(45);
            assertThat(layer.angleToTranspose()).as("W_%d∡B_%dᵀ", layer.layer(), layer.layer()).isLessThan(90);
        }
        ModelChecks.weightsAlignWithPseudoinverse(model, 45).assertPassed();
    }

    /** §1.2, insight 2: condition (1) eᵀWBe > 0 is acquired by learning, and Be comes within 45° of Wᵀe (Fig. 1e). */
    @Test
    void conditionOneIsAcquiredDuringTraining() {
        Model model = MyNetworks.linear(4);
        AlignmentMonitor monitor = AlignmentMonitor.of(model, 10);
        MyNetworks.trainOnline(model, TASK.train(), 3e-3, List.of(monitor));
        monitor.conditionOneAcquiredBy(1_500, 10).assertPassed();
        monitor.finalAngleBelow(45, 50).assertPassed();
        ModelChecks.conditionOne(model, TASK.test().inputs(), TASK.test().targets(), 0.9).assertPassed();
    }

    /** Eq. (14): BW + WᵀBᵀ − W₀W₀ᵀ stays constant up to a drift of order η while the linear network trains. */
    @Test
    void theConservationLawHoldsWhileTraining() {
        Model model = MyNetworks.linear(5);
        ConservationMonitor law = ConservationMonitor.of(model, 10);
        MyNetworks.trainOnline(model, TASK.train(), 1e-3, List.of(law));
        law.conservationLaw(0.1).assertPassed();
        assertThat(law.maxRelativeDrift()).isGreaterThan(0); // measured, not assumed
    }

    /** Fig. 2b on the user's data: in a deeper MNIST network every hidden layer's FA update is within 90° of backprop's. */
    @Test
    void onMnistEveryHiddenLayersUpdateIsWithinNinetyDegreesOfBackprops() throws Exception {
        Path data = mnist();
        Model model = MyNetworks.mnist(data, 3000, 2);
        TrainTest mnist = Mnist.load(data);
        Dataset probe = mnist.test().rows(0, 1000);
        List<SignalAlignment> signals = ModelChecks.signalAlignment(model, probe.inputs(), probe.targets());
        assertThat(signals).extracting(SignalAlignment::hiddenLayer).containsExactly(0, 1);
        for (SignalAlignment s : signals) {
            assertThat(s.angle()).as("Δh_FA∡Δh_BP at hidden layer %d", s.hiddenLayer()).isLessThan(90);
            assertThat(s.meanProduct()).as("mean δᵀWBδ at hidden layer %d", s.hiddenLayer()).isPositive();
        }
        ModelChecks.hiddenUpdatesAlignWithBackprop(model, probe.inputs(), probe.targets(), 90).assertPassed();
    }

    /** What a failing claim looks like: an untrained network's W is far from B⁺, and the message says by how much. */
    @Test
    void aFailingClaimReadsLikeAnAssertion() {
        CheckReport report = ModelChecks.weightsAlignWithPseudoinverse(MyNetworks.linear(6), 45);
        assertThatThrownBy(report::assertPassed).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("weights-align-with-pseudoinverse (Supplement Proof #3, Fig. 4): FAIL: largest W∡B⁺ is ")
                .hasMessageContaining("required below 45.00°");
    }

    static Path mnist() {
        String p = System.getenv("FA4J_DATA");
        Path data = (p != null && !p.isBlank() ? Path.of(p) : Path.of("..", "..", "data")).toAbsolutePath().normalize().resolve("mnist");
        boolean present = Mnist.hasFiles(data);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but there is no MNIST in " + data + ": run bin/fetch-data first");
        }
        assumeTrue(present, "no MNIST in " + data + " (bin/fetch-data)");
        return data;
    }
}
