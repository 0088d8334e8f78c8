package org.fa4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.fa4j.experiments.sweep.EngineOptions;
import org.fa4j.experiments.sweep.SweepEngine;
import org.fa4j.experiments.sweep.Trial;
import org.fa4j.experiments.sweep.TrialResult;
import org.fa4j.experiments.sweep.TrialRunner;
import scala.Function2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The {@code spark} sweep engine: one Spark task per trial, on any master Spark takes ({@code local[N]},
 * {@code spark://HOST:PORT}, {@code yarn}, {@code k8s://...}). The driver ships fa4j's jars to the executors, and the
 * result of each task comes back to the driver, which hands it on as it arrives (the sweep writes it to its file).
 * A task lost with its executor is run again by Spark ({@code spark.task.maxFailures}); each trial's result is
 * handed on once. Each executor reads the data set once, from the same path as the driver's, and keeps it.
 *
 * <p>Settings: every {@code --conf spark.*} given is passed to Spark. The defaults set here: no driver web UI, no
 * locality wait, the executors started with {@link JvmFlags} (Spark's JDK flags and the Vector API for the kernels;
 * appended to {@code spark.executor.extraJavaOptions}), and for a master on this machine ({@code local[...]}, 127.0.0.1 or localhost) a driver bound to
 * 127.0.0.1. The system property {@code fa4j.spark.jars} (comma-separated) replaces the jars shipped.
 */
public final class SparkEngine implements SweepEngine {
    /** One class of each jar the executors need beyond Spark's own: fa4j's modules and the libraries only they use. */
    static final List<String> SHIPPED_CLASSES = List.of("org.fa4j.simd.Linalg", "org.fa4j.datasets.Mnist", "org.fa4j.core.Model",
            "org.fa4j.analysis.CheckReport", "org.fa4j.experiments.ConfigTrial", "org.fa4j.spark.SparkEngine",
            "org.ejml.data.DMatrixRMaj", "org.ejml.dense.row.CommonOps_DDRM", "org.hipparchus.util.FastMath",
            "org.hipparchus.ode.ODEIntegrator", "org.hipparchus.stat.descriptive.DescriptiveStatistics");

    private final Consumer<SparkContext> onStart;

    /** The engine (found as a {@link SweepEngine} service). */
    public SparkEngine() {
        this(sc -> { });
    }

    /** An engine that gives each new Spark context to {@code onStart} before the trials run (tests listen there). */
    SparkEngine(Consumer<SparkContext> onStart) {
        this.onStart = onStart;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void run(List<Trial> trials, EngineOptions options, Consumer<TrialResult> sink) throws Exception {
        String master = options.master() == null ? "local[*]" : options.master();
        SparkConf conf = conf(master, trials.getFirst().sweep(), options.settings());
        if (!master.startsWith("local")) {
            conf.setJars(CollectionConverters.asScala(shippedJars()).toSeq());
        }
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            List<String> keys = trials.stream().map(Trial::key).toList();
            jsc.sc().addSparkListener(new TaskLog(keys, System.err::println));
            onStart.accept(jsc.sc());
            RDD<Trial> rdd = jsc.parallelize(trials, trials.size()).rdd();
            List<Object> partitions = IntStream.range(0, trials.size()).boxed().map(i -> (Object) i).toList();
            Function2<Object, TrialResult, BoxedUnit> handler = (index, result) -> {
                sink.accept(result);
                return BoxedUnit.UNIT;
            };
            jsc.sc().runJob(rdd, new RunTrial(options.dataDir().toString()), CollectionConverters.asScala(partitions).toSeq(), handler,
                    ClassTag$.MODULE$.apply(TrialResult.class));
        }
    }

    /** The Spark configuration: the defaults of the class comment, then {@code settings}. */
    static SparkConf conf(String master, String sweep, Map<String, String> settings) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("fa4j sweep " + sweep)
                .set("spark.ui.enabled", "false")
                .set("spark.locality.wait", "0s");
        if (master.startsWith("local") || master.contains("://127.0.0.1:") || master.contains("://localhost:")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        settings.forEach(conf::set);
        String opts = conf.get("spark.executor.extraJavaOptions", "");
        conf.set("spark.executor.extraJavaOptions", (opts + " " + JvmFlags.flags()).strip());
        return conf;
    }

    /** The jars of {@link #SHIPPED_CLASSES} (a class directory is packed into a jar first), or those of {@code fa4j.spark.jars}. */
    static List<String> shippedJars() {
        String given = System.getProperty("fa4j.spark.jars");
        if (given != null && !given.isBlank()) {
            return Stream.of(given.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        Set<String> jars = new LinkedHashSet<>();
        for (String name : SHIPPED_CLASSES) {
            Class<?> c;
            try {
                c = Class.forName(name, false, SparkEngine.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the executors need " + name + " but it is not on the driver's class path", e);
            }
            try {
                Path where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                jars.add((Files.isDirectory(where) ? Jars.pack(where) : where).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the jar of " + name, e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot pack the classes of " + name + " into a jar", e);
            }
        }
        return new ArrayList<>(jars);
    }

    /** A task: runs the one trial of its partition on the executor and returns its result to the driver. */
    static final class RunTrial extends AbstractFunction2<TaskContext, Iterator<Trial>, TrialResult> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String dataDir;

        RunTrial(String dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        public TrialResult apply(TaskContext task, Iterator<Trial> trials) {
            Trial t = trials.next();
            if (trials.hasNext()) {
                throw new IllegalStateException("partition " + task.partitionId() + " holds more than one trial");
            }
            return TrialRunner.run(t, Path.of(dataDir));
        }
    }
}
