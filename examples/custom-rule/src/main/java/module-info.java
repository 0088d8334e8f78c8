/**
 * A user's own learning rule, written against fa-core's rule SPI only: {@link example.customrule.RedrawnFeedback},
 * feedback alignment whose random matrices are drawn afresh at the start of every epoch. The one line below is all
 * that makes fa4j find it when a model file names it.
 */
module example.customrule {
    requires transitive org.fa4j.core;   // its API (the rule SPI) appears in this module's exported types

    exports example.customrule;

    provides org.fa4j.core.rule.LearningRuleProvider with example.customrule.RedrawnFeedback;
}
