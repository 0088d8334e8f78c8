package org.fa4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.fa4j.datasets.Mnist;
import org.fa4j.experiments.sweep.EngineOptions;
import org.fa4j.experiments.sweep.Sweep;
import org.fa4j.experiments.sweep.SweepEngine;
import org.fa4j.experiments.sweep.SweepReport;
import org.fa4j.experiments.sweep.SweepSpec;
import org.fa4j.experiments.sweep.TrialResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Spark standalone cluster (bin/spark-cluster: a Master and a Worker on 127.0.0.1) runs
 * configs/sweeps/quick.json; the local engine's files are the reference. Needs the real MNIST (bin/fetch-data).
 */
class StandaloneClusterIT {
    static Path work;
    static String master;
    static Map<String, String> local;

    @BeforeAll
    static void startTheClusterAndRunTheLocalReference() throws Exception {
        if (!Mnist.hasFiles(Cluster.data().resolve("mnist"))) {
            throw new AssertionError("no MNIST in " + Cluster.data() + ": run bin/fetch-data first");
        }
        work = Cluster.root().resolve("fa-spark/target/it");
        deleteTree(work);
        Files.createDirectories(work);
        try {
            String out = Cluster.run(work.resolve("cluster-start.log"), "bin/spark-cluster", "start");
            master = out.lines().filter(l -> l.startsWith("spark://")).reduce((a, b) -> b).orElseThrow();
        } catch (AssertionError | Exception e) {
            stopTheCluster();
            throw e;
        }
        Cluster.run(work.resolve("local.log"), "fa4j", "sweep", "configs/sweeps/quick.json", "--engine", "local", "--out", work.resolve("local").toString());
        local = Cluster.files(work.resolve("local"));
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        Cluster.run(Files.createDirectories(Cluster.root().resolve("fa-spark/target/it")).resolve("cluster-stop.log"), "bin/spark-cluster", "stop");
    }

    @Test
    void theStandaloneClusterWritesTheSameFilesAsTheLocalEngine() throws Exception {
        Path out = work.resolve("standalone");
        String stdout = Cluster.run(work.resolve("standalone.log"), "fa4j", "sweep", "configs/sweeps/quick.json", "--engine", "spark",
                "--master", master, "--out", out.toString());
        System.err.print(Files.readString(work.resolve("standalone.log")));
        assertThat(stdout).contains("8 trials, 0 skipped (already done), 8 run");
        assertThat(local).hasSize(8);
        assertThat(Cluster.files(out)).isEqualTo(local);
        // The executors ran the vector kernels, as the local engine did.
        assertThat(local.values()).allMatch(t -> t.contains("\"kernels\" : \"vector-"));
    }

    @Test
    void killingTheExecutorMidSweepLosesNoTrialAndChangesNoResult() throws Exception {
        long worker = Cluster.pid("worker");
        AtomicInteger failedAttempts = new AtomicInteger();
        SparkEngine spark = new SparkEngine(sc -> sc.addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd e) {
                if (e.reason() != Success$.MODULE$) {
                    failedAttempts.incrementAndGet();
                }
            }
        }));
        Map<String, Integer> handedOn = new ConcurrentHashMap<>();
        List<Long> pids = Collections.synchronizedList(new ArrayList<>());
        AtomicLong killed = new AtomicLong();
        SweepEngine killing = new SweepEngine() {
            @Override
            public String name() {
                return "spark";
            }

            @Override
            public void run(List<org.fa4j.experiments.sweep.Trial> trials, EngineOptions options, java.util.function.Consumer<TrialResult> sink)
                    throws Exception {
                spark.run(trials, options, r -> {
                    handedOn.merge(r.key(), 1, Integer::sum);
                    pids.add(r.pid());
                    sink.accept(r);
                    if (killed.get() == 0) {
                        Optional<ProcessHandle> executor = ProcessHandle.of(r.pid());
                        assertThat(executor).isPresent();
                        assertThat(executor.get().parent().map(ProcessHandle::pid)).contains(worker);
                        killed.set(r.pid());
                        System.err.println("fault test: killing executor pid " + r.pid() + " (a child of Worker pid " + worker + ") after "
                                + r.key() + ", 1 of " + trials.size() + " results in");
                        executor.get().destroyForcibly();
                    }
                });
            }
        };
        Path out = work.resolve("fault");
        SweepReport r = Sweep.run(SweepSpec.read(Cluster.root().resolve("configs/sweeps/quick.json")), killing,
                new EngineOptions(Cluster.data(), 1, master, Map.of()), out, System.err::println);
        System.err.println("fault test: " + failedAttempts.get() + " task attempts lost with the executor and run again; results from pids "
                + pids.stream().distinct().toList());
        assertThat(killed.get()).isPositive();
        assertThat(failedAttempts.get()).as("task attempts lost with the killed executor").isPositive();
        assertThat(pids.stream().distinct().count()).as("a new executor ran the lost trials").isGreaterThanOrEqualTo(2);
        assertThat(r.ran()).isEqualTo(8);
        assertThat(handedOn).hasSize(8).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
        assertThat(Cluster.files(out)).isEqualTo(local);
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }
}
