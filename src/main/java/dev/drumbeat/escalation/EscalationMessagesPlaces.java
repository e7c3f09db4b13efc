package dev.drumbeat.escalation;

import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Periods;
import dev.drumbeat.people.AwayCover;
import dev.drumbeat.people.AwayState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an escalation is posted at each rung of the ladder. Level 1: a DM to the owner, or to whoever covers
 * while they are away (the deputy when there is no active owner). Level 2: the service's team channel and its
 * deputy. Level 3: the leadership channel. A level includes the places of the levels below it; each place
 * appears once, at the lowest level that reaches it. Pure and thread-safe.
 */
final class EscalationMessagesPlaces {

    /** A channel id, or a user id for a DM, and the level that first reached it. */
    record Place(String channel, int level) {
        /** How a message names the place: a mention of the person or a link to the channel. */
        String label() {
            boolean person = channel.startsWith("U") || channel.startsWith("W");
            return person ? Mentions.mention(channel) : "<#" + channel + ">";
        }
    }

    private EscalationMessagesPlaces() {}

    static List<Place> upTo(int level, EscalationDao.Item item, Optional<String> leadershipChannel, Instant now) {
        List<Place> places = new ArrayList<>();
        firstLine(item, now).ifPresent(channel -> add(places, channel, 1));
        if (level >= 2) {
            item.teamChannel().ifPresent(channel -> add(places, channel, 2));
            item.deputyId().ifPresent(deputy -> add(places, deputy, 2));
        }
        if (level >= 3) {
            leadershipChannel.ifPresent(channel -> add(places, channel, 3));
        }
        return places;
    }

    /** The owner, or their cover while they are away; the deputy when nobody active owns the item. */
    static Optional<String> firstLine(EscalationDao.Item item, Instant now) {
        if (item.isOwnerless()) {
            return item.deputyId();
        }
        String owner = item.ownerId().orElseThrow();
        LocalDate today = now.atZone(Periods.zone(item.ownerTz())).toLocalDate();
        AwayState away = new AwayState(item.ownerAwayUntil(), item.awayDeputyId());
        return Optional.of(
                AwayCover.coverFor(owner, item.deputyId(), away, today).orElse(owner));
    }

    private static void add(List<Place> places, String channel, int level) {
        if (places.stream().noneMatch(p -> p.channel().equals(channel))) {
            places.add(new Place(channel, level));
        }
    }
}
