package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class Fig3DynamicsTest {
    @Test
    void velocityFollowsTheExpectedUpdates() {
        Fig3Dynamics.Velocity v = Fig3Dynamics.velocity(0.5, 3.0); // e = 1 − 1.5 = −0.5
        assertThat(v.dW0()).isCloseTo(-0.5, within(1e-15));
        assertThat(v.dW()).isCloseTo(-0.25, within(1e-15));
        assertThat(Fig3Dynamics.velocity(0, 0)).isEqualTo(new Fig3Dynamics.Velocity(1, 0));
    }

    @Test
    void trajectoryFromTheOriginIsTheParabolaWEqualsHalfW0SquaredAndEndsAtTheCubeRoot() {
        List<Fig3Dynamics.State> path = Fig3Dynamics.trajectory(0, 0, 30, 300);
        assertThat(path).hasSize(301);
        for (Fig3Dynamics.State s : path) {
            assertThat(s.w()).isCloseTo(s.w0() * s.w0() / 2, within(1e-10));
        }
        Fig3Dynamics.State end = path.get(300);
        assertThat(end.w0()).isCloseTo(Math.pow(2, 1.0 / 3), within(1e-9));
        assertThat(end.w()).isCloseTo(Math.pow(2, -1.0 / 3), within(1e-9));
    }

    @Test
    void cubicRootsSolveTheReducedFlow() {
        for (double c : new double[] {-6, -4, -3.5, -2, 0, 3}) {
            for (double r : Fig3Dynamics.cubicRoots(c)) {
                assertThat(r * r * r + c * r - 2).isCloseTo(0, within(1e-12));
            }
        }
        assertThat(Fig3Dynamics.cubicRoots(-4)).hasSize(3);
        assertThat(Fig3Dynamics.cubicRoots(-2)).hasSize(1);
    }

    @Test
    void hyperbolaBranchesCarryStabilityFromTheEigenvalue() {
        List<Fig3Dynamics.HyperbolaSegment> segs = Fig3Dynamics.hyperbola(-2, 2, 50);
        assertThat(segs).extracting(Fig3Dynamics.HyperbolaSegment::name)
                .containsExactly("upper-right", "lower-left stable", "lower-left unstable");
        for (Fig3Dynamics.HyperbolaSegment s : segs) {
            for (int i = 0; i < s.w0().length; i++) {
                assertThat(s.w0()[i] * s.w()[i]).isCloseTo(1, within(1e-12));
                assertThat(Math.abs(s.w()[i])).isLessThanOrEqualTo(2 + 1e-12);
                if (Math.abs(s.w0()[i] + 1) > 1e-9) {
                    assertThat(Fig3Dynamics.hyperbolaEigenvalue(s.w0()[i]) < 0).isEqualTo(s.stable());
                }
            }
        }
    }

    @Test
    void numericJacobianHasEigenvaluesZeroAndMinusWPlusW0Squared() {
        double w0 = -1.6;
        double[] ev = Fig3Dynamics.numericJacobianEigenvalues(w0, 1 / w0, 1e-5);
        assertThat(ev[0]).isCloseTo(Fig3Dynamics.hyperbolaEigenvalue(w0), within(1e-8));
        assertThat(ev[1]).isCloseTo(0, within(1e-8));
    }

    @Test
    void startsInsideTheShadedRegionEndOnTheBadBranchAndTheOriginOnTheGoodOne() {
        assertThat(Fig3Dynamics.predictedOutcome(-1.5, -1.5)).isEqualTo(Fig3Dynamics.Outcome.BAD_BRANCH);
        assertThat(Fig3Dynamics.simulatedOutcome(-1.5, -1.5, 100)).isEqualTo(Fig3Dynamics.Outcome.BAD_BRANCH);
        assertThat(Fig3Dynamics.predictedOutcome(0, 0)).isEqualTo(Fig3Dynamics.Outcome.GOOD_BRANCH);
        assertThat(Fig3Dynamics.simulatedOutcome(0, 0, 100)).isEqualTo(Fig3Dynamics.Outcome.GOOD_BRANCH);
        // Above the separatrix on the same parabola (W0 > r2) the flow goes to the good branch.
        assertThat(Fig3Dynamics.predictedOutcome(-0.2, (0.04 - 5.25) / 2)).isEqualTo(Fig3Dynamics.Outcome.GOOD_BRANCH);
        assertThat(Fig3Dynamics.simulatedOutcome(-0.2, (0.04 - 5.25) / 2, 100))
                .isEqualTo(Fig3Dynamics.Outcome.GOOD_BRANCH);
    }

    @Test
    void flowFieldAndBasinCoverTheGrid() {
        assertThat(Fig3Dynamics.flowField(-2, 2, 5)).hasSize(25);
        List<Fig3Dynamics.BasinPoint> basin = Fig3Dynamics.basin(-2, 2, 5, 100);
        assertThat(basin).hasSize(25);
        assertThat(basin).anyMatch(p -> p.predicted() == Fig3Dynamics.Outcome.BAD_BRANCH);
    }
}
