package dev.drumbeat.ask.decision;

import dev.drumbeat.ask.advisor.AdvisorActuals;
import dev.drumbeat.ask.advisor.AdvisorDao;
import dev.drumbeat.ask.advisor.Candidate;
import dev.drumbeat.ask.advisor.PortfolioItem;
import dev.drumbeat.ask.advisor.StoredAdvice;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.SlackBlocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The picks of a decision being recorded, checked against the catalog as it is now and then marked deprioritised.
 * An answer can be hours old: a pick removed, deprioritised, protected, moved to another tier, repriced, or billed
 * differently (a new import, or a month ending) since makes it stale, and recording it anyway would store a saving that is not there or cut what may not be cut. The
 * picks' rows are locked for the transaction first, so two decisions over the same work queue behind each other.
 */
final class DecisionPicks {
    private static final String SERVICE = "service";

    private DecisionPicks() {}

    /**
     * The picks as they stand now, with their current owners; refuses when any changed since the answer.
     * {@code locked} is what {@link #lock} returned in the same transaction.
     */
    static List<StoredAdvice.Pick> requireUnchanged(
            Handle handle,
            String teamId,
            StoredAdvice advice,
            Map<String, DecisionDao.Subject> locked,
            AdvisorActuals actuals) {
        Map<String, PortfolioItem> candidates =
                actuals.apply(teamId, handle.attach(AdvisorDao.class).candidates(teamId)).stream()
                        .collect(Collectors.toMap(
                                i -> rowKey(i.candidate().kind().name(), i.id()), Function.identity()));
        List<StoredAdvice.Pick> current = new ArrayList<>();
        for (StoredAdvice.Pick pick : advice.picks()) {
            String row = rowKey(pick.kind(), pick.id());
            DecisionDao.Subject subject = locked.get(row);
            if (subject == null || !subject.live()) {
                throw stale("*" + SlackBlocks.escape(pick.name()) + "* is no longer active");
            }
            if (subject.deprioritisedBy().isPresent()) {
                throw stale("*" + SlackBlocks.escape(pick.name()) + "* was deprioritised by decision #"
                        + subject.deprioritisedBy().get());
            }
            PortfolioItem item = candidates.get(row);
            if (item == null) {
                throw stale("*" + SlackBlocks.escape(pick.name()) + "* changed");
            }
            requireSame(pick, item);
            current.add(pick.withOwner(item.candidate().ownerId().orElse(null)));
        }
        return current;
    }

    static void deprioritise(
            DecisionDao dao, String teamId, long decisionId, List<StoredAdvice.Pick> picks, Instant now) {
        List<Long> services = ids(picks, true);
        List<Long> initiatives = ids(picks, false);
        if (!services.isEmpty()) {
            dao.deprioritiseServices(teamId, decisionId, services, now);
        }
        if (!initiatives.isEmpty()) {
            dao.deprioritiseInitiatives(teamId, decisionId, initiatives, now);
        }
    }

    private static void requireSame(StoredAdvice.Pick pick, PortfolioItem item) {
        Candidate now = item.candidate();
        if (now.isProtected()) {
            throw stale("*" + SlackBlocks.escape(pick.name()) + "* was protected");
        }
        if (!now.tier().equals(pick.tier())) {
            throw stale("*" + SlackBlocks.escape(pick.name()) + "* moved to the " + now.tier() + " tier");
        }
        if (item.plan().compareTo(pick.plannedSaving()) != 0) {
            throw stale("what *" + SlackBlocks.escape(pick.name()) + "* costs changed");
        }
        if (now.monthlySaving().compareTo(pick.saving()) != 0) {
            throw stale("the bills for *" + SlackBlocks.escape(pick.name()) + "* changed");
        }
    }

    /** Locks the picks' rows for the transaction, in id order, and reads them as they are once the locks are held. */
    static Map<String, DecisionDao.Subject> lock(DecisionDao dao, String teamId, StoredAdvice advice) {
        List<Long> services = ids(advice.picks(), true);
        List<Long> initiatives = ids(advice.picks(), false);
        Map<String, DecisionDao.Subject> locked = new HashMap<>();
        if (!services.isEmpty()) {
            dao.lockServices(teamId, services).forEach(s -> locked.put(rowKey(SERVICE, s.id()), s));
        }
        if (!initiatives.isEmpty()) {
            dao.lockInitiatives(teamId, initiatives).forEach(s -> locked.put(rowKey("initiative", s.id()), s));
        }
        return locked;
    }

    /** A service or initiative by kind and row id, whatever case the kind is written in. */
    private static String rowKey(String kind, long id) {
        return kind.toLowerCase(Locale.ROOT) + ":" + id;
    }

    private static List<Long> ids(List<StoredAdvice.Pick> picks, boolean services) {
        return picks.stream()
                .filter(p -> SERVICE.equals(p.kind()) == services)
                .map(StoredAdvice.Pick::id)
                .sorted()
                .toList();
    }

    private static UserError stale(String what) {
        return new UserError(what + " since this answer was given, so it no longer adds up. Ask again for a fresh"
                + " answer and record that one.");
    }
}
