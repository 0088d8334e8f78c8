package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The golden comparison sees one ulp, names file, path, expected and actual, and ignores only the excluded keys. */
class GoldenJsonTest {
    private static Map<String, Object> result(double nse, String created, double wall) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", "fig1");
        m.put("createdUtc", created);
        m.put("wallTimeSeconds", wall);
        m.put("seeds", Map.of("master", 1411024L));
        m.put("metrics", Map.of("nse", new ArrayList<>(List.of(1.0, nse, "Infinity"))));
        m.put("summary", Map.of("finalNse", nse, "note", "prose is not compared"));
        return m;
    }

    @Test
    void identicalNumbersAgree() {
        assertThat(GoldenJson.differences("fig1.json", result(0.25, "a", 1), result(0.25, "a", 1), GoldenQuickResultsTest.EXCLUDED))
                .isEmpty();
    }

    @Test
    void oneUlpIsAMismatchNamingFilePathExpectedAndActual() {
        double v = 1.2345e-7;
        double next = Math.nextUp(v);
        List<String> d = GoldenJson.differences("fig1.json", result(v, "a", 1), result(next, "a", 1), GoldenQuickResultsTest.EXCLUDED);
        assertThat(d).containsExactly(
                "fig1.json $.metrics.nse[1]: expected " + v + ", actual " + next,
                "fig1.json $.summary.finalNse: expected " + v + ", actual " + next);
    }

    @Test
    void theWallClockFieldsAreExcluded() {
        assertThat(GoldenJson.differences("fig1.json", result(0.5, "2026-01-01T00:00:00Z", 3.1),
                result(0.5, "2026-12-07T12:00:00Z", 9.7), GoldenQuickResultsTest.EXCLUDED)).isEmpty();
        assertThat(GoldenJson.differences("fig1.json", result(0.5, "x", 3.1), result(0.5, "x", 9.7), Set.of()))
                .containsExactly("fig1.json $.wallTimeSeconds: expected 3.1, actual 9.7");
    }

    @Test
    void aNonFiniteValueOrAMissingNumberIsAMismatch() {
        Map<String, Object> actual = result(0.5, "a", 1);
        actual.put("metrics", Map.of("nse", List.of(1.0, 0.5, 1e300)));
        actual.put("seeds", Map.of());
        assertThat(GoldenJson.differences("fig1.json", result(0.5, "a", 1), actual, GoldenQuickResultsTest.EXCLUDED))
                .containsExactlyInAnyOrder("fig1.json $.seeds.master: expected 1411024, actual missing",
                        "fig1.json $.metrics.nse[2]: expected Infinity, actual 1.0E300");
    }
}
