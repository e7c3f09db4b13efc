package dev.drumbeat.ask;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.drumbeat.ask.advisor.StoredAdvice;
import dev.drumbeat.ask.decision.DecisionDao;
import dev.drumbeat.ask.decision.DecisionService;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.SlackBlocks;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Block Kit around an answer: the Share and Record decision buttons, the answer as shared in a channel or thread,
 * and the list of decisions with their Undo buttons.
 */
public final class AskViews {
    static final String SHARE = "ask-share";
    static final String RECORD = "ask-record";
    static final String UNDO = "decision-undo";
    static final String AS_READ = "ask-as-read";
    static final String AS_READ_LABEL = "Answer without it";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final int MAX_QUESTION = 300;
    private final Money money;

    public AskViews(Money money) {
        this.money = money;
    }

    /**
     * The answer as the asker alone sees it: with Share, and Record decision when there is one to record and the asker
     * may record it; a question asked back has Answer without it instead.
     */
    List<LayoutBlock> privately(AskService.Asked asked, Actor asker) {
        List<LayoutBlock> blocks = new ArrayList<>(asked.answer().blocks());
        List<BlockElement> buttons = new ArrayList<>();
        if (asked.answer().kind().equals("unclear")) {
            buttons.add(asReadButton(asked.id()));
        } else {
            buttons.add(button(
                    b -> b.actionId(SHARE).value(Long.toString(asked.id())).text(plainText("Share in channel"))));
        }
        if (asked.answer().isDecidable() && DecisionService.mayDecide(asker)) {
            buttons.add(recordButton(asked.id()));
        }
        blocks.add(actions(a -> a.elements(buttons)));
        return blocks;
    }

    /**
     * The arguments of a message showing a kept answer to everyone in a channel or thread: who asked what, the answer,
     * and Record decision when there is one to record.
     */
    Map<String, Object> inChannel(AskDao.StoredAsk ask, String sharedBy) {
        return shown(ask, List.of(SlackBlocks.note(byline(ask, sharedBy))));
    }

    private static String byline(AskDao.StoredAsk ask, String sharedBy) {
        return Mentions.mention(sharedBy)
                + (sharedBy.equals(ask.askedBy())
                        ? " asked"
                        : " shared " + Mentions.mention(ask.askedBy()) + "'s question")
                + ": “"
                + SlackBlocks.escape(SlackBlocks.clip(ask.question(), MAX_QUESTION)) + "”";
    }

    /** The arguments of a message answering a mention in its thread, with Record decision when there is one. */
    Map<String, Object> inThread(AskDao.StoredAsk ask) {
        return shown(ask, List.of());
    }

    private static Map<String, Object> shown(AskDao.StoredAsk ask, List<LayoutBlock> before) {
        List<Object> blocks = new ArrayList<>(BlockJson.values(before));
        blocks.addAll(BlockJson.parse(ask.blocks()));
        if (ask.advice().map(StoredAdvice::parse).map(a -> !a.picks().isEmpty()).orElse(false)) {
            blocks.addAll(BlockJson.values(List.of(actions(a -> a.elements(List.of(recordButton(ask.id())))))));
        }
        if (ask.kind().equals("unclear")) {
            blocks.addAll(BlockJson.values(List.of(actions(a -> a.elements(List.of(asReadButton(ask.id())))))));
        }
        return Map.of("text", ask.fallback(), "blocks", blocks);
    }

    /** The private answer once its decision is recorded: no buttons left, and the decision's number. */
    Map<String, Object> privatelyRecorded(AskDao.StoredAsk ask, DecisionDao.Decision decision) {
        List<Object> blocks = new ArrayList<>(BlockJson.parse(ask.blocks()));
        blocks.addAll(BlockJson.values(List.of(SlackBlocks.note(
                ":pushpin: Recorded as decision #" + decision.id() + ". `/drumbeat decisions` lists it, with Undo."))));
        return Map.of("text", ask.fallback(), "blocks", blocks);
    }

    /** A kept answer in a channel once its decision is recorded: the button gives way to who recorded it. */
    Map<String, Object> recorded(AskDao.StoredAsk ask, DecisionDao.Decision decision) {
        List<Object> blocks = new ArrayList<>(BlockJson.values(List.of(SlackBlocks.note(byline(ask, ask.askedBy())))));
        blocks.addAll(BlockJson.parse(ask.blocks()));
        blocks.addAll(BlockJson.values(List.of(SlackBlocks.note(":pushpin: Recorded as decision #" + decision.id()
                + " by " + Mentions.mention(decision.decidedBy()) + ". `/drumbeat decisions` lists it, with Undo."))));
        return Map.of("text", ask.fallback(), "blocks", blocks);
    }

    /** A kept answer in a channel once its decision is undone: it says so, and may be recorded again. */
    public Map<String, Object> undone(AskDao.StoredAsk ask, DecisionDao.Decision decision) {
        String note = ":leftwards_arrow_with_hook: Decision #" + decision.id() + " was undone by "
                + Mentions.mention(decision.undoneBy().orElse(decision.decidedBy())) + ".";
        Map<String, Object> shown = new HashMap<>(shown(ask, List.of(SlackBlocks.note(byline(ask, ask.askedBy())))));
        List<Object> blocks = new ArrayList<>((List<?>) shown.get("blocks"));
        blocks.addAll(BlockJson.values(List.of(SlackBlocks.note(note))));
        shown.put("blocks", blocks);
        return shown;
    }

    /**
     * `/drumbeat decisions`: a page of decisions, newest first, each standing one with Undo for a viewer who may undo
     * ({@code mayUndo}: leadership and admins); others see the list alone.
     */
    public List<LayoutBlock> decisions(DecisionService.Page page, boolean mayUndo) {
        List<LayoutBlock> blocks = new ArrayList<>();
        int last = page.first() + page.decisions().size() - 1;
        blocks.add(SlackBlocks.markdown("*Decisions*, newest first: "
                + (page.first() == last ? "" + last : page.first() + "–" + last) + " of " + page.total()));
        for (DecisionService.Recorded recorded : page.decisions()) {
            String line = decisionLine(recorded);
            DecisionDao.Decision d = recorded.decision();
            blocks.add(
                    d.isUndone() || !mayUndo
                            ? SlackBlocks.markdown(line)
                            : section(s -> s.text(markdownText(line))
                                    .accessory(button(b -> b.actionId(UNDO + ":" + d.id())
                                            .value(Long.toString(d.id()))
                                            .text(plainText("Undo"))))));
        }
        if (page.hasOlder()) {
            blocks.add(SlackBlocks.note("`/drumbeat decisions page " + (page.number() + 1) + "` shows older ones."));
        }
        return blocks;
    }

    private String decisionLine(DecisionService.Recorded recorded) {
        DecisionDao.Decision d = recorded.decision();
        List<String> names = recorded.items().stream()
                .limit(5)
                .map(i -> SlackBlocks.escape(i.name()))
                .toList();
        String more = recorded.items().size() > names.size()
                ? " and " + (recorded.items().size() - names.size()) + " more"
                : "";
        String state = d.undoneAt()
                .map(at -> "\n:leftwards_arrow_with_hook: Undone by "
                        + Mentions.mention(d.undoneBy().orElse("")) + " on " + DAY.format(at.atZone(ZoneOffset.UTC)))
                .orElse("");
        return SlackBlocks.clip(
                "*#" + d.id() + "* · " + DAY.format(d.decidedAt().atZone(ZoneOffset.UTC)) + " · "
                        + Mentions.mention(d.decidedBy()) + " · saves *" + money.format(d.expectedSaving())
                        + " a month*"
                        + " (target " + money.format(d.targetMonthly()) + ")\nDeprioritised: "
                        + String.join(", ", names) + more
                        + "\n_“" + SlackBlocks.escape(SlackBlocks.clip(d.question(), 200)) + "”_" + state,
                SlackBlocks.MAX_TEXT);
    }

    private static BlockElement asReadButton(long askId) {
        return button(b -> b.actionId(AS_READ).value(Long.toString(askId)).text(plainText(AS_READ_LABEL)));
    }

    private static BlockElement recordButton(long askId) {
        return button(b ->
                b.actionId(RECORD).value(Long.toString(askId)).style("primary").text(plainText("Record decision")));
    }
}
