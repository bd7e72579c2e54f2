package dev.inquest.jfr.read.rules;

import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;

/**
 * One rule: the probe it reads and how it judges what the probe found. A new rule is one class
 * (and, when no probe collects its events yet, a probe of its own, registered in {@link RuleSet}).
 */
interface Rule<P extends Probe<P>> {
    RuleId id();

    Probe.Kind<P> probe();

    /** The verdict over the whole recording, from the merged probe. */
    RuleResult evaluate(P probe, RecordingFacts recording);
}
