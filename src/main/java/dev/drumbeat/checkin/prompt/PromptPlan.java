package dev.drumbeat.checkin.prompt;

import dev.drumbeat.core.Periods;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, at one moment, which weekly prompts are due: one per person per period, at the configured
 * hour in that person's own time zone, listing the services they answer for and have not answered yet;
 * and which services are excused because their owner is away with nobody covering. Pure.
 */
final class PromptPlan {
    private final Periods periods;

    PromptPlan(Periods periods) {
        this.periods = periods;
    }

    /** A prompt to send: {@code services} in catalog order; {@code coveringFor} holds the owner when a deputy is asked. */
    record NewPrompt(String teamId, String userId, LocalDate periodStart, String tz, List<Item> services) {
        String key() {
            return teamId + "|" + userId + "|" + periodStart;
        }
    }

    record Item(long serviceId, String serviceKey, String serviceName, Optional<String> coveringFor) {}

    record Excusal(long serviceId, String teamId, LocalDate periodStart) {}

    record Result(List<NewPrompt> prompts, List<Excusal> excusals) {}

    Result plan(List<PromptCandidate> candidates, Instant now, Set<String> prompted, Set<String> answered) {
        Map<String, NewPrompt> prompts = new LinkedHashMap<>();
        List<Excusal> excusals = new ArrayList<>();
        for (PromptCandidate c : candidates) {
            LocalDate ownerPeriod = periods.periodOf(now, Periods.zone(c.ownerTz()));
            Optional<PromptCandidate.Person> recipient = c.recipient(ownerPeriod);
            if (recipient.isEmpty()) {
                if (!answered.contains(c.serviceId() + "|" + ownerPeriod)) {
                    excusals.add(new Excusal(c.serviceId(), c.teamId(), ownerPeriod));
                }
                continue;
            }
            addIfDue(prompts, c, recipient.get(), ownerPeriod, now, prompted, answered);
        }
        return new Result(List.copyOf(prompts.values()), excusals);
    }

    /** The period is the owner's week, whoever answers; the DM goes out at the check-in hour in the recipient's zone. */
    private void addIfDue(
            Map<String, NewPrompt> prompts,
            PromptCandidate c,
            PromptCandidate.Person to,
            LocalDate period,
            Instant now,
            Set<String> prompted,
            Set<String> answered) {
        ZoneId zone = Periods.zone(to.tz());
        String key = c.teamId() + "|" + to.userId() + "|" + period;
        boolean due = !now.isBefore(periods.promptAt(period, zone));
        if (!due || prompted.contains(key) || answered.contains(c.serviceId() + "|" + period)) {
            return;
        }
        Optional<String> coveringFor = to.userId().equals(c.ownerId()) ? Optional.empty() : Optional.of(c.ownerId());
        prompts.computeIfAbsent(key, k -> new NewPrompt(c.teamId(), to.userId(), period, to.tz(), new ArrayList<>()))
                .services()
                .add(new Item(c.serviceId(), c.serviceKey(), c.serviceName(), coveringFor));
    }
}
