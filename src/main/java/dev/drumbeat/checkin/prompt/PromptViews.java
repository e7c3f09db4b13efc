package dev.drumbeat.checkin.prompt;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.checkin.CheckInViews;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.slack.SlackBlocks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The weekly check-in DM: one line per service with a Check in button, or who checked in and when. */
final class PromptViews {
    /** Button action ids start with this; each is suffixed with the service key to stay unique in the message. */
    static final String CHECK_IN_ACTION = CheckInViews.OPEN_ACTION;

    static final int MAX_SERVICES = 45;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private PromptViews() {}

    /**
     * One service's line: still to answer, or answered by someone at some time; {@code unmeasured} says which of its
     * measured KPIs have no number for their latest week, and why (mrkdwn, escaped).
     */
    record Line(
            String serviceKey,
            String serviceName,
            Optional<String> coveringFor,
            Optional<Answer> answer,
            List<String> unmeasured) {
        Line {
            unmeasured = List.copyOf(unmeasured);
        }

        Line(String serviceKey, String serviceName, Optional<String> coveringFor, Optional<Answer> answer) {
            this(serviceKey, serviceName, coveringFor, answer, List.of());
        }

        Line withUnmeasured(Map<String, List<String>> byService) {
            return new Line(
                    serviceKey, serviceName, coveringFor, answer, byService.getOrDefault(serviceKey, List.of()));
        }
    }

    record Answer(String status, String by, Instant at) {}

    static String text(LocalDate period, List<Line> lines) {
        long open = lines.stream().filter(l -> l.answer().isEmpty()).count();
        return open == 0
                ? "All checked in for the week of " + DAY.format(period) + ". Thank you!"
                : "Weekly check-in for the week of " + DAY.format(period) + ": " + open + " to go.";
    }

    static List<LayoutBlock> blocks(
            LocalDate period, String periodValue, long promptId, ZoneId zone, List<Line> lines) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading("Weekly check-in · week of " + DAY.format(period)));
        blocks.add(SlackBlocks.markdown("For each service: its *status*, the *hurdle* in the way, and its KPI values."
                + " It takes a minute, and leadership sees the plan as it is today."));
        lines.stream().limit(MAX_SERVICES).forEach(line -> blocks.add(line(line, periodValue, promptId, zone)));
        if (lines.size() > MAX_SERVICES) {
            blocks.add(SlackBlocks.note("…and " + (lines.size() - MAX_SERVICES)
                    + " more. Use `/drumbeat checkin &lt;service&gt;` for those."));
        }
        blocks.add(SlackBlocks.note(text(period, lines)));
        return blocks;
    }

    private static LayoutBlock line(Line line, String periodValue, long promptId, ZoneId zone) {
        String cover = line.coveringFor()
                .map(owner -> " _(covering for " + Mentions.mention(owner) + ")_")
                .orElse("");
        String name = "*" + SlackBlocks.escape(line.serviceName()) + "*" + cover;
        if (line.answer().isPresent()) {
            Answer a = line.answer().get();
            return SlackBlocks.markdown(":white_check_mark: " + name + " — " + a.status() + ", checked in by "
                    + Mentions.mention(a.by()) + " on " + WHEN.format(a.at().atZone(zone)));
        }
        String value = line.serviceKey() + "|" + periodValue + "|" + promptId;
        String text = SlackBlocks.clip(
                name + line.unmeasured().stream().map(u -> "\n:warning: " + u).collect(Collectors.joining()), 3000);
        return section(s -> s.text(markdownText(text))
                .accessory(button(b -> b.actionId(CHECK_IN_ACTION + ":" + line.serviceKey())
                        .text(plainText("Check in"))
                        .value(value)
                        .style("primary"))));
    }
}
