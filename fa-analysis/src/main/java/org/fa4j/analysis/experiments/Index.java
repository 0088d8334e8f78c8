package org.fa4j.analysis.experiments;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** {@code results/index.md}: every figure beside the paper's claim and our numbers. */
public final class Index {
    private Index() {
    }

    /** Writes {@code <out>/index.md} atomically for {@code results}. */
    public static void write(Path out, List<Result> results, double wallSeconds, RunOptions o) {
        StringBuilder sb = new StringBuilder();
        sb.append("# fa4j — reproduction of Lillicrap et al., arXiv:1411.0247\n\n");
        sb.append(String.format("Run: seed %d, %s, threads %d, trials %s; wall time so far %.1f s (%.2f h).%n%n", o.seed(),
                o.quick() ? "**--quick** (CI-sized, not the paper's budget)" : "full protocol", o.threads(),
                o.trials() == 0 ? "per experiment default" : String.valueOf(o.trials()), wallSeconds, wallSeconds / 3600));
        for (Result r : results) {
            sb.append("## ").append(r.experiment()).append("\n\n");
            sb.append("Result: [`").append(r.experiment()).append(".json`](").append(r.experiment()).append(".json), ")
                    .append(String.format("wall time %.1f s.%n%n", r.wallSeconds()));
            sb.append("| | paper | ours |\n|---|---|---|\n");
            for (Map.Entry<String, Object> p : r.paper().entrySet()) {
                sb.append("| ").append(p.getKey()).append(" | ").append(p.getValue()).append(" | ")
                        .append(format(r.summary().get(p.getKey()))).append(" |\n");
            }
            sb.append("\nSummary:\n\n");
            for (Map.Entry<String, Object> s : r.summary().entrySet()) {
                sb.append("- `").append(s.getKey()).append("`: ").append(format(s.getValue())).append('\n');
            }
            sb.append('\n');
            for (String f : r.figures()) {
                if (f.endsWith(".png")) {
                    sb.append("![").append(f).append("](").append(f).append(")\n");
                }
            }
            sb.append('\n');
        }
        try {
            Files.createDirectories(out);
            Path tmp = Files.createTempFile(out, ".index", ".md.tmp");
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, out.resolve("index.md"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve("index.md"), e);
        }
    }

    /** Prints a result's summary, one line per entry. */
    public static void summarise(Result r, PrintStream out) {
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
                return Result.JSON.writer().writeValueAsString(v).replace("\n", " ").replaceAll("\\s+", " ");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return v.toString();
            }
        }
        return v.toString();
    }
}
