package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The builders of every parameter record, checked through reflection so that a component added to a record without
 * its setter, or without validation, fails here: each builder starts from the record's defaults, has one setter per
 * component named as the component, changes only that component, and {@code build()} rejects a bad value with a
 * message that names the component.
 */
class ParamsBuilderTest {
    /** A parameter record's type, its default value and the exception its constructor throws for a bad value. */
    record Case(Class<? extends Record> type, Supplier<Record> defaults, Class<? extends RuntimeException> rejection) {
        @Override
        public String toString() {
            return type.getName().substring(type.getPackageName().length() + 1);
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(ConservationLawCheck.Params.class, ConservationLawCheck.Params::defaults,
                        IllegalArgumentException.class),
                new Case(Theorem1Check.Params.class, Theorem1Check.Params::defaults, IllegalArgumentException.class),
                new Case(ConditionOneCheck.Params.class, ConditionOneCheck.Params::defaults,
                        IllegalArgumentException.class),
                new Case(Fig3Check.Params.class, Fig3Check.Params::defaults, IllegalArgumentException.class),
                new Case(Lemma5Check.Params.class, Lemma5Check.Params::defaults, IllegalArgumentException.class),
                new Case(GaussNewtonCheck.Params.class, GaussNewtonCheck.Params::defaults,
                        IllegalArgumentException.class),
                new Case(PseudoinverseCheck.Params.class, PseudoinverseCheck.Params::quick,
                        IllegalArgumentException.class),
                new Case(SuiteOptions.class, SuiteOptions::quick, NullPointerException.class));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void newBuilderBuildsTheDefaults(Case c) {
        assertThat(build(newBuilder(c))).isEqualTo(c.defaults().get());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void toBuilderRebuildsAnEqualRecord(Case c) throws ReflectiveOperationException {
        Record d = c.defaults().get();
        assertThat(build(c.type().getMethod("toBuilder").invoke(d))).isEqualTo(d);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachSetterIsNamedAsItsComponentAndChangesOnlyThatComponent(Case c) throws ReflectiveOperationException {
        Record d = c.defaults().get();
        for (RecordComponent rc : c.type().getRecordComponents()) {
            Object changed = changed(rc, rc.getAccessor().invoke(d));
            Object builder = newBuilder(c);
            Method setter = builder.getClass().getMethod(rc.getName(), rc.getType());
            assertThat(setter.getReturnType()).as(rc.getName()).isEqualTo(builder.getClass());
            Record built = build(setter.invoke(builder, changed));
            for (RecordComponent other : c.type().getRecordComponents()) {
                Object expected = other.getName().equals(rc.getName()) ? changed : other.getAccessor().invoke(d);
                assertThat(other.getAccessor().invoke(built)).as(rc.getName() + " -> " + other.getName())
                        .isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void buildRejectsABadValueOfEveryComponentNamingTheComponent(Case c) throws ReflectiveOperationException {
        for (RecordComponent rc : c.type().getRecordComponents()) {
            for (Object bad : badValues(rc)) {
                Object builder = newBuilder(c);
                builder.getClass().getMethod(rc.getName(), rc.getType()).invoke(builder, bad);
                assertThatThrownBy(() -> build(builder)).as(rc.getName() + " = " + bad)
                        .isInstanceOf(c.rejection()).hasMessageContaining(rc.getName());
            }
        }
    }

    @Test
    void theNamedFactoriesKeepTheirValues() {
        assertThat(ConservationLawCheck.Params.defaults()).isEqualTo(new ConservationLawCheck.Params(30, 20, 10, 0.1,
                1.0, List.of(1e-2, 1e-3, 1e-4), 14L, 1e-12, 1e-12, 1e-9, 0.1));
        assertThat(Theorem1Check.Params.defaults())
                .isEqualTo(new Theorem1Check.Params(30, 20, 10, 60.0, 1L, 1e-11, 1e-13, 1e-6, 1e-9));
        assertThat(Theorem1Check.Params.wideOutputDefaults())
                .isEqualTo(new Theorem1Check.Params(30, 5, 10, 60.0, 1L, 1e-11, 1e-13, 1e-6, 1e-9));
        assertThat(ConditionOneCheck.Params.defaults()).isEqualTo(new ConditionOneCheck.Params(0.01, 1e-3, 3000, 20,
                List.of(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L), 0.95));
        assertThat(Fig3Check.Params.defaults())
                .isEqualTo(new Fig3Check.Params(41, 200, 0.01, 1e-9, 1e-8, 1e-6, 1.0, -1.5, -1.5));
        assertThat(Fig3Check.Params.full())
                .isEqualTo(new Fig3Check.Params(81, 200, 0.01, 1e-9, 1e-8, 1e-6, 1.0, -1.5, -1.5));
        assertThat(Lemma5Check.Params.defaults())
                .isEqualTo(new Lemma5Check.Params(30, 20, 10, 0.05, 2000, 1e-6, 5L, 1e-12, 100));
        assertThat(GaussNewtonCheck.Params.defaults()).isEqualTo(new GaussNewtonCheck.Params(30, 20, 10,
                List.of(1e-2, 1e-3, 1e-4, 1e-5), 5, 3L, 1e-3, 0.1));
        List<Double> omegas = List.of(0.0001, 0.001, 0.01, 0.05, 0.1, 0.125, 0.15, 0.2, 0.25);
        assertThat(PseudoinverseCheck.Params.quick())
                .isEqualTo(new PseudoinverseCheck.Params(omegas, 1e-3, 20_000, 10, List.of(11L), 0.01));
        assertThat(PseudoinverseCheck.Params.full())
                .isEqualTo(new PseudoinverseCheck.Params(omegas, 1e-3, 30_000, 5, List.of(11L, 12L, 13L), 0.01));
        assertThat(SuiteOptions.full()).isEqualTo(SuiteOptions.newBuilder().mode(SuiteOptions.Mode.FULL).build());
    }

    @Test
    void theBuilderCopiesAListSoLaterChangesToItDoNotReachTheRecord() {
        List<Long> seeds = new ArrayList<>(List.of(1L, 2L));
        ConditionOneCheck.Params p = ConditionOneCheck.Params.newBuilder().seeds(seeds).build();
        seeds.add(3L);
        assertThat(p.seeds()).containsExactly(1L, 2L);
    }

    @Test
    void aListWithANullElementIsRejectedByName() {
        assertThatThrownBy(() -> PseudoinverseCheck.Params.newBuilder().seeds(Arrays.asList(1L, null)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seeds must not contain null");
    }

    @Test
    void aWindowNotShorterThanTheRunIsRejectedNamingBoth() {
        assertThatThrownBy(() -> ConditionOneCheck.Params.newBuilder().steps(20).window(20).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window = 20")
                .hasMessageContaining("steps = 20");
    }

    /** A valid value of the component {@code rc} other than {@code value}. */
    private static Object changed(RecordComponent rc, Object value) {
        Class<?> t = rc.getType();
        if (t == int.class) {
            return (int) value + 1;
        }
        if (t == long.class) {
            return (long) value + 1;
        }
        if (t == double.class) {
            double v = (double) value;
            return v == 0 ? 0.5 : v / 2; // stays finite, keeps its sign, and stays a fraction if it is one
        }
        if (t == List.class) {
            List<?> list = (List<?>) value;
            if (elementType(rc) == Long.class) {
                List<Long> more = new ArrayList<>();
                list.forEach(e -> more.add((Long) e));
                more.add(more.get(more.size() - 1) + 100);
                return List.copyOf(more);
            }
            return List.copyOf(list.subList(0, list.size() - 1)); // the learning rates and ω lists hold at least 3
        }
        if (t == SuiteOptions.Mode.class) {
            return value == SuiteOptions.Mode.QUICK ? SuiteOptions.Mode.FULL : SuiteOptions.Mode.QUICK;
        }
        throw new AssertionError("no changed value for " + rc);
    }

    /** Values of the component {@code rc} its record must reject; none for a seed, which may be any long. */
    private static List<Object> badValues(RecordComponent rc) {
        Class<?> t = rc.getType();
        if (t == int.class) {
            return List.of(0, -1);
        }
        if (t == long.class) {
            return List.of();
        }
        if (t == double.class) {
            return List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        }
        List<Object> bad = new ArrayList<>();
        bad.add(null);
        if (t == List.class) {
            bad.add(List.of());
        }
        return bad;
    }

    private static Class<?> elementType(RecordComponent rc) {
        return (Class<?>) ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
    }

    private static Object newBuilder(Case c) {
        try {
            return c.type().getMethod("newBuilder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(c + " has no static newBuilder()", e);
        }
    }

    /** Calls {@code build()} on {@code builder}, rethrowing what the record's constructor threw. */
    private static Record build(Object builder) {
        try {
            return (Record) builder.getClass().getMethod("build").invoke(builder);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(builder.getClass() + " has no build()", e);
        }
    }
}
