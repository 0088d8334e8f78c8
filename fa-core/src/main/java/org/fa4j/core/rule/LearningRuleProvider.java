package org.fa4j.core.rule;

import java.util.Objects;
import java.util.function.Function;

/**
 * Reads one kind of {@link LearningRule} back from a model file: the service by which {@link LearningRules} finds
 * every rule, the built-in ones included. Declare one in {@code module-info.java} with
 * {@code provides org.fa4j.core.rule.LearningRuleProvider with my.Rule;}, where {@code my.Rule} has
 * {@code public static LearningRuleProvider provider()} (on the class path, list a public class with a public no-arg
 * constructor that implements this interface in {@code META-INF/services/org.fa4j.core.rule.LearningRuleProvider}).
 */
public interface LearningRuleProvider {

    /** The name of the rules this provider reads, as {@link LearningRule#name()} gives it. */
    String name();

    /** The rule described by {@code parameters} (its name under {@code "type"} and its {@link LearningRule#parameters()}). */
    LearningRule read(Parameters parameters);

    /** A provider for rules called {@code name}, read by {@code read}. */
    static LearningRuleProvider of(String name, Function<Parameters, ? extends LearningRule> read) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(read, "read");
        return new LearningRuleProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public LearningRule read(Parameters parameters) {
                return read.apply(parameters);
            }
        };
    }
}
