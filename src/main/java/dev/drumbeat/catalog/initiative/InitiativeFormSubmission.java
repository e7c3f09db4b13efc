package dev.drumbeat.catalog.initiative;

import com.slack.api.model.view.ViewState;
import dev.drumbeat.catalog.ServiceFields;
import dev.drumbeat.core.ServiceMatcher;
import dev.drumbeat.slack.FormState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the initiative modal's state into a draft, or into field errors for Slack to show under each field. The
 * services it relies on are matched forgivingly, as everywhere; a name that fits none or several is an error naming
 * it.
 */
final class InitiativeFormSubmission {
    private final FormState form;
    private final Function<String, ServiceMatcher.Match> services;

    private InitiativeFormSubmission(
            Map<String, Map<String, ViewState.Value>> values, Function<String, ServiceMatcher.Match> services) {
        this.form = new FormState(values);
        this.services = services;
    }

    static InitiativeFormSubmission read(
            Map<String, Map<String, ViewState.Value>> values, Function<String, ServiceMatcher.Match> services) {
        return new InitiativeFormSubmission(values, services);
    }

    /** The draft, or empty with {@link #errors()} filled. {@code existingKey} is blank when adding. */
    Optional<Initiative> draft(String existingKey) {
        String key = existingKey.isBlank() ? form.check("key", ServiceFields::key, "") : existingKey;
        String name = form.check("name", ServiceFields::name, "");
        String status = form.check("status", InitiativeFormSubmission::status, "active");
        BigDecimal budget = form.check("budget", ServiceFields::amount, BigDecimal.ZERO);
        BigDecimal slip = form.check("monthly_slip_cost", ServiceFields::amount, BigDecimal.ZERO);
        Optional<LocalDate> due = form.check("due_date", InitiativeFormSubmission::dueDate, Optional.empty());
        List<String> reliedOn = form.check("relies_on", this::serviceKeys, List.of());
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Initiative(
                key,
                name,
                form.user("owner"),
                budget,
                slip,
                due,
                status,
                form.checked(InitiativeForm.PROTECTED),
                reliedOn));
    }

    Map<String, String> errors() {
        return form.errors();
    }

    private static String status(String raw) {
        String status = raw == null ? "" : raw.strip();
        if (!Initiative.STATUSES.contains(status)) {
            throw new IllegalArgumentException("the status is planned, active, done or cancelled");
        }
        return status;
    }

    private static Optional<LocalDate> dueDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("write the date as YYYY-MM-DD, like 2027-05-31");
        }
    }

    private List<String> serviceKeys(String raw) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String typed : (raw == null ? "" : raw).split("[,\\n]")) {
            if (typed.isBlank()) {
                continue;
            }
            ServiceMatcher.Match match = services.apply(typed.strip());
            if (match instanceof ServiceMatcher.Found found) {
                keys.add(found.candidate().key());
            } else if (match instanceof ServiceMatcher.Ambiguous ambiguous) {
                problems.add("“" + typed.strip() + "” could be "
                        + String.join(
                                " or ",
                                ambiguous.candidates().stream()
                                        .map(c -> c.name() + " (" + c.key() + ")")
                                        .limit(3)
                                        .toList()));
            } else {
                problems.add("no service is called “" + typed.strip() + "”");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return List.copyOf(keys);
    }
}
