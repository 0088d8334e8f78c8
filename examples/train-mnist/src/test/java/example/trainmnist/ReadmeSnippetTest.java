package example.trainmnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Using fa4j" section shows this example's code. Each block there follows a line
 * {@code <!-- example: PATH -->} naming the file it copies; the block must be that file, character for character, so
 * that the README can never show code that does not compile or does not run. After editing the example, paste it
 * into the README (or run {@code bin/sync-readme}, which does that).
 */
class ReadmeSnippetTest {
    static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    @Test
    void theReadmeShowsTheExampleVerbatim() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String file : new String[] {"examples/train-mnist/src/main/java/module-info.java",
                "examples/train-mnist/src/main/java/example/trainmnist/TrainMnist.java"}) {
            String marker = "<!-- example: " + file + " -->";
            int at = readme.indexOf(marker);
            assertThat(at).as("README.md has the marker " + marker).isGreaterThanOrEqualTo(0);
            int open = readme.indexOf("```java\n", at);
            int close = readme.indexOf("```\n", open + 8);
            assertThat(open).as("a ```java block follows " + marker).isGreaterThan(at);
            String block = readme.substring(open + "```java\n".length(), close);
            assertThat(block).as("the README's copy of " + file).isEqualTo(Files.readString(ROOT.resolve(file)));
        }
    }
}
