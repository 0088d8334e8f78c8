package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index.html} renders in a real browser: headless Chromium loads the page of a quick results folder and the
 * page's own script reports on {@code <body>} how many images loaded ({@code naturalWidth > 0}); the DOM Chromium
 * dumps must hold every figure the results list, every one loaded. Without Chromium the tests are skipped, and under
 * {@code CI=true} they fail ({@code .ci/run} installs Debian's {@code chromium}).
 */
class IndexHtmlInBrowserTest {
    private static final Pattern LOADED = Pattern.compile("data-images-loaded=\"(\\d+)\"");
    private static final Pattern TOTAL = Pattern.compile("data-images-total=\"(\\d+)\"");
    private static final Pattern FAILED = Pattern.compile("data-images-failed=\"([^\"]*)\"");

    @TempDir
    Path tmp;

    @Test
    void everyFigureOfAQuickResultsFolderLoadsInChromium() throws Exception {
        Path chromium = chromium();
        QuickRuns.run(new Fig3Experiment());
        QuickRuns.run(new Fig4Experiment());
        Path out = QuickRuns.out();
        ResultsIndex.write(out);
        List<String> shown = shownFigures(out);
        assertThat(shown).as("figures of the results in " + out).contains("fig3.svg", "fig4a.svg", "fig4b.svg", "fig4c.svg");

        String dom = dumpDom(chromium, out.resolve("index.html"));

        for (String f : shown) {
            assertThat(dom).as("the page shows " + f).contains("<img src=\"" + f + "\"");
        }
        assertThat(attribute(TOTAL, dom)).as("images on the page").isEqualTo(String.valueOf(shown.size()));
        assertThat(attribute(FAILED, dom)).as("images that did not load").isEmpty();
        assertThat(attribute(LOADED, dom)).as("images loaded").isEqualTo(String.valueOf(shown.size()));
        assertThat(dom).contains("<section id=\"fig3\">", "<section id=\"fig4\">", "Command: <code>");
    }

    @Test
    void aFigureFileThatIsMissingIsReportedAsNotLoaded() throws Exception {
        Path chromium = chromium();
        Path src = QuickRuns.out();
        QuickRuns.run(new Fig3Experiment());
        for (String f : List.of("fig3.json", "fig3.png")) {
            Files.copy(src.resolve(f), tmp.resolve(f));
        }
        ResultsIndex.write(tmp);

        String dom = dumpDom(chromium, tmp.resolve("index.html"));

        assertThat(attribute(TOTAL, dom)).isEqualTo("1");
        assertThat(attribute(LOADED, dom)).isEqualTo("0");
        assertThat(attribute(FAILED, dom)).isEqualTo("fig3.svg");
    }

    /** The figure files the index shows: per figure its SVG, else its PNG, over every result JSON in {@code out}. */
    @SuppressWarnings("unchecked")
    private static List<String> shownFigures(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().flatMap(p -> {
                try {
                    Map<String, Object> m = ExperimentResult.JSON.readValue(p.toFile(), Map.class);
                    return ResultsHtml.figures((List<Object>) m.getOrDefault("figures", List.of())).values().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private String dumpDom(Path chromium, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        Path err = tmp.resolve("chromium-stderr.txt");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] dom = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s on " + page);
        }
        assertThat(p.exitValue()).as("chromium's exit code; stderr: " + Files.readString(err)).isZero();
        return new String(dom, StandardCharsets.UTF_8);
    }

    private static String attribute(Pattern p, String dom) {
        Matcher m = p.matcher(dom);
        assertThat(m.find()).as("the page's script set " + p.pattern() + " on <body>; DOM: " + dom.substring(0, Math.min(500, dom.length())))
                .isTrue();
        return m.group(1);
    }

    /** Debian's chromium ({@code /usr/bin/chromium}) or one on the PATH; skips without one, fails under CI=true. */
    static Path chromium() {
        Path found = Stream.concat(Stream.of(Path.of("/usr/bin/chromium")),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                                .filter(d -> !d.isBlank()).map(d -> Path.of(d, "chromium")))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (found == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but there is no chromium (/usr/bin/chromium or on the PATH): .ci/run installs it "
                    + "with apt-get install chromium");
        }
        assumeTrue(found != null, "no chromium (/usr/bin/chromium or on the PATH): apt-get install chromium to run the browser test "
                + "(CI=true makes this a failure)");
        return found;
    }
}
