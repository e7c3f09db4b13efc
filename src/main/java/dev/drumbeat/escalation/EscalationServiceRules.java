package dev.drumbeat.escalation;

import dev.drumbeat.core.Periods;
import dev.drumbeat.escalation.rules.EscalationFactsDao;
import dev.drumbeat.escalation.rules.EscalationRules;
import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.escalation.settings.ThresholdsDao;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The sweep's rules as they run in production: every workspace's thresholds, the set-based facts of every
 * service and initiative, and {@link EscalationRules}. Thread-safe.
 */
public final class EscalationServiceRules implements EscalationService.Rules {
    private final Periods periods;

    public EscalationServiceRules(Periods periods) {
        this.periods = periods;
    }

    @Override
    public Function<String, Thresholds> thresholds(Handle handle) {
        Map<String, Thresholds> byTeam = handle.attach(ThresholdsDao.class).thresholdsByTeam();
        return team -> byTeam.getOrDefault(team, Thresholds.defaults());
    }

    @Override
    public List<Finding> findings(Handle handle, Function<String, Thresholds> thresholds, Instant now) {
        EscalationFactsDao facts = handle.attach(EscalationFactsDao.class);
        return EscalationRules.evaluate(
                facts.serviceFacts(now, periods), facts.initiativeFacts(now, periods), thresholds, periods, now);
    }
}
