package dev.drumbeat.feature;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Subcommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * `/drumbeat settings [<setting> <value>]`: everyone sees every feature's settings in one overview, one section each;
 * admins change one at a time, e.g. `/drumbeat settings grace 72h`. The sections are what features declared through
 * {@link Contributions#settings}; each shows, checks and audits its own settings. Thread-safe.
 */
public final class SettingsCommand implements Subcommand {
    private final List<SettingsSection> sections = new CopyOnWriteArrayList<>();

    void add(SettingsSection section) {
        sections.add(section);
    }

    boolean isEmpty() {
        return sections.isEmpty();
    }

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public String usage() {
        return "settings [<setting> <value>]";
    }

    @Override
    public String summary() {
        return sections.stream().map(SettingsSection::summary).collect(Collectors.joining("; "))
                + " (admins change them)";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String[] words = request.args().strip().split("\\s+", 2);
        if (words[0].isEmpty()) {
            return overview(request.actor().teamId(), request.actor().isAdmin());
        }
        String value = words.length > 1 ? words[1].strip() : "";
        return owner(words[0])
                .map(section -> section.handle(request.actor(), words[0], value))
                .orElseGet(() -> unknown(words[0]));
    }

    private Optional<SettingsSection> owner(String word) {
        return sections.stream()
                .filter(s ->
                        s.settings().stream().anyMatch(setting -> setting.word().equalsIgnoreCase(word)))
                .findFirst();
    }

    /** Every section's current values under its heading, each with the command that changes it. */
    private Reply overview(String teamId, boolean mayChange) {
        List<String> lines = new ArrayList<>();
        for (SettingsSection section : sections) {
            lines.add("*" + section.heading() + "*");
            lines.addAll(section.overview(teamId));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading("Settings"));
        blocks.addAll(SlackBlocks.lines(lines));
        blocks.add(SlackBlocks.note(
                mayChange
                        ? "Each change is audited, and the answer says how to undo it."
                        : "Only Drumbeat admins can change these."));
        return Reply.of("Settings", blocks);
    }

    /** The list of settings, for a setting no section has. */
    private Reply unknown(String typed) {
        String first = "There is no setting called `"
                + SlackBlocks.escape(SlackBlocks.clip(typed, 40)).replace("`", "'") + "`. The settings are:";
        List<String> lines = new ArrayList<>(List.of(first));
        sections.stream()
                .flatMap(s -> s.settings().stream())
                .forEach(s -> lines.add("• `" + s.example() + "` — " + s.about()));
        lines.add("`/drumbeat settings` shows the current values.");
        return Reply.of(first, SlackBlocks.lines(lines));
    }
}
