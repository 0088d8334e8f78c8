package org.fa4j.spark;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** One line per executor added or removed and per failed task attempt, naming the trial; the sweep logs the rest. */
final class TaskLog extends SparkListener {
    private final List<String> keys;
    private final Consumer<String> log;

    TaskLog(List<String> keys, Consumer<String> log) {
        this.keys = keys;
        this.log = log;
    }

    @Override
    public void onExecutorAdded(SparkListenerExecutorAdded e) {
        log.accept("spark: executor " + e.executorId() + " added on " + e.executorInfo().executorHost() + " ("
                + e.executorInfo().totalCores() + " cores)");
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
        log.accept("spark: executor " + e.executorId() + " removed: " + e.reason());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        if (e.reason() != Success$.MODULE$) {
            int index = e.taskInfo().index();
            String key = index < keys.size() ? keys.get(index) : "partition " + index;
            log.accept("spark: trial " + key + " (task " + index + ", attempt " + e.taskInfo().attemptNumber() + ") failed on executor "
                    + e.taskInfo().executorId() + ": " + e.reason().toString() + "; Spark runs it again");
        }
    }
}
