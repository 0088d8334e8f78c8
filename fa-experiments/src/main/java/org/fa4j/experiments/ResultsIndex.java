package org.fa4j.experiments;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fa4j.datasets.io.AtomicFiles;
import org.fa4j.datasets.io.IoErrors;

/**
 * {@code results/index.md} and {@code results/index.html} ({@link ResultsHtml}): every figure of the results directory
 * beside the paper's claim and our numbers, built from the JSON results present there (so single {@code reproduce}
 * runs and {@code reproduce all} share one index). Sizes in the headings come from each result's config, so a
 * {@code --quick} index names the networks the quick runs trained.
 */
public final class ResultsIndex {
    private ResultsIndex() {
    }

    /**
     * Rewrites {@code <out>/index.md} and {@code <out>/index.html} atomically from the results in {@code out}; returns
     * the path of {@code index.md}.
     */
    public static Path write(Path out) {
        Path md = writeMarkdown(out);
        ResultsHtml.write(out);
        return md;
    }

    @SuppressWarnings("unchecked")
    private static Path writeMarkdown(Path out) {
        StringBuilder sb = new StringBuilder();
        sb.append("# fa4j — reproduction of Lillicrap et al., arXiv:1411.0247\n\n");
        sb.append("Each section: the paper's claim, our numbers, the command and its wall time, the protocol choices the paper leaves "
                + "open (with reasons), and the figures. The JSON files hold every curve.\n\n");
        double total = 0;
        StringBuilder body = new StringBuilder();
        for (Stored r : stored(out)) {
            Experiment e = r.experiment();
            if (r.json() == null) {
                body.append("## ").append(e.name()).append("\n\n(unreadable result: ").append(r.unreadable()).append(")\n\n");
                continue;
            }
            Map<String, Object> m = r.json();
            double wall = m.get("wallTimeSeconds") instanceof Number n ? n.doubleValue() : 0;
            total += wall;
            Map<String, Object> config = (Map<String, Object>) m.getOrDefault("config", Map.of());
            body.append("## ").append(heading(e, config)).append("\n\n");
            String asRun = asRun(config);
            if (!asRun.isEmpty()) {
                body.append("As run: ").append(asRun).append("\n\n");
            }
            body.append(String.format("Command: `%s` — wall time %.1f s (%.2f h), %s. Result: [`%s.json`](%s.json)%n%n",
                    m.getOrDefault("command", "(not recorded)"), wall, wall / 3600, m.getOrDefault("createdUtc", "?"), e.name(), e.name()));
            Map<String, Object> paper = (Map<String, Object>) m.getOrDefault("paper", Map.of());
            Map<String, Object> summary = (Map<String, Object>) m.getOrDefault("summary", Map.of());
            body.append("| | paper | ours |\n|---|---|---|\n");
            for (Map.Entry<String, Object> p : paper.entrySet()) {
                body.append("| ").append(p.getKey()).append(" | ").append(cell(p.getValue())).append(" | ")
                        .append(cell(summary.get(p.getKey()))).append(" |\n");
            }
            body.append("\n<details><summary>all summary numbers and protocol choices</summary>\n\n");
            for (Map.Entry<String, Object> s : summary.entrySet()) {
                body.append("- `").append(s.getKey()).append("`: ").append(format(s.getValue())).append('\n');
            }
            body.append('\n');
            for (Map.Entry<String, Object> c : ((Map<String, Object>) m.getOrDefault("choices", Map.of())).entrySet()) {
                body.append("- **").append(c.getKey()).append("**: ").append(c.getValue()).append('\n');
            }
            body.append("\n</details>\n\n");
            for (Object fig : (List<Object>) m.getOrDefault("figures", List.of())) {
                String name = fig.toString();
                if (name.endsWith(".png")) {
                    body.append("![").append(name).append("](").append(name).append(")\n");
                }
            }
            body.append('\n');
        }
        sb.append(String.format("Total wall time of the results below: %.1f s (%.2f h).%n%n", total, total / 3600));
        sb.append(body);
        try {
            return AtomicFiles.writeString(out.resolve("index.md"), sb.toString());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + out.resolve("index.md") + ": " + IoErrors.describe(ex), ex);
        }
    }

    /**
     * One experiment's result file in a results folder, read as a JSON tree.
     *
     * @param experiment the experiment whose file it is
     * @param json       the file's content, or null when it cannot be read
     * @param unreadable why it cannot be read, or null
     */
    record Stored(Experiment experiment, Map<String, Object> json, String unreadable) {
    }

    /** The result files present in {@code out}, in the order of {@link Experiments#indexed()}, for both index pages. */
    @SuppressWarnings("unchecked")
    static List<Stored> stored(Path out) {
        List<Stored> found = new java.util.ArrayList<>();
        for (Experiment e : Experiments.indexed()) {
            Path f = out.resolve(e.name() + ".json");
            if (!Files.exists(f)) {
                continue;
            }
            try {
                found.add(new Stored(e, ExperimentResult.JSON.readValue(f.toFile(), Map.class), null));
            } catch (IOException ex) {
                found.add(new Stored(e, null, ex.getMessage()));
            }
        }
        return found;
    }

    /** The experiment's title with the network it ran, e.g. "Fig. 2a/b: MNIST, … (784-200-10)". */
    static String heading(Experiment e, Map<String, Object> config) {
        String size = network(config);
        return size.isEmpty() ? e.title() : e.title() + " (" + size + ")";
    }

    /**
     * The sizes of the network a result ran, from its config: the {@code network} entry up to its first comma
     * ("784-200-10"), or the {@code students} entry; empty when the config names none.
     */
    static String network(Map<String, Object> config) {
        for (String key : new String[] {"network", "students"}) {
            if (config.get(key) instanceof String s && !s.isBlank()) {
                int comma = s.indexOf(',');
                return (key.equals("students") ? "students " : "") + (comma < 0 ? s : s.substring(0, comma)).trim();
            }
        }
        return "";
    }

    /** The config entries that say how big a run was (network, data sizes, steps, epochs, trials, quick), as "key value; …". */
    static String asRun(Map<String, Object> config) {
        StringBuilder sb = new StringBuilder();
        for (String key : new String[] {"network", "teacher", "students", "trainSize", "testSize", "steps", "trials", "fastSchedule", "quick"}) {
            Object v = config.get(key);
            if (v != null) {
                sb.append(sb.isEmpty() ? "" : "; ").append(key).append(' ').append(format(v));
            }
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        return format(v).replace("|", "\\|").replace("\n", " ");
    }

    /** Prints a result's summary, one line per entry. */
    public static void summarise(ExperimentResult r, PrintStream out) {
        for (Map.Entry<String, Object> s : r.summary().entrySet()) {
            out.println("  " + s.getKey() + " = " + format(s.getValue()));
        }
    }

    static String format(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Double d) {
            return String.format("%.4g", d);
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            try {
                return ExperimentResult.JSON.writer().writeValueAsString(v).replace("\n", " ").replaceAll("\\s+", " ");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return v.toString();
            }
        }
        return v.toString();
    }
}
