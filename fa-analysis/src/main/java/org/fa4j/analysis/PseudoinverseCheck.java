package org.fa4j.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Check of "W learns to act like a (local) pseudoinverse of B" (Fig. 4; PAPER §2.2, §3.6): Task 1 (30-20-10 linear,
 * T ~ U[−1,1], x ~ N(0, I), B ~ U[−0.5,0.5]) trained online by FA with η = 1e-3 from forward weights uniform on
 * [−ω, ω] for ω ∈ {0.0001, 0.001, 0.01, 0.05, 0.1, 0.125, 0.15, 0.2, 0.25}.
 *
 * <p>Measured per ω over the late-training window (the second half of the run, every {@code measureEvery} steps),
 * with the |cos| angle convention of PAPER §1.4:
 * <ul>
 *   <li>{@code angleFaPbpDeg}: mean angle(Δh_FA = B e, Δh_PBP = W⁺e) — Fig. 4c;</li>
 *   <li>{@code angleFaBpDeg}: mean angle(B e, Δh_BP = Wᵀe) — Fig. 4b;</li>
 *   <li>{@code cosWBplus}: cosine between W and B⁺ as vectors (Frobenius), at the end of the run — 1 iff W is a
 *       positive multiple of B⁺;</li>
 *   <li>{@code wbIdentityDeviation}: ‖W B / α − I‖_F / √n_o with α = tr(W B)/n_o, at the end — 0 iff W B is a
 *       positive multiple of the identity, i.e. W acts as (a multiple of) a left inverse of B;</li>
 *   <li>{@code angleWBeToEDeg}: mean signed angle between W B e and e over the window — how far W B is from a positive
 *       multiple of the identity on the errors actually seen (the "local" in "local pseudoinverse");</li>
 *   <li>{@code beOutsideRowSpaceOfW}: mean ‖(I − W⁺W) B e‖ / ‖B e‖ — the part of the FA signal that W cannot see.
 *       W⁺e lies in the row space of W, so this part is what keeps Be from being parallel to W⁺e. From exactly zero
 *       weights every ΔA and ΔW lies in the range of B, so the row space of W is the range of B and this part
 *       vanishes: the mechanism behind Theorem 2 and behind the small-ω end of Fig. 4c.</li>
 * </ul>
 * The check passes when, for every ω ≤ {@code smallOmega}, the angle to pseudobackprop is smaller than the angle to
 * backprop (the paper's claim), and when the smallest ω aligns more closely with pseudobackprop and with B⁺, and leaves
 * less of Be outside the row space of W, than the largest ω does. The window ends before the error reaches rounding
 * level (its NSE is reported).
 */
public final class PseudoinverseCheck {
    private PseudoinverseCheck() {
    }

    /**
     * Parameters.
     *
     * @param omegas       initial weight scales ω, strictly ascending
     * @param eta          learning rate (the paper: 1e-3)
     * @param steps        online examples per run; the late window is the second half
     * @param measureEvery measure angles every this many steps inside the window
     * @param seeds        task seeds (T, B, initial directions and inputs); results are averaged over them
     * @param smallOmega   for ω up to this value the angle to PBP must be below the angle to BP
     */
    public record Params(List<Double> omegas, double eta, int steps, int measureEvery, List<Long> seeds,
            double smallOmega) {
        /** Validates every component and copies the lists. */
        public Params {
            omegas = Checks.copy("omegas", omegas);
            if (omegas.size() < 2) {
                throw new IllegalArgumentException("omegas must hold at least two scales (the smallest is compared "
                        + "with the largest), got " + omegas);
            }
            for (int i = 0; i < omegas.size(); i++) {
                Checks.positive("omegas[" + i + "]", omegas.get(i));
                // The check compares the first ω with the last as the smallest with the largest.
                if (i > 0 && !(omegas.get(i) > omegas.get(i - 1))) {
                    throw new IllegalArgumentException("omegas must be strictly ascending, got " + omegas);
                }
            }
            Checks.positive("eta", eta);
            Checks.atLeast("steps", steps, 1);
            Checks.atLeast("measureEvery", measureEvery, 1);
            seeds = Checks.seeds("seeds", seeds);
            Checks.nonNegative("smallOmega", smallOmega);
        }

        /** The paper's nine ω, η = 1e-3, 20 000 steps, one seed. */
        public static Params quick() {
            return newBuilder().build();
        }

        /** The paper's nine ω, η = 1e-3, 30 000 steps, three seeds. */
        public static Params full() {
            return newBuilder().steps(30_000).measureEvery(5).seeds(List.of(11L, 12L, 13L)).build();
        }

        /** A builder starting from {@link #quick()}. */
        public static Builder newBuilder() {
            return new Builder();
        }

        /** A builder starting from these parameters. */
        public Builder toBuilder() {
            return new Builder().omegas(omegas).eta(eta).steps(steps).measureEvery(measureEvery).seeds(seeds)
                    .smallOmega(smallOmega);
        }

        /** Builds {@link Params}; {@link #build()} validates as the constructor does. */
        public static final class Builder {
            private List<Double> omegas = List.of(0.0001, 0.001, 0.01, 0.05, 0.1, 0.125, 0.15, 0.2, 0.25);
            private double eta = 1e-3;
            private int steps = 20_000;
            private int measureEvery = 10;
            private List<Long> seeds = List.of(11L);
            private double smallOmega = 0.01;

            private Builder() {
            }

            /** Initial weight scales ω, strictly ascending (default the paper's nine, 0.0001 to 0.25). */
            public Builder omegas(List<Double> v) { this.omegas = v; return this; }

            /** Learning rate η of the online updates (default 1e-3, the paper's). */
            public Builder eta(double v) { this.eta = v; return this; }

            /** Online examples per run; the late window is the second half (default 20 000). */
            public Builder steps(int v) { this.steps = v; return this; }

            /** Steps between angle measurements inside the late window (default 10). */
            public Builder measureEvery(int v) { this.measureEvery = v; return this; }

            /** Task seeds (T, B, initial directions, inputs); results are averaged over them (default 11). */
            public Builder seeds(List<Long> v) { this.seeds = v; return this; }

            /** For every ω up to this the angle to PBP must be below the angle to BP (default 0.01). */
            public Builder smallOmega(double v) { this.smallOmega = v; return this; }

            /** The parameters, validated. */
            public Params build() {
                return new Params(omegas, eta, steps, measureEvery, seeds, smallOmega);
            }
        }
    }

    /** Late-training measurements for one ω (means over seeds). */
    public record OmegaResult(double omega, double angleFaPbpDeg, double angleFaBpDeg, double cosWBplus,
            double wbIdentityDeviation, double angleWBeToEDeg, double beOutsideRowSpaceOfW, double nseWindowStart,
            double nseEnd) {
    }

    /** Runs the sweep and returns the per-ω results (the check's raw data; also in the report). */
    public static List<OmegaResult> sweep(Params p) {
        return sweep(p, Task1Float64.Feedback.RANDOM_B);
    }

    static List<OmegaResult> sweep(Params p, Task1Float64.Feedback feedback) {
        List<OmegaResult> out = new ArrayList<>();
        for (double omega : p.omegas()) {
            double[] acc = new double[8];
            for (long seed : p.seeds()) {
                double[] one = runOne(new Task1Float64(seed), omega, p, feedback);
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += one[i] / p.seeds().size();
                }
            }
            out.add(new OmegaResult(omega, acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7]));
        }
        return out;
    }

    private static double[] runOne(Task1Float64 task, double omega, Params p, Task1Float64.Feedback feedback) {
        Task1Float64.Run run = task.start(omega, p.eta(), feedback);
        DMatrixRMaj bPlus = Mat64.pinv(task.b);
        double[] bp = new double[Task1Float64.N_H];
        double[] pbp = new double[Task1Float64.N_H];
        double[] wbe = new double[Task1Float64.N_O];
        int from = p.steps() / 2;
        double sumPbp = 0;
        double sumBp = 0;
        double sumWbe = 0;
        double sumOutside = 0;
        double[] back = new double[Task1Float64.N_H];
        int n = 0;
        double nseStart = Double.NaN;
        for (int s = 0; s < p.steps(); s++) {
            run.forward();
            if (s == from) {
                nseStart = run.nse();
            }
            if (s >= from && (s - from) % p.measureEvery() == 0) {
                Mat64.multTrans(run.w, run.e, bp);
                DMatrixRMaj wPlus = Mat64.pinv(run.w);
                Mat64.mult(wPlus, run.e, pbp);
                Mat64.mult(run.w, run.be, wbe);
                // W⁺e lies in the row space of W; the part of Be outside it, (I − W⁺W)Be, is what tilts Be off W⁺e.
                Mat64.mult(wPlus, wbe, back);
                double outside = 0;
                for (int i = 0; i < Task1Float64.N_H; i++) {
                    double d = run.be[i] - back[i];
                    outside += d * d;
                }
                sumOutside += Math.sqrt(outside) / Mat64.norm(run.be);
                sumPbp += Mat64.angleDeg(run.be, pbp);
                sumBp += Mat64.angleDeg(run.be, bp);
                sumWbe += Mat64.signedAngleDeg(wbe, run.e);
                n++;
            }
            run.update();
        }
        DMatrixRMaj wb = CommonOps_DDRM.mult(run.w, task.b, null);
        double alpha = CommonOps_DDRM.trace(wb) / Task1Float64.N_O;
        CommonOps_DDRM.scale(1 / alpha, wb);
        for (int i = 0; i < Task1Float64.N_O; i++) {
            wb.add(i, i, -1.0);
        }
        return new double[] {sumPbp / n, sumBp / n, Mat64.cosine(run.w, bPlus),
            Mat64.normF(wb) / Math.sqrt(Task1Float64.N_O), sumWbe / n, sumOutside / n, nseStart, run.nse()};
    }

    /** Runs the check. */
    public static CheckReport run(Params p) {
        return run(p, Task1Float64.Feedback.RANDOM_B);
    }

    /**
     * Runs the check on networks whose hidden layer learns from {@code feedback}: a test hook. Under backprop
     * ({@link Task1Float64.Feedback#TRANSPOSE_W}) the hidden update is Wᵀe itself, so the claim must fail.
     */
    static CheckReport run(Params p, Task1Float64.Feedback feedback) {
        List<OmegaResult> res = sweep(p, feedback);
        Reports r = new Reports("fig4-pseudoinverse",
                "From small weights W learns to act like B⁺: angle(Δh_FA, Δh_PBP) < angle(Δh_FA, Δh_BP) for small ω",
                "Fig. 4b-c; Supplement Proof #3 (Theorem 2 generalised empirically); PAPER §2.2, §3.6",
                Role.CLAIM, p);
        List<Map<String, Object>> table = new ArrayList<>();
        boolean smallOk = true;
        for (OmegaResult o : res) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("omega", o.omega());
            row.put("angleFaPbpDeg", o.angleFaPbpDeg());
            row.put("angleFaBpDeg", o.angleFaBpDeg());
            row.put("cosWBplus", o.cosWBplus());
            row.put("wbIdentityDeviation", o.wbIdentityDeviation());
            row.put("angleWBeToEDeg", o.angleWBeToEDeg());
            row.put("beOutsideRowSpaceOfW", o.beOutsideRowSpaceOfW());
            row.put("nseWindowStart", o.nseWindowStart());
            row.put("nseEnd", o.nseEnd());
            table.add(row);
            if (o.omega() <= p.smallOmega() && !(o.angleFaPbpDeg() < o.angleFaBpDeg())) {
                smallOk = false;
            }
        }
        OmegaResult first = res.get(0);
        OmegaResult last = res.get(res.size() - 1);
        r.measure("perOmega", table);
        r.require("smallOmegaPbpAngleBelowBpAngle", p.smallOmega(), smallOk)
                .require("pbpAngleSmallestOmegaBelowLargest", 0, first.angleFaPbpDeg() < last.angleFaPbpDeg())
                .require("cosWBplusSmallestOmegaAboveLargest", 0, first.cosWBplus() > last.cosWBplus())
                .require("beOutsideRowSpaceSmallestOmegaBelowLargest", 0,
                        first.beOutsideRowSpaceOfW() < last.beOutsideRowSpaceOfW());
        r.note("Window: second half of each run, every measureEvery steps; angles with the |cos| convention (§1.4).");
        r.note("No paper numbers exist for these angles (PAPER §2.2 [NF]); the claim tested is the ordering.");
        r.note("cos(W, B⁺) stays below 1 even for tiny ω: W matches B⁺ on the errors seen (locally), not globally, "
                + "which is the paper's wording (\"local pseudoinverse ... around the error manifold\").");
        StringBuilder sb = new StringBuilder("Late-training angle FA∡PBP / FA∡BP (deg) by ω: ");
        for (OmegaResult o : res) {
            sb.append(String.format(Locale.ROOT, "%s: %.2f/%.2f; ", o.omega(), o.angleFaPbpDeg(), o.angleFaBpDeg()));
        }
        sb.append(String.format(Locale.ROOT, "cos(W, B⁺) %.3f at ω = %s vs %.3f at ω = %s; part of Be outside the "
                + "row space of W %.1e vs %.3f.", first.cosWBplus(), first.omega(), last.cosWBplus(), last.omega(),
                first.beOutsideRowSpaceOfW(), last.beOutsideRowSpaceOfW()));
        return r.build(sb.toString());
    }
}
