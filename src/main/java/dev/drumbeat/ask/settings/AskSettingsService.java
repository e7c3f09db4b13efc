package dev.drumbeat.ask.settings;

import dev.drumbeat.ask.advisor.ImpactWeights;
import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.ExchangeRate;
import dev.drumbeat.core.ExchangeRates;
import dev.drumbeat.core.UserError;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A workspace's settings for answers to `/drumbeat ask`: its impact weights and exchange rates. Anyone may read them;
 * admins change one at a time. A change locks the workspace's ask_settings row (created with the defaults on the
 * first change), and is stored with its audit entry in one transaction; a refused value leaves nothing behind.
 * Thread-safe.
 */
public final class AskSettingsService {
    static final String AUDIT_ENTITY = "settings";
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Currency workspace;

    public AskSettingsService(Jdbi jdbi, AuditLog audit, Currency workspace) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.workspace = workspace;
    }

    /** A change to a weight: the weights before and after; equal when the value was already set. */
    record WeightChange(WeightSetting setting, ImpactWeights before, ImpactWeights after) {
        boolean changed() {
            return !before.equals(after);
        }
    }

    /** A change to a rate: before and after, each empty when there is no rate. */
    record RateChange(Currency currency, Optional<ExchangeRate> before, Optional<ExchangeRate> after) {
        boolean changed() {
            return !before.equals(after);
        }
    }

    /** The weights the advisor uses for the workspace now: its row, or the defaults. */
    ImpactWeights weights(String teamId) {
        return jdbi.withExtension(AskSettingsDao.class, dao -> dao.find(teamId)).orElse(ImpactWeights.defaults());
    }

    /** The rates the workspace's admins set, for converting an amount asked in another currency. */
    public ExchangeRates rates(String teamId) {
        return new ExchangeRates(jdbi.withExtension(AskSettingsDao.class, dao -> dao.rates(teamId)).stream()
                .map(this::rate)
                .toList());
    }

    /** Sets a weight to what {@code text} says; a {@link UserError} when the actor may not or the value is refused. */
    WeightChange changeWeight(Actor actor, WeightSetting setting, String text) {
        mustBeAdmin(actor);
        BigDecimal value = AskSettingsValues.weight(setting, text, workspace.getCurrencyCode());
        return jdbi.inTransaction(handle -> {
            AskSettingsDao dao = handle.attach(AskSettingsDao.class);
            dao.ensure(actor.teamId());
            ImpactWeights before = dao.lock(actor.teamId());
            WeightChange change = new WeightChange(setting, before, setting.apply(before, value));
            if (change.changed()) {
                dao.save(actor.teamId(), change.after());
                audit(handle, actor, setting.word(), "update", Optional.of(before), Optional.of(change.after()));
            }
            return change;
        });
    }

    /**
     * Sets the rate for the currency {@code code} names to what {@code text} says, or removes it when {@code text} is
     * {@code none}; a {@link UserError} when the actor may not or the currency or rate is refused.
     */
    RateChange changeRate(Actor actor, String codeText, String text) {
        mustBeAdmin(actor);
        Currency currency = currency(codeText);
        Optional<BigDecimal> rate = AskSettingsValues.isNone(text)
                ? Optional.empty()
                : Optional.of(AskSettingsValues.rate(text, currency, workspace));
        String code = currency.getCurrencyCode();
        return jdbi.inTransaction(handle -> {
            AskSettingsDao dao = handle.attach(AskSettingsDao.class);
            dao.ensure(actor.teamId());
            dao.lock(actor.teamId());
            Optional<AskSettingsDao.Rate> before = dao.rate(actor.teamId(), code);
            RateChange change = new RateChange(
                    currency, before.map(this::rate), rate.map(r -> new ExchangeRate(currency, workspace, r)));
            if (change.changed()) {
                rate.ifPresentOrElse(
                        r -> dao.saveRate(actor.teamId(), code, r), () -> dao.deleteRate(actor.teamId(), code));
                String action = before.isEmpty() ? "create" : rate.isEmpty() ? "delete" : "update";
                audit(handle, actor, "rate " + code, action, before.map(b -> b.rate()), rate);
            }
            return change;
        });
    }

    /** The currency {@code text} names, if it may have a rate here: an ISO 4217 code, not the workspace's. */
    Currency currency(String text) {
        return AskSettingsValues.currency(text, workspace, AskSettingsValues.exampleCode(workspace));
    }

    /** The rate for {@code currency}, if an admin set one. */
    Optional<ExchangeRate> rate(String teamId, Currency currency) {
        return jdbi.withExtension(AskSettingsDao.class, dao -> dao.rate(teamId, currency.getCurrencyCode()))
                .map(this::rate);
    }

    private ExchangeRate rate(AskSettingsDao.Rate stored) {
        return new ExchangeRate(Currency.getInstance(stored.currency()), workspace, stored.rate());
    }

    private void audit(
            Handle handle,
            Actor actor,
            String key,
            String action,
            Optional<? extends Object> before,
            Optional<? extends Object> after) {
        audit.record(
                handle,
                new AuditEntry(
                        actor.teamId(),
                        actor.auditName(),
                        AUDIT_ENTITY,
                        key,
                        action,
                        before.map(Object.class::cast),
                        after.map(Object.class::cast)));
    }

    private static void mustBeAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new UserError("Only a Drumbeat admin can change the settings for answers to ask. `/drumbeat settings`"
                    + " shows them; ask an admin if one should change.");
        }
    }
}
