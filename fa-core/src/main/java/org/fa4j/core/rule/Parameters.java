package org.fa4j.core.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.fa4j.core.Init;

/**
 * An immutable, ordered tree of named values: how a {@link LearningRule} names its settings and its own state in a
 * model file. Values are {@link Long} (every integer), {@link Double}, {@link String}, {@link Boolean},
 * nested {@code Parameters}, or lists of those; the model file writes them as JSON in insertion order, so
 * {@code rule.parameters()} round-trips through {@link LearningRuleProvider#read(Parameters)} exactly.
 *
 * <p>The typed getters name the field and what was expected when a value is missing or of the wrong type:
 * <pre>{@code
 * Parameters p = Parameters.builder().put("feedbackInit", Init.uniform(0.5)).put("sparsity", 0.0).build();
 * double s = p.number("sparsity");
 * Init b = p.init("feedbackInit");
 * }</pre>
 */
public final class Parameters {
    private static final Parameters EMPTY = new Parameters(Map.of());
    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = values;
    }

    /** No values. */
    public static Parameters empty() {
        return EMPTY;
    }

    /** A builder of a new tree. */
    public static Builder builder() {
        return new Builder();
    }

    /** The field names, in insertion order. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** True when there are no values. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** True when {@code key} has a value. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of {@code key} as stored (see the class comment for the types); throws if absent. */
    public Object get(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing field '" + key + "' in " + this);
        }
        return v;
    }

    /** A real number. */
    public double number(String key) {
        if (get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(key, "a number");
    }

    /** A whole number that fits an {@code int}. */
    public int integer(String key) {
        long v = longInteger(key);
        if (v != (int) v) {
            throw new IllegalArgumentException("field '" + key + "' is " + v + "; expected an integer in the int range");
        }
        return (int) v;
    }

    /** A whole number. */
    public long longInteger(String key) {
        Object v = get(key);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        throw wrongType(key, "an integer");
    }

    /** A string. */
    public String text(String key) {
        if (get(key) instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string");
    }

    /** A boolean. */
    public boolean flag(String key) {
        if (get(key) instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "true or false");
    }

    /** A nested tree. */
    public Parameters nested(String key) {
        if (get(key) instanceof Parameters p) {
            return p;
        }
        throw wrongType(key, "an object");
    }

    /** A list of nested trees. */
    public List<Parameters> nestedList(String key) {
        if (get(key) instanceof List<?> list) {
            List<Parameters> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Parameters p)) {
                    throw new IllegalArgumentException("field '" + key + "[" + i + "]' is " + list.get(i) + "; expected an object");
                }
                out.add(p);
            }
            return out;
        }
        throw wrongType(key, "a list of objects");
    }

    /** An {@link Init} written by {@link Builder#put(String, Init)}. */
    public Init init(String key) {
        Parameters p = nested(key);
        String type = p.text("type");
        try {
            return switch (type) {
                case "uniform" -> Init.uniform(p.number("scale"));
                case "gaussian" -> Init.gaussian(p.number("std"));
                case "xavier" -> Init.xavier();
                case "he" -> Init.he();
                default -> throw new IllegalArgumentException("unknown init type '" + type + "'; expected uniform, gaussian, xavier or he");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + key + "': " + e.getMessage(), e);
        }
    }

    /** A rule written by {@link Builder#put(String, LearningRule)}, read through {@link LearningRules}. */
    public LearningRule rule(String key) {
        return LearningRules.read(nested(key));
    }

    /** A list of rules written by {@link Builder#putRules(String, List)}. */
    public List<LearningRule> rules(String key) {
        List<LearningRule> out = new ArrayList<>();
        for (Parameters p : nestedList(key)) {
            out.add(LearningRules.read(p));
        }
        return out;
    }

    /** The values as an unmodifiable ordered map (nested trees stay {@code Parameters}). */
    public Map<String, Object> asMap() {
        return values;
    }

    private IllegalArgumentException wrongType(String key, String expected) {
        return new IllegalArgumentException("field '" + key + "' is " + values.get(key) + "; expected " + expected);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Builds {@link Parameters}; keys keep the order in which they are first put. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder value(String key, Object v) {
            values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(v, key));
            return this;
        }

        /** A real number. */
        public Builder put(String key, double v) {
            return value(key, v);
        }

        /** An integer (stored as a {@code long}). */
        public Builder put(String key, int v) {
            return value(key, (long) v);
        }

        /** A long integer. */
        public Builder put(String key, long v) {
            return value(key, v);
        }

        /** A string. */
        public Builder put(String key, String v) {
            return value(key, v);
        }

        /** A boolean. */
        public Builder put(String key, boolean v) {
            return value(key, v);
        }

        /** A nested tree. */
        public Builder put(String key, Parameters v) {
            return value(key, v);
        }

        /** An initialiser, as {@code {"type": "uniform", "scale": s}} and the like. */
        public Builder put(String key, Init init) {
            Builder b = builder();
            switch (Objects.requireNonNull(init, key)) {
                case Init.Uniform u -> b.put("type", "uniform").put("scale", u.scale());
                case Init.Gaussian g -> b.put("type", "gaussian").put("std", g.std());
                case Init.Xavier x -> b.put("type", "xavier");
                case Init.He h -> b.put("type", "he");
            }
            return value(key, b.build());
        }

        /** A rule, as its {@link LearningRules#describe(LearningRule) description}. */
        public Builder put(String key, LearningRule rule) {
            return value(key, LearningRules.describe(rule));
        }

        /** A list of rules. */
        public Builder putRules(String key, List<? extends LearningRule> rules) {
            List<Parameters> list = new ArrayList<>();
            for (LearningRule r : rules) {
                list.add(LearningRules.describe(r));
            }
            return value(key, Collections.unmodifiableList(list));
        }

        /**
         * A value of any of the stored types ({@link Long}, {@link Integer} (stored as a {@code long}), {@link Double},
         * {@link String}, {@link Boolean}, {@code Parameters}, {@link List}); anything else is refused, naming the key.
         */
        public Builder putValue(String key, Object v) {
            return switch (v) {
                case Integer i -> value(key, i.longValue());
                case Long l -> value(key, l);
                case Double d -> value(key, d);
                case String t -> value(key, t);
                case Boolean b -> value(key, b);
                case Parameters p -> value(key, p);
                case List<?> list -> putList(key, list);
                case null -> throw new NullPointerException(key);
                default -> throw new IllegalArgumentException("field '" + key + "': a " + v.getClass().getName()
                        + " cannot be stored; expected a number, string, boolean, Parameters or list");
            };
        }

        /** A list of values (numbers, strings, booleans, trees, lists); integers are stored as {@code long}s. */
        public Builder putList(String key, List<?> list) {
            return value(key, list.stream().map(v -> v instanceof Integer i ? (Object) i.longValue() : v).toList());
        }

        /** Every value of {@code other}, in its order. */
        public Builder putAll(Parameters other) {
            other.values.forEach(this::value);
            return this;
        }

        /** The tree. */
        public Parameters build() {
            return values.isEmpty() ? EMPTY : new Parameters(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
