package org.fa4j.analysis;

import java.util.function.Consumer;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/** Integrates an ODE with Hipparchus' Dormand–Prince 8(5,3), calling back at the start and after every step. */
final class Ode {
    private Ode() {
    }

    /** Final state and the integrator's effort. */
    record Result(double time, double[] state, int steps, int evaluations) {
    }

    /** The state at the n + 1 times k·tEnd/n, k = 0..n, from the integrator's dense output. */
    static double[][] sample(OrdinaryDifferentialEquation ode, double[] y0, double tEnd, int n, double relTol,
            double absTol) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one sample interval, got n = " + n);
        }
        double[][] out = new double[n + 1][];
        out[0] = y0.clone();
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-14 * tEnd, tEnd, absTol, relTol);
        integrator.setMaxEvaluations(50_000_000);
        int[] next = {1};
        integrator.addStepHandler(interpolator -> {
            double end = interpolator.getCurrentState().getTime();
            while (next[0] <= n && next[0] * tEnd / n <= end * (1 + 1e-15)) {
                double time = Math.min(next[0] * tEnd / n, end);
                out[next[0]] = interpolator.getInterpolatedState(time).getPrimaryState();
                next[0]++;
            }
        });
        ODEStateAndDerivative last = integrator.integrate(ode, new ODEState(0.0, y0.clone()), tEnd);
        for (int k = next[0]; k <= n; k++) {
            out[k] = last.getPrimaryState();
        }
        return out;
    }

    static Result integrate(OrdinaryDifferentialEquation ode, double[] y0, double tEnd, double relTol, double absTol,
            Consumer<ODEStateAndDerivative> onStep) {
        return integrate(ode, y0, tEnd, relTol, absTol, 1, onStep);
    }

    /**
     * Like {@link #integrate(OrdinaryDifferentialEquation, double[], double, double, double, Consumer)}, but calls
     * back {@code perStep} times per accepted step, at equally spaced points of the step (the last at its end), from
     * the integrator's dense output.
     */
    static Result integrate(OrdinaryDifferentialEquation ode, double[] y0, double tEnd, double relTol, double absTol,
            int perStep, Consumer<ODEStateAndDerivative> onStep) {
        if (perStep < 1) {
            throw new IllegalArgumentException("perStep must be >= 1, got " + perStep);
        }
        if (!(tEnd > 0)) {
            throw new IllegalArgumentException("tEnd must be > 0, got " + tEnd);
        }
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-14 * tEnd, tEnd, absTol, relTol);
        integrator.setMaxEvaluations(50_000_000);
        int[] steps = {0};
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void init(ODEStateAndDerivative initial, double finalTime) {
                onStep.accept(initial);
            }

            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                steps[0]++;
                double t0 = interpolator.getPreviousState().getTime();
                double t1 = interpolator.getCurrentState().getTime();
                for (int k = 1; k < perStep; k++) {
                    onStep.accept(interpolator.getInterpolatedState(t0 + (t1 - t0) * k / perStep));
                }
                onStep.accept(interpolator.getCurrentState());
            }
        });
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0.0, y0.clone()), tEnd);
        return new Result(end.getTime(), end.getPrimaryState(), steps[0], integrator.getEvaluations());
    }
}
