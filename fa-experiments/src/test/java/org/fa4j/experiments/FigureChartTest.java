package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The ranges a figure's axes take from the data when the experiment sets none. */
class FigureChartTest {

    @Test
    void aLogRangeWidensToTheEnclosing125Values() {
        assertThat(FigureChart.logRange(new double[] {9.2, 88})).containsExactly(5, 100);
        assertThat(FigureChart.logRange(new double[] {1.2e-31, 1})).containsExactly(1e-31, 1);
        assertThat(FigureChart.logRange(new double[] {10, 90})).containsExactly(10, 100);
        assertThat(FigureChart.logRange(new double[] {3e-6, 0.15})).containsExactly(2e-6, 0.2);
    }

    @Test
    void anAxisOfExamplesStartsAtZeroAndAnAngleAxisKeepsItsRange() {
        FigureChart c = (FigureChart) Plots.chart("t", "examples", "angle", false);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(90.0);
        Plots.line(c, "s", new double[] {10, 20, 4000}, new double[] {80, 30, 27}, Plots.FA);
        c.paint(new BufferedImage(800, 520, BufferedImage.TYPE_INT_RGB).createGraphics(), 800, 520);
        assertThat(c.getStyler().getXAxisMin()).isZero();
        assertThat(c.getStyler().getXAxisMax()).isEqualTo(4000);
        assertThat(c.ticks().get(0).major()).startsWith(0.0).endsWith(4000.0);
        assertThat(c.ticks().get(1).major()).startsWith(0.0).endsWith(90.0);
    }
}
