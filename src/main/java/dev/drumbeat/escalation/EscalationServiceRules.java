package dev.drumbeat.escalation;

import dev.drumbeat.core.Money;
import dev.drumbeat.core.Periods;
import dev.drumbeat.costs.CostMonths;
import dev.drumbeat.escalation.rules.CostFacts;
import dev.drumbeat.escalation.rules.EscalationFactsDao;
import dev.drumbeat.escalation.rules.EscalationRules;
import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.ServiceFacts;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.escalation.settings.ThresholdsDao;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The sweep's rules as they run in production: every workspace's thresholds, the set-based facts of every service and
 * initiative, each workspace's bills through {@link CostMonths} (on the sweep's own handle, which JDBI hands to nested
 * calls on the same thread, and at the sweep's moment, so "the latest whole month" is the sweep's), the bindings whose
 * queries keep failing, and {@link EscalationRules}. Thread-safe.
 */
public final class EscalationServiceRules implements EscalationService.Rules {
    private final Periods periods;
    private final Money money;

    /** Amounts in US dollars, the default of {@code DRUMBEAT_CURRENCY}. */
    public EscalationServiceRules(Periods periods) {
        this(periods, new Money(Currency.getInstance("USD")));
    }

    /** Amounts in the workspace's {@code money}. */
    public EscalationServiceRules(Periods periods, Money money) {
        this.periods = periods;
        this.money = money;
    }

    @Override
    public Function<String, Thresholds> thresholds(Handle handle) {
        Map<String, Thresholds> byTeam = handle.attach(ThresholdsDao.class).thresholdsByTeam();
        return team -> byTeam.getOrDefault(team, Thresholds.defaults());
    }

    @Override
    public List<Finding> findings(Handle handle, Function<String, Thresholds> thresholds, Instant now) {
        EscalationFactsDao facts = handle.attach(EscalationFactsDao.class);
        List<ServiceFacts> services = facts.serviceFacts(now, periods);
        return EscalationRules.evaluate(
                services,
                facts.initiativeFacts(now, periods),
                costs(handle, services, now),
                facts.failingMeasures(EscalationRules.MEASURE_FAILING_PERIODS),
                thresholds,
                money,
                periods,
                now);
    }

    /** The bills of every workspace with active services and a whole month of bills. */
    private static Map<String, CostFacts> costs(Handle handle, List<ServiceFacts> services, Instant now) {
        CostMonths months = new CostMonths(handle.getJdbi(), Clock.fixed(now, ZoneOffset.UTC));
        Map<String, CostFacts> byTeam = new LinkedHashMap<>();
        for (String team :
                new TreeSet<>(services.stream().map(ServiceFacts::teamId).toList())) {
            CostFacts.read(months, team).ifPresent(costs -> byTeam.put(team, costs));
        }
        return byTeam;
    }
}
