/**
 * A learning rule from outside fa4j: {@link example.customrule.RedrawnFeedback}, feedback alignment with its random
 * feedback matrices drawn afresh every epoch, written against {@code org.fa4j.core.rule} only.
 */
package example.customrule;
