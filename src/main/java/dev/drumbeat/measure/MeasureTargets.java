package dev.drumbeat.measure;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.SlackBlocks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Finds what a binding is for from what someone typed: a service by key or name, and one of its KPIs by key, name or
 * a start of either; and checks they may bind it (its owner, its deputy or an admin). Refusals are sentences.
 */
final class MeasureTargets {
    private final MeasureDao dao;

    MeasureTargets(Handle handle) {
        this.dao = new MeasureDao(handle);
    }

    /** A service's KPI, or its monthly demand when {@code kpiId} is empty. */
    record Target(long serviceId, String serviceName, Optional<Long> kpiId, Optional<String> kpiName, String tz) {
        String label() {
            return serviceName + " · " + kpiName.orElse("monthly demand");
        }
    }

    Target resolve(Actor actor, String typedService, Optional<String> typedKpi) {
        String wanted = typedService == null ? "" : typedService.strip();
        MeasureDao.ServiceRow service = dao.service(actor.teamId(), wanted)
                .orElseThrow(
                        () -> new UserError("There is no service `" + SlackBlocks.escape(SlackBlocks.clip(wanted, 80))
                                + "`. `/drumbeat services` lists them by key."));
        if (!actor.isAdmin()
                && !actor.userId().equals(service.ownerId())
                && !actor.userId().equals(service.deputyId())) {
            String owner = service.ownerId() == null ? "nobody yet" : Mentions.mention(service.ownerId());
            throw new UserError("Only the owner of " + SlackBlocks.escape(service.name()) + " (" + owner
                    + "), its deputy or a Drumbeat admin can change how it is measured.");
        }
        if (typedKpi.isEmpty()) {
            return new Target(service.id(), service.name(), Optional.empty(), Optional.empty(), service.tz());
        }
        List<MeasureDao.KpiRow> kpis = dao.kpis(service.id());
        String typed = compact(typedKpi.get());
        List<MeasureDao.KpiRow> exact = kpis.stream()
                .filter(k -> !typed.isEmpty()
                        && (compact(k.key()).equals(typed) || compact(k.name()).equals(typed)))
                .toList();
        List<MeasureDao.KpiRow> found = !exact.isEmpty() || typed.length() < 3
                ? exact
                : kpis.stream()
                        .filter(k -> compact(k.key()).startsWith(typed)
                                || compact(k.name()).startsWith(typed))
                        .toList();
        if (found.size() == 1) {
            MeasureDao.KpiRow kpi = found.get(0);
            return new Target(
                    service.id(), service.name(), Optional.of(kpi.id()), Optional.of(kpi.name()), service.tz());
        }
        String listed = (found.isEmpty() ? kpis : found)
                .stream().map(k -> "`" + k.key() + "`").collect(Collectors.joining(", "));
        String name = SlackBlocks.escape(service.name());
        if (kpis.isEmpty()) {
            throw new UserError(name + " has no KPIs to measure; bind its monthly demand with" + " `/drumbeat kpi bind "
                    + service.key() + " demand <promql>`.");
        }
        throw new UserError((found.isEmpty()
                        ? name + " has no KPI `" + SlackBlocks.escape(SlackBlocks.clip(typedKpi.get(), 80)) + "`"
                        : "`" + SlackBlocks.escape(SlackBlocks.clip(typedKpi.get(), 80)) + "` could be several of "
                                + name + "'s KPIs")
                + ". Its KPIs: " + listed + ".");
    }

    private static String compact(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}%]", "");
    }
}
