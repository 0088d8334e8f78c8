package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index headings name the network each result ran, from its config, and the HTML index escapes and picks SVGs. */
class ResultsIndexTest {

    @Test
    void theHeadingNamesTheNetworkOfTheConfig() {
        Experiment fig2 = MnistExperiment.fig2();
        assertThat(ResultsIndex.heading(fig2, Map.of("network", "784-200-10, logistic hidden and output units, biases")))
                .isEqualTo(fig2.title() + " (784-200-10)").doesNotContain("1000");
        assertThat(ResultsIndex.network(Map.of("students", "30-20-10 and 30-20-10-10, tanh hidden"))).isEqualTo("students 30-20-10 and 30-20-10-10");
        assertThat(ResultsIndex.heading(fig2, Map.of())).isEqualTo(fig2.title());
    }

    @Test
    void asRunListsTheSizesTheConfigRecords() {
        assertThat(ResultsIndex.asRun(Map.of("network", "784-200-10, logistic", "trainSize", 5000, "quick", true)))
                .isEqualTo("network 784-200-10, logistic; trainSize 5000; quick true");
    }

    @Test
    void theQuickMnistIndexNamesTheQuickNetwork() throws IOException {
        assumeTrue(QuickRuns.mnistPresent(), "no MNIST in " + QuickRuns.dataDir() + " (CI=true makes this a failure)");
        QuickRuns.run(MnistExperiment.fig2());
        Path out = QuickRuns.out();
        ResultsIndex.write(out);
        String heading = "## " + MnistExperiment.fig2().title() + " (784-200-10)";
        assertThat(Files.readString(out.resolve("index.md"))).contains(heading).doesNotContain("784-1000-10");
        assertThat(Files.readString(out.resolve("index.html"))).contains(ResultsHtml.esc(MnistExperiment.fig2().title()) + " (784-200-10)")
                .doesNotContain("784-1000-10");
    }

    /** A folder that holds only the paper protocol's result (reproduce mnist --protocol paper) gets its section. */
    @Test
    void thePaperProtocolsResultIsIndexedToo(@org.junit.jupiter.api.io.TempDir Path out) throws IOException {
        ExperimentResult r = new ExperimentResult(PaperProtocol.NAME);
        r.summary("fa", "2.30% ± 0.09 (n = 20)");
        r.write(out);
        ResultsIndex.write(out);
        assertThat(Files.readString(out.resolve("index.md"))).contains("## " + new PaperProtocol().title()).contains("2.30% ± 0.09");
        assertThat(Files.readString(out.resolve("index.html"))).contains(ResultsHtml.esc(new PaperProtocol().title()));
    }

    @Test
    void theHtmlIndexShowsTheSvgOfAFigureAndThePngWhereThereIsNoSvg() {
        assertThat(ResultsHtml.figures(List.of("fig2a.png", "fig2a.svg", "figS1.png", "notes")))
                .containsExactly(Map.entry("fig2a", "fig2a.svg"), Map.entry("figS1", "figS1.png"));
    }

    @Test
    void htmlTextIsEscaped() {
        assertThat(ResultsHtml.esc("a < b & \"c\" > d")).isEqualTo("a &lt; b &amp; &quot;c&quot; &gt; d");
    }
}
