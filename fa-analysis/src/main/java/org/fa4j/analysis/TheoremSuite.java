package org.fa4j.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs every theorem check of fa4j, claims and counter-cases, and collects the reports:
 * <pre>{@code
 * SuiteReport report = TheoremSuite.runAll(SuiteOptions.quick());
 * report.writeJson(dir.resolve("theorem-report.json"));
 * System.out.println(report.summaryTable());
 * }</pre>
 * Order: eq. (14), Theorem 1 and its two counter-cases, Fig. 3, Lemma 5 / Theorem 2, Fig. 4 (W → B⁺), Proof #2,
 * condition (1). Single-threaded and deterministic: the same options give the same numbers.
 */
public final class TheoremSuite {
    private TheoremSuite() {
    }

    /** Runs the quick suite. */
    public static SuiteReport runAll() {
        return runAll(SuiteOptions.quick());
    }

    /** Runs every check with the settings of {@code options}. */
    public static SuiteReport runAll(SuiteOptions options) {
        boolean full = options.mode() == SuiteOptions.Mode.FULL;
        List<Supplier<CheckReport>> checks = new ArrayList<>();
        ConservationLawCheck.Params cl = ConservationLawCheck.Params.defaults();
        if (full) {
            cl = new ConservationLawCheck.Params(cl.nI(), cl.nH(), cl.nO(), cl.initScale(), cl.timeSpan(),
                    List.of(1e-2, 1e-3, 1e-4, 1e-5), cl.seed(), cl.relTol(), cl.absTol(), cl.continuousTolerance(),
                    cl.slopeTolerance());
        }
        ConservationLawCheck.Params clp = cl;
        Fig3Check.Params f3 = full ? Fig3Check.Params.full() : Fig3Check.Params.defaults();
        checks.add(() -> ConservationLawCheck.run(clp));
        checks.add(() -> Theorem1Check.run(Theorem1Check.Params.defaults()));
        checks.add(() -> Theorem1Check.runWideOutputCounterCase(Theorem1Check.Params.wideOutputDefaults()));
        checks.add(() -> Fig3Check.runNonzeroCCounterCase(f3));
        checks.add(() -> Fig3Check.run(f3));
        checks.add(() -> Lemma5Check.run(Lemma5Check.Params.defaults()));
        checks.add(() -> PseudoinverseCheck.run(full ? PseudoinverseCheck.Params.full()
                : PseudoinverseCheck.Params.quick()));
        checks.add(() -> GaussNewtonCheck.run(GaussNewtonCheck.Params.defaults()));
        checks.add(() -> ConditionOneCheck.run(ConditionOneCheck.Params.defaults()));

        List<CheckReport> reports = new ArrayList<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (Supplier<CheckReport> c : checks) {
            long t0 = System.nanoTime();
            CheckReport r = c.get();
            millis.put(r.id(), (System.nanoTime() - t0) / 1_000_000);
            reports.add(r);
        }
        return new SuiteReport(SuiteReport.SCHEMA_VERSION, options.mode().name(), reports, millis,
                (System.nanoTime() - start) / 1_000_000);
    }
}
