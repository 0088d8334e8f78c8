package org.fa4j.analysis.cli;

import java.util.ArrayList;
import java.util.List;

import org.fa4j.analysis.CheckReport;
import org.fa4j.analysis.ConservationLawCheck;
import org.fa4j.analysis.Fig3Check;
import org.fa4j.analysis.GaussNewtonCheck;
import org.fa4j.analysis.Lemma5Check;
import org.fa4j.analysis.Theorem1Check;

/** Runs the theorem checks of org.fa4j.analysis and prints one line per check; exit code 1 if any is not as predicted. */
final class TheoremSuiteBridge {
    private TheoremSuiteBridge() {
    }

    static List<CheckReport> reports() {
        List<CheckReport> r = new ArrayList<>();
        r.add(ConservationLawCheck.run(ConservationLawCheck.Params.defaults()));
        r.add(Theorem1Check.run(Theorem1Check.Params.defaults()));
        r.add(Theorem1Check.runWideOutputCounterCase(Theorem1Check.Params.wideOutputDefaults()));
        r.add(Fig3Check.run(Fig3Check.Params.defaults()));
        r.add(Fig3Check.runNonzeroCCounterCase(Fig3Check.Params.defaults()));
        r.add(GaussNewtonCheck.run(GaussNewtonCheck.Params.defaults()));
        r.add(Lemma5Check.run(Lemma5Check.Params.defaults()));
        return r;
    }

    static int run() {
        int bad = 0;
        for (CheckReport c : reports()) {
            System.out.printf("%-4s %-28s %s — %s%n", c.verdict(), c.id(), c.reference(), c.finding());
            if (!c.asPredicted()) {
                bad++;
            }
        }
        System.out.println(bad == 0 ? "fa4j check: every check came out as the theory predicts" : "fa4j check: " + bad + " check(s) failed");
        return bad == 0 ? 0 : 1;
    }
}
