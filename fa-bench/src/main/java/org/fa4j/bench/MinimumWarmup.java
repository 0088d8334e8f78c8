package org.fa4j.bench;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The warm-up a benchmark needs per fork before C2 has compiled what it measures. {@link BenchmarkMain} warns when a
 * run's warm-up iterations × time fall below it; a benchmark class without this annotation needs
 * {@link WarmupCheck#DEFAULT_MINIMUM_SECONDS}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MinimumWarmup {

    /** Seconds of warm-up per fork, in total over the warm-up iterations. */
    int seconds();
}
