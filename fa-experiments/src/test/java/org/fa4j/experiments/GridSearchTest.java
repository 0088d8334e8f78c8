package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GridSearchTest {
    /** Scores every asked value with {@code f} and remembers what was asked, batch by batch. */
    private static Function<List<Double>, Map<Double, Double>> scorer(DoubleUnaryOperator f, List<List<Double>> asked) {
        return values -> {
            asked.add(values);
            Map<Double, Double> m = new LinkedHashMap<>();
            values.forEach(v -> m.put(v, f.applyAsDouble(v)));
            return m;
        };
    }

    /** A bowl in log v around {@code centre}: the known answer is the grid value nearest to it in ratio. */
    private static DoubleUnaryOperator bowl(double centre) {
        return v -> Math.pow(Math.log(v / centre), 2);
    }

    @Test
    void anInteriorBestNeedsNoExtension() {
        List<List<Double>> asked = new ArrayList<>();
        GridSearch.Outcome o = GridSearch.run(new double[] {0.1, 1, 10}, 3, scorer(bowl(1.2), asked));
        assertThat(o.best()).isEqualTo(1.0);
        assertThat(o.extensions()).isZero();
        assertThat(o.atEdge()).isFalse();
        assertThat(asked).containsExactly(List.of(0.1, 1.0, 10.0));
    }

    @Test
    void aBestAtTheUpperEdgeGrowsTheGridByItsRatioUntilItIsInteriorScoringEachValueOnce() {
        List<List<Double>> asked = new ArrayList<>();
        GridSearch.Outcome o = GridSearch.run(new double[] {0.1, 1, 10}, 5, scorer(bowl(200), asked));
        // 100 beats 10, then 1000 loses to 100 (200 is nearer 100 than 1000 in ratio): interior after two extensions
        assertThat(o.best()).isEqualTo(100.0);
        assertThat(o.grid()).containsExactly(0.1, 1.0, 10.0, 100.0, 1000.0);
        assertThat(o.extensions()).isEqualTo(2);
        assertThat(o.atEdge()).isFalse();
        assertThat(asked).containsExactly(List.of(0.1, 1.0, 10.0), List.of(100.0), List.of(1000.0));
    }

    @Test
    void aBestAtTheLowerEdgeGrowsTheGridDownwardsAndTheRatioIsRoundedToThreeDigits() {
        GridSearch.Outcome o = GridSearch.run(new double[] {0.3, 0.9}, 5, scorer(bowl(0.05), new ArrayList<>()));
        // 0.3²/0.9 = 0.1, then 0.1²/0.3 = 0.0333, then 0.0333²/0.1 = 0.0111 (rounded): 0.05 lies between the last two
        assertThat(o.grid()).containsExactly(0.0111, 0.0333, 0.1, 0.3, 0.9);
        assertThat(o.best()).isEqualTo(0.0333);
        assertThat(o.atEdge()).isFalse();
    }

    @Test
    void theExtensionsStopAtTheirLimitAndTheOutcomeSaysTheBestIsStillAtTheEdge() {
        GridSearch.Outcome o = GridSearch.run(new double[] {0.1, 0.3, 1, 3, 10}, 3, scorer(v -> -v, new ArrayList<>()));
        assertThat(o.grid()).containsExactly(0.1, 0.3, 1.0, 3.0, 10.0, 33.3, 111.0, 370.0);
        assertThat(o.best()).isEqualTo(370.0);
        assertThat(o.extensions()).isEqualTo(3);
        assertThat(o.atEdge()).isTrue();
    }

    @Test
    void aTieGoesToTheSmallerValueAndAMissingScoreIsAnError() {
        GridSearch.Outcome o = GridSearch.run(new double[] {0.5, 0.1, 0.2}, 0, scorer(v -> v == 0.1 ? 1 : 0, new ArrayList<>()));
        assertThat(o.best()).isEqualTo(0.2);
        assertThatThrownBy(() -> GridSearch.run(new double[] {1, 2}, 1, values -> Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no score for grid value 1.0");
        assertThatThrownBy(() -> GridSearch.run(new double[0], 1, values -> Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
