package dev.drumbeat.catalog;

import dev.drumbeat.core.ServiceMatcher;
import java.math.BigDecimal;
import java.util.Optional;

/** The editable fields of a service, as a form or a CSV row gives them, already validated. */
public record ServiceDraft(
        String key,
        String name,
        Tier tier,
        boolean isProtected,
        Optional<String> ownerId,
        Optional<String> deputyId,
        Optional<String> teamChannel,
        BigDecimal unitCost,
        String unitName,
        BigDecimal monthlyDemand,
        BigDecimal monthlyValue,
        String description) {

    /** The name's matching form, unique among the workspace's services (see {@link ServiceMatcher#nameKey}). */
    public String nameKey() {
        return ServiceMatcher.nameKey(name);
    }

    /** The editable fields of a stored service, as the audit log keeps them before and after a change. */
    public static ServiceDraft of(Service s) {
        return new ServiceDraft(
                s.key(),
                s.name(),
                s.tier(),
                s.isProtected(),
                s.ownerId(),
                s.deputyId(),
                s.teamChannel(),
                s.unitCost(),
                s.unitName(),
                s.monthlyDemand(),
                s.monthlyValue(),
                s.description());
    }
}
