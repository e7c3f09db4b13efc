package dev.drumbeat.ask.advisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of an advisor's answer a decision is recorded from, kept with the answer as JSON: the target and the
 * picks exactly as shown, so the decision is what the asker saw even if the catalog has moved on since.
 */
public record StoredAdvice(BigDecimal target, BigDecimal saving, List<Pick> picks) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One pick: a service or initiative by row id, with its tier, owner and monthly saving at the time, the plan then
     * (unit cost × demand, or an initiative's monthly budget) and, when the saving was the bills' actual cost, the
     * month ({@code 2026-11}) they were for. Answers kept before bills were read have neither: their saving was the
     * plan.
     */
    public record Pick(
            String kind,
            long id,
            String key,
            String name,
            String tier,
            String ownerId,
            BigDecimal saving,
            BigDecimal plan,
            String billedMonth) {
        public Pick withOwner(String owner) {
            return new Pick(kind, id, key, name, tier, owner, saving, plan, billedMonth);
        }

        /** The plan when the pick was shown. */
        public BigDecimal plannedSaving() {
            return plan == null ? saving : plan;
        }
    }

    public StoredAdvice {
        picks = List.copyOf(picks);
    }

    /** The picks of an answer, after anything its question supposed stopped, which is part of the decision too. */
    public static StoredAdvice of(Advice advice) {
        List<Candidate> all = new ArrayList<>();
        advice.supposed().ifPresent(supposed -> all.addAll(supposed.stopped()));
        all.addAll(advice.chosen().picks());
        List<Pick> picks = all.stream()
                .map(c -> {
                    PortfolioItem item = advice.item(c);
                    return new Pick(
                            c.kind().name().toLowerCase(Locale.ROOT),
                            item.id(),
                            c.key(),
                            c.name(),
                            c.tier(),
                            c.ownerId().orElse(null),
                            c.monthlySaving(),
                            item.plan(),
                            item.billed().map(b -> b.month().toString()).orElse(null));
                })
                .toList();
        BigDecimal supposedSaving =
                advice.supposed().map(Advice.Supposed::saving).orElse(BigDecimal.ZERO);
        BigDecimal target = advice.supposed().map(Advice.Supposed::askedTarget).orElse(advice.target());
        return new StoredAdvice(target, advice.chosen().saving().add(supposedSaving), picks);
    }

    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("advice could not be written as JSON", e);
        }
    }

    public static StoredAdvice parse(String json) {
        try {
            return JSON.readValue(json, StoredAdvice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored advice could not be read", e);
        }
    }
}
