package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentResultTest {
    @TempDir
    Path dir;

    /** A map without an order of its own that iterates its keys in reverse, as a Map.of may in some JVM. */
    private static Map<String, Object> reversed(Map<String, Object> content) {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                return content.entrySet().stream().sorted(Map.Entry.<String, Object>comparingByKey().reversed())
                        .collect(Collectors.toCollection(LinkedHashSet::new));
            }
        };
    }

    private static String written(Path dir, Map<String, Object> table) throws Exception {
        ExperimentResult r = new ExperimentResult("x");
        r.config("b", 1).config("a", 2).summary("table", table).metric("rows", List.of(table));
        String json = Files.readString(r.write(dir));
        return json.replaceAll("\"(createdUtc|wallTimeSeconds)\" : [^\\n]*\\n", "");
    }

    @Test
    void mapsWithoutAnOrderOfTheirOwnAreWrittenSortedByKeySoRunsCanBeDiffed() throws Exception {
        Map<String, Object> content = new LinkedHashMap<>();
        for (String k : List.of("eta", "batch", "finalNse", "angle", "sigma")) {
            content.put(k, k.length() / 3.0);
        }
        String a = written(Files.createDirectories(dir.resolve("a")), reversed(content));
        String b = written(Files.createDirectories(dir.resolve("b")), Map.copyOf(content));
        assertThat(a).isEqualTo(b);
        List<String> keys = new ArrayList<>(content.keySet());
        keys.sort(Comparator.naturalOrder());
        int at = a.indexOf("\"table\"");
        List<Integer> positions = keys.stream().map(k -> a.indexOf("\"" + k + "\"", at)).toList();
        assertThat(positions).isSorted().doesNotContain(-1);
    }

    @Test
    void sectionsAndRecordedEntriesKeepTheirOrder() throws Exception {
        ExperimentResult r = new ExperimentResult("x");
        r.config("z", 1).config("a", 2).status("complete", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = ExperimentResult.JSON.readValue(r.write(dir).toFile(), Map.class);
        assertThat(m.keySet()).containsExactly("schema", "experiment", "status", "software", "command", "createdUtc",
                "wallTimeSeconds", "config", "choices", "seeds", "paper", "summary", "figures", "metrics");
        assertThat(((Map<String, Object>) m.get("software")).keySet()).containsExactly("name", "version", "java", "os", "vm", "kernels");
        assertThat(((Map<String, Object>) m.get("config")).keySet()).containsExactly("z", "a");
    }
}
