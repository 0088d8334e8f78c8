package org.fa4j.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fa4j.datasets.io.AtomicFiles;
import org.fa4j.datasets.io.IoErrors;

/**
 * {@code results/index.html}: one page with every figure of the results directory (its SVG, or its PNG where there is
 * no SVG), and beside each experiment the paper's claim against our numbers, every numeric summary value, the network
 * as run and the command that made it; built from the JSON results present there, as {@link ResultsIndex} builds
 * {@code index.md}. The page is self-contained (relative links only); a small script marks on {@code <body>} how many
 * images loaded ({@code data-images-loaded}, {@code data-images-total}, {@code data-images-failed}), which the
 * browser test reads.
 */
final class ResultsHtml {
    private static final String STYLE = """
            body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; }
            h2 { border-top: 1px solid #ccc; padding-top: 1em; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            td, th { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
            code { background: #f4f4f4; padding: 0 0.2em; }
            figure { margin: 1em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: 0.9em; color: #555; }
            """;
    private static final String SCRIPT = """
            window.addEventListener('load', function () {
              var imgs = document.images, ok = 0, failed = [];
              for (var i = 0; i < imgs.length; i++) {
                if (imgs[i].complete && imgs[i].naturalWidth > 0) { ok++; } else { failed.push(imgs[i].getAttribute('src')); }
              }
              document.body.setAttribute('data-images-loaded', ok);
              document.body.setAttribute('data-images-total', imgs.length);
              document.body.setAttribute('data-images-failed', failed.join(' '));
            });
            """;

    private ResultsHtml() {
    }

    /** Rewrites {@code <out>/index.html} atomically from the results in {@code out}; returns its path. */
    @SuppressWarnings("unchecked")
    static Path write(Path out) {
        StringBuilder body = new StringBuilder();
        double total = 0;
        for (ResultsIndex.Stored r : ResultsIndex.stored(out)) {
            Experiment e = r.experiment();
            if (r.json() == null) {
                body.append("<section id=\"").append(esc(e.name())).append("\"><h2>").append(esc(e.name()))
                        .append("</h2><p>(unreadable result: ").append(esc(r.unreadable())).append(")</p></section>\n");
                continue;
            }
            Map<String, Object> m = r.json();
            double wall = m.get("wallTimeSeconds") instanceof Number n ? n.doubleValue() : 0;
            total += wall;
            section(body, e, m, wall);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>fa4j — reproduction of Lillicrap et al., arXiv:1411.0247</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>fa4j — reproduction of Lillicrap et al., arXiv:1411.0247</h1>\n")
                .append("<p>Each section: the paper's claim beside our numbers, the network and sizes as run, the command and its ")
                .append("wall time, and the figures (SVG; PNG beside each). The JSON files hold every curve; ")
                .append("<a href=\"index.md\">index.md</a> has the same content with the protocol choices.</p>\n")
                .append(String.format("<p>Total wall time of the results below: %.1f s (%.2f h).</p>%n", total, total / 3600))
                .append(body)
                .append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        try {
            return AtomicFiles.writeString(out.resolve("index.html"), sb.toString());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + out.resolve("index.html") + ": " + IoErrors.describe(ex), ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static void section(StringBuilder b, Experiment e, Map<String, Object> m, double wall) {
        Map<String, Object> config = (Map<String, Object>) m.getOrDefault("config", Map.of());
        Map<String, Object> paper = (Map<String, Object>) m.getOrDefault("paper", Map.of());
        Map<String, Object> summary = (Map<String, Object>) m.getOrDefault("summary", Map.of());
        b.append("<section id=\"").append(esc(e.name())).append("\">\n<h2>").append(esc(ResultsIndex.heading(e, config)))
                .append("</h2>\n");
        String asRun = ResultsIndex.asRun(config);
        if (!asRun.isEmpty()) {
            b.append("<p>As run: ").append(esc(asRun)).append("</p>\n");
        }
        b.append("<p>Command: <code>").append(esc(String.valueOf(m.getOrDefault("command", "(not recorded)")))).append("</code>")
                .append(String.format(" — wall time %.1f s, ", wall)).append(esc(String.valueOf(m.getOrDefault("createdUtc", "?"))))
                .append(". Result: <a href=\"").append(esc(e.name())).append(".json\">").append(esc(e.name())).append(".json</a></p>\n");
        if (!paper.isEmpty()) {
            b.append("<table class=\"claims\">\n<tr><th></th><th>paper</th><th>ours</th></tr>\n");
            for (Map.Entry<String, Object> p : paper.entrySet()) {
                b.append("<tr><td>").append(esc(p.getKey())).append("</td><td>").append(esc(ResultsIndex.format(p.getValue())))
                        .append("</td><td>").append(esc(ResultsIndex.format(summary.get(p.getKey())))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        List<Map.Entry<String, Object>> numbers = new ArrayList<>();
        for (Map.Entry<String, Object> s : summary.entrySet()) {
            if (s.getValue() instanceof Number) {
                numbers.add(s);
            }
        }
        if (!numbers.isEmpty()) {
            b.append("<table class=\"numbers\">\n<tr><th>summary number</th><th>value</th></tr>\n");
            for (Map.Entry<String, Object> s : numbers) {
                b.append("<tr><td>").append(esc(s.getKey())).append("</td><td>").append(esc(ResultsIndex.format(s.getValue())))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        for (Map.Entry<String, String> fig : figures((List<Object>) m.getOrDefault("figures", List.of())).entrySet()) {
            String shown = fig.getValue();
            b.append("<figure><img src=\"").append(esc(shown)).append("\" alt=\"").append(esc(fig.getKey())).append("\">")
                    .append("<figcaption>").append(esc(fig.getKey()));
            if (shown.endsWith(".svg")) {
                b.append(" — <a href=\"").append(esc(fig.getKey())).append(".png\">PNG</a>");
            }
            b.append("</figcaption></figure>\n");
        }
        b.append("</section>\n");
    }

    /** Figure stem → the file to show: its SVG where the result lists one, else its PNG. */
    static Map<String, String> figures(List<Object> files) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object o : files) {
            String name = o.toString();
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                continue;
            }
            String stem = name.substring(0, dot);
            String ext = name.substring(dot + 1);
            if (ext.equals("svg") || (ext.equals("png") && !out.containsKey(stem))) {
                out.put(stem, name);
            }
        }
        return out;
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
