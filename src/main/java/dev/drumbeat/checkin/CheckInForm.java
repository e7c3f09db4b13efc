package dev.drumbeat.checkin;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.FormBlocks;
import dev.drumbeat.slack.Notice;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The check-in modal: status, hurdle, note and one number per KPI. Each input's action id equals its block
 * id, unique in the view; KPI inputs are {@code kpi-<key>}. A measured KPI is pre-filled with its measured value; a
 * change to it needs the one {@link #MEASURED_REASON}. The modal's metadata is a {@link CheckInMetadata}.
 */
final class CheckInForm {
    static final String CALLBACK_ID = "checkin-form";
    /** Where a Check in button's refusal shows. */
    static final Notice NOTICE = new Notice(CALLBACK_ID + "-notice", "Check in");

    static final String STATUS = "status";
    static final String HURDLE = "hurdle";
    static final String NOTE = "note";
    /** The one reason asked for when measured values are changed; shown only for a service with measured KPIs. */
    static final String MEASURED_REASON = "measured-reason";

    static final int MAX_REASON = 500;
    static final int MAX_HURDLE = 500;
    static final int MAX_NOTE = 2000;
    /** Leaves room under Slack's 100 blocks for the fixed ones. */
    static final int MAX_KPIS = 90;
    /** Slack's limit on a modal's blocks. */
    static final int MAX_BLOCKS = 100;

    /** Ends the metadata of a modal opened from the Home tab, which is drawn again once the check-in is recorded. */
    static final String FROM_HOME = "|home";

    static final String CONFIDENCE = "krconf-";
    static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private CheckInForm() {}

    static String confidenceBlockId(long keyResultId) {
        return CONFIDENCE + keyResultId;
    }

    static String kpiBlockId(String kpiKey) {
        return "kpi-" + kpiKey;
    }

    /**
     * The modal, with each measured KPI ({@code measured}, by KPI id) pre-filled with its measured value, or its field
     * empty and the reason in its hint (the values pre-filled travel in the metadata, as far as they fit); asking too
     * for the confidence of each key result in {@code keyResults}, as room allows; remembering whether it was opened
     * from the Home tab.
     */
    static View of(
            CheckInSubject subject,
            Map<Long, MeasuredKpi> measured,
            List<KeyResultConfidence.Asked> keyResults,
            boolean fromHome) {
        Optional<CheckIn> existing = subject.existing();
        List<CheckInKpi> kpis = subject.kpis().stream().limit(MAX_KPIS).toList();
        CheckInMetadata metadata = CheckInMetadata.fitting(subject.ref(), fromHome, prefills(kpis, measured));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown(heading(subject)));
        blocks.add(field(STATUS, "Status", statusButtons(existing.map(CheckIn::status)), false, null));
        blocks.add(field(
                HURDLE,
                "Hurdle delaying delivery",
                text(HURDLE, existing.map(CheckIn::hurdle), true, MAX_HURDLE),
                true,
                "Required when amber or red: what is in the way, and who could remove it."));
        blocks.add(field(NOTE, "Note", text(NOTE, existing.map(CheckIn::note), true, MAX_NOTE), true, null));
        kpis.forEach(kpi -> blocks.add(kpiField(
                kpi,
                Optional.ofNullable(measured.get(kpi.kpi().id())),
                metadata.prefilled().containsKey(kpi.kpi().key()))));
        if (subject.kpis().size() > MAX_KPIS) {
            blocks.add(SlackBlocks.note("…and " + (subject.kpis().size() - MAX_KPIS) + " more KPIs: record those with"
                    + " `/drumbeat kpi " + subject.service().key() + " &lt;kpi&gt; &lt;value&gt;`."));
        }
        if (kpis.stream().anyMatch(kpi -> measured.containsKey(kpi.kpi().id()))) {
            blocks.add(field(
                    MEASURED_REASON,
                    "Reason for changing a measured value",
                    text(MEASURED_REASON, Optional.empty(), true, MAX_REASON),
                    true,
                    "Needed only when you change a value Drumbeat measured; kept in the audit log."));
        }
        keyResults.stream()
                .limit(Math.max(0, MAX_BLOCKS - blocks.size()))
                .forEach(kr -> blocks.add(confidenceField(kr)));
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(metadata.encode())
                .title(title("Check in"))
                .submit(submit(existing.isPresent() ? "Save changes" : "Check in"))
                .close(close("Cancel"))
                .blocks(blocks)
                .build();
    }

    /** The value each measured KPI's field would show, in the modal's order: a typed one, else the measured one. */
    private static Map<String, CheckInMetadata.Prefill> prefills(
            List<CheckInKpi> kpis, Map<Long, MeasuredKpi> measured) {
        Map<String, CheckInMetadata.Prefill> prefills = new LinkedHashMap<>();
        for (CheckInKpi kpi : kpis) {
            Optional.ofNullable(measured.get(kpi.kpi().id()))
                    .flatMap(MeasuredKpi::shown)
                    .ifPresent(value -> prefills.put(
                            kpi.kpi().key(),
                            new CheckInMetadata.Prefill(kpi.typed().orElse(value), value)));
        }
        return prefills;
    }

    /** What the modal turns into once recorded, so the person sees it worked. */
    static View saved(CheckInOutcome outcome) {
        CheckIn c = outcome.checkIn();
        String verb = c.revision() > 1 ? "updated" : "recorded";
        String text =
                c.status().emoji() + " *" + SlackBlocks.escape(outcome.service().name()) + "* is "
                        + c.status().label()
                        + " for the week of " + WEEK.format(c.periodStart()) + ". Check-in " + verb + ", thank you."
                        + (c.hurdle().isBlank() ? "" : "\nHurdle: “" + SlackBlocks.escape(c.hurdle()) + "”");
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID + "-done")
                .title(title("Checked in"))
                .close(close("Done"))
                .blocks(List.of(SlackBlocks.markdown(text)))
                .build();
    }

    private static String heading(CheckInSubject subject) {
        String text = "*" + SlackBlocks.escape(subject.service().name()) + "* (`"
                + subject.service().key() + "`)" + " · week of "
                + WEEK.format(subject.ref().periodStart());
        return text
                + subject.existing()
                        .map(c -> "\nEditing the check-in " + Mentions.mention(c.submittedBy())
                                + " submitted; saving replaces it.")
                        .orElse("");
    }

    private static LayoutBlock confidenceField(KeyResultConfidence.Asked kr) {
        String blockId = confidenceBlockId(kr.keyResultId());
        return field(
                blockId,
                SlackBlocks.clip("Confidence in KR" + kr.keyResultId() + " " + kr.title(), 150),
                FormBlocks.select(
                        blockId, KeyResultConfidence.CHOICES, choice -> choice.replace('_', ' '), kr.current()),
                true,
                "A key result you own that this service's KPIs measure: how confident are you in it this week?");
    }

    private static LayoutBlock kpiField(CheckInKpi k, Optional<MeasuredKpi> measured, boolean prefilled) {
        Kpi kpi = k.kpi();
        String label =
                kpi.name() + (kpi.unit().isBlank() ? "" : " (" + kpi.unit().strip() + ")");
        String last = k.previous()
                .map(v -> "last " + Money.measure(v, kpi.unit())
                        + k.previousPeriod()
                                .map(p -> " (week of " + DAY.format(p) + ")")
                                .orElse(""))
                .orElse("no reading yet");
        String hint = "Target " + kpi.targetText() + " · " + last + ". "
                + measured.map(m -> MeasuredHints.of(kpi, m, k.typed(), prefilled))
                        .orElse("Leave empty to skip.");
        Optional<BigDecimal> initial = measured.isEmpty()
                ? k.current()
                : k.typed().or(() -> prefilled ? measured.get().shown() : Optional.empty());
        String id = kpiBlockId(kpi.key());
        return field(
                id,
                SlackBlocks.clip(label, 2000),
                text(id, initial.map(BigDecimal::toPlainString), false, 40),
                true,
                SlackBlocks.clip(hint, 2000));
    }

    private static BlockElement statusButtons(Optional<CheckInStatus> initial) {
        List<OptionObject> options = Arrays.stream(CheckInStatus.values())
                .map(s -> option(
                        plainText(s.emoji() + " " + capitalise(s.label()) + " — " + s.meaning(), true), s.label()))
                .toList();
        return radioButtons(r -> r.actionId(STATUS)
                .options(options)
                .initialOption(initial.map(s -> options.get(s.ordinal())).orElse(null)));
    }

    private static LayoutBlock field(
            String blockId, String label, BlockElement element, boolean optional, String hint) {
        return input(i -> i.blockId(blockId)
                .label(plainText(label))
                .element(element)
                .optional(optional)
                .hint(hint == null ? null : plainText(hint)));
    }

    private static BlockElement text(String actionId, Optional<String> initial, boolean multiline, int maxLength) {
        return plainTextInput(p -> p.actionId(actionId)
                .initialValue(initial.filter(v -> !v.isBlank()).orElse(null))
                .multiline(multiline)
                .maxLength(maxLength));
    }

    private static ViewTitle title(String text) {
        return ViewTitle.builder().type("plain_text").text(text).build();
    }

    private static ViewSubmit submit(String text) {
        return ViewSubmit.builder().type("plain_text").text(text).build();
    }

    private static ViewClose close(String text) {
        return ViewClose.builder().type("plain_text").text(text).build();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
