package org.fa4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmFlagsTest {
    @Test
    void theTestJvmRunsWithEveryFlagSparksLauncherPassesAndTheExtraOne() {
        List<String> mine = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertThat(mine).containsAll(List.of(JvmFlags.flags().split(" ")));
        assertThat(JvmFlags.flags()).contains("--add-modules=jdk.incubator.vector", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "-Djdk.reflect.useDirectMethodHandle=false");
    }
}
