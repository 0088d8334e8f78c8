package org.fa4j.experiments;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A one-dimensional hyperparameter search on a geometric grid: the value with the lowest score wins, and while it sits
 * at an edge of the grid the grid grows past that edge by the edge's own ratio (rounded to 3 significant digits), up
 * to a number of extensions, so that the choice ends interior or says it did not. Scores come in batches: the caller
 * scores every value not yet scored at once (in parallel, over several seeds), and a value is never scored twice.
 */
final class GridSearch {
    private GridSearch() {
    }

    /**
     * The search's end.
     *
     * @param best       the value with the lowest score (the smallest such value on a tie)
     * @param grid       every value scored, ascending
     * @param scores     each value's score
     * @param extensions how many values were added past an edge
     * @param atEdge     whether {@code best} is still at an edge of {@code grid}
     */
    record Outcome(double best, List<Double> grid, Map<Double, Double> scores, int extensions, boolean atEdge) {
        Outcome {
            grid = List.copyOf(grid);
            scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        }
    }

    /**
     * Searches from {@code start} (at least two distinct positive values for an extension to be possible) with at most
     * {@code maxExtensions} extensions; {@code scoreNew} gets the values not scored yet, in grid order, and returns
     * their scores (lower is better).
     */
    static Outcome run(double[] start, int maxExtensions, Function<List<Double>, Map<Double, Double>> scoreNew) {
        if (start.length == 0) {
            throw new IllegalArgumentException("a grid search needs at least one starting value");
        }
        List<Double> grid = new ArrayList<>(Arrays.stream(start).boxed().toList());
        Map<Double, Double> score = new LinkedHashMap<>();
        int extensions = 0;
        while (true) {
            List<Double> todo = grid.stream().filter(v -> !score.containsKey(v)).toList();
            Map<Double, Double> got = scoreNew.apply(todo);
            for (double v : todo) {
                Double s = got.get(v);
                if (s == null) {
                    throw new IllegalStateException("no score for grid value " + v);
                }
                score.put(v, s);
            }
            List<Double> sorted = grid.stream().sorted().toList();
            double best = sorted.stream().min((x, y) -> Double.compare(score.get(x), score.get(y))).orElseThrow();
            int i = sorted.indexOf(best);
            boolean edge = sorted.size() > 1 && (i == 0 || i == sorted.size() - 1);
            if (!edge || extensions == maxExtensions) {
                return new Outcome(best, sorted, score, extensions, edge);
            }
            grid.add(i == 0 ? round(sorted.get(0) * sorted.get(0) / sorted.get(1)) : round(sorted.get(i) * sorted.get(i) / sorted.get(i - 1)));
            extensions++;
        }
    }

    /** Rounds a grid value to 3 significant digits, so that extended grids keep readable keys. */
    static double round(double v) {
        return new BigDecimal(v).round(new MathContext(3)).doubleValue();
    }
}
