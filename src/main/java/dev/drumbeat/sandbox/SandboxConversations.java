package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.standin.SlackStandIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sandbox's sidebar for one person: their DM with Drumbeat (listed before it holds a message), the leadership
 * channel, the demo services' team channels, any other channel with messages they can see, and the Home tab.
 * Thread-safe; holds no state of its own.
 */
final class SandboxConversations {
    static final String HOME = "home";

    /** One sidebar entry; {@code kind} is {@code dm}, {@code channel} or {@code home}. */
    record Conversation(String id, String name, String kind, long messages) {}

    private final SlackStandIn slack;
    private final SandboxFeed feed;
    private final String leadershipChannel;
    private final Set<String> teamChannels;

    SandboxConversations(SlackStandIn slack, SandboxFeed feed, String leadershipChannel, Set<String> teamChannels) {
        this.slack = slack;
        this.feed = feed;
        this.leadershipChannel = leadershipChannel;
        this.teamChannels = new TreeSet<>(teamChannels);
    }

    /** The demo catalog's team channels, by id. */
    static Set<String> demoTeamChannels() {
        Set<String> channels = new TreeSet<>();
        DemoPortfolioCatalog.services().forEach(service -> service.teamChannel().ifPresent(channels::add));
        return channels;
    }

    List<Conversation> forUser(String userId) {
        Map<String, Long> counts = feed.counts(userId);
        String dm = slack.directChannelOf(userId);
        List<Conversation> sidebar = new ArrayList<>();
        sidebar.add(new Conversation(dm, "Drumbeat", "dm", counts.getOrDefault(dm, 0L)));
        sidebar.add(channel(leadershipChannel, "leadership", counts));
        Set<String> others = new TreeSet<>(teamChannels);
        counts.keySet().stream().filter(id -> id.startsWith("C")).forEach(others::add);
        others.remove(leadershipChannel);
        others.forEach(id -> sidebar.add(channel(id, nameOf(id), counts)));
        sidebar.add(new Conversation(HOME, "Home", HOME, 0));
        return sidebar;
    }

    /** Whether the person may read the channel: their own DM or any public channel, never someone else's DM. */
    boolean mayRead(String userId, String channel) {
        return Optional.ofNullable(channel)
                .filter(id -> id.startsWith("C") || id.equals(slack.directChannelOf(userId)))
                .isPresent();
    }

    private static Conversation channel(String id, String name, Map<String, Long> counts) {
        return new Conversation(id, name, "channel", counts.getOrDefault(id, 0L));
    }

    /** A channel's name as the sandbox shows it: the demo's ids spell their names ({@code C0PAYMENTS} is payments). */
    static String nameOf(String channelId) {
        return channelId.replaceFirst("^C0?", "").toLowerCase(Locale.ROOT);
    }
}
