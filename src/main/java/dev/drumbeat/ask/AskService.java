package dev.drumbeat.ask;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.ask.advisor.Advisor;
import dev.drumbeat.ask.advisor.StoredAdvice;
import dev.drumbeat.ask.question.Question;
import dev.drumbeat.ask.question.QuestionText;
import dev.drumbeat.ask.settings.AskSettingsService;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.StorableText;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Subcommand;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Answers a question asked in plain words: parses it against the workspace's names, answers it from the database
 * (the look-ups here, the trade-offs through {@link Advisor}, status and listings by the subcommands that already
 * show them) and keeps the answer, so buttons on it act on exactly what was shown. Never throws for what was
 * asked: anything unreadable is answered with what Drumbeat can answer. Thread-safe.
 */
public final class AskService {
    private final Jdbi jdbi;
    private final AskParsers parsers;
    private final Advisor advisor;
    private final AdviceViews adviceViews;
    private final LookupAnswers lookups;
    private final AskHelp help;
    private final Function<String, Optional<Subcommand>> subcommands;
    private final Clock clock;
    private final AskReading reading;
    private final ForeignAmounts foreign;

    /**
     * {@code subcommands} finds another `/drumbeat` subcommand by name, for answers it already gives; {@code settings}
     * has the exchange rates a saving in another currency is converted at.
     */
    public AskService(
            Jdbi jdbi,
            Money money,
            AskSettingsService settings,
            Function<String, Optional<Subcommand>> subcommands,
            Clock clock) {
        this.jdbi = jdbi;
        this.parsers = new AskParsers(jdbi);
        this.advisor = new Advisor(jdbi, clock);
        this.adviceViews = new AdviceViews(money);
        this.lookups = new LookupAnswers(jdbi, money);
        this.help = new AskHelp(jdbi);
        this.subcommands = subcommands;
        this.clock = clock;
        this.reading = new AskReading(money);
        this.foreign = new ForeignAmounts(settings, money);
    }

    /** An answer given, and as it is kept. */
    record Asked(Answer answer, AskDao.StoredAsk stored) {
        long id() {
            return stored.id();
        }
    }

    Asked ask(Actor actor, String text, String channelId) {
        if (StorableText.hasNul(text)) {
            throw new UserError("That question " + StorableText.NUL_SENTENCE);
        }
        return answered(actor, text, parse(actor, text), channelId);
    }

    /**
     * A question asked back because some of its words could change the answer, answered as Drumbeat read it without
     * them, now that the asker said to; those words are said back with the reading. A question that reads clearly
     * now (the catalog changed) is answered as it reads.
     */
    Asked askAsRead(Actor actor, long askId, String channelId) {
        AskDao.StoredAsk stored = find(actor.teamId(), askId)
                .orElseThrow(() -> new UserError("That question is no longer kept. Ask it again."));
        Question question = parse(actor, stored.question());
        if (question instanceof Question.Unclear unclear) {
            question = unclear.reading() instanceof Question.Deprioritise reading
                    ? reading.settingAside(unclear.unclear())
                    : unclear.reading();
        }
        return answered(actor, stored.question(), question, channelId);
    }

    private Question parse(Actor actor, String text) {
        return parsers.forTeam(actor.teamId())
                .parse(text, Optional.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    private Asked answered(Actor actor, String text, Question parsed, String channelId) {
        Question read = parsed instanceof Question.Unclear unclear ? unclear.reading() : parsed;
        Optional<ForeignAmounts.Converted> converted = foreign.isForeign(read)
                ? foreign.convert(actor.teamId(), (Question.Deprioritise) read)
                : Optional.empty();
        Question question = converted
                .<Question>map(c -> parsed instanceof Question.Unclear unclear
                        ? new Question.Unclear(c.question(), unclear.unclear())
                        : c.question())
                .orElse(parsed);
        Answer answer = withReading(question, converted, answer(actor, question, converted, channelId));
        String asked = QuestionText.askedText(text);
        String advice = answer.advice().map(a -> StoredAdvice.of(a).json()).orElse(null);
        String blocks = BlockJson.text(answer.blocks());
        long id = jdbi.withExtension(
                AskDao.class,
                dao -> dao.insert(
                        actor.teamId(),
                        actor.userId(),
                        asked,
                        answer.kind(),
                        blocks,
                        answer.fallback(),
                        advice,
                        clock.instant()));
        return new Asked(
                answer,
                new AskDao.StoredAsk(
                        id,
                        actor.teamId(),
                        actor.userId(),
                        asked,
                        answer.kind(),
                        blocks,
                        answer.fallback(),
                        Optional.ofNullable(advice)));
    }

    /**
     * Every answer but help, "I didn't understand" and a question asked back opens with how the question was read; a
     * saving converted from another currency reads as asked, with the rate it was converted at.
     */
    private Answer withReading(Question question, Optional<ForeignAmounts.Converted> converted, Answer answer) {
        if (answer.kind().equals("unknown")
                || answer.kind().equals("help")
                || answer.kind().equals("unclear")) {
            return answer;
        }
        return converted
                .map(c -> Optional.of(reading.converted(c.question(), c.words())))
                .orElseGet(() -> reading.of(question))
                .map(line -> {
                    List<LayoutBlock> blocks = new ArrayList<>();
                    blocks.add(SlackBlocks.note(line));
                    blocks.addAll(answer.blocks());
                    return new Answer(answer.kind(), answer.fallback(), blocks, answer.advice());
                })
                .orElse(answer);
    }

    Optional<AskDao.StoredAsk> find(String teamId, long id) {
        return jdbi.withExtension(AskDao.class, dao -> dao.find(teamId, id));
    }

    private Answer answer(
            Actor actor, Question question, Optional<ForeignAmounts.Converted> converted, String channelId) {
        String team = actor.teamId();
        Question read = question instanceof Question.Unclear q ? q.reading() : question;
        if (read instanceof Question.Deprioritise q && foreign.isForeign(q)) {
            return help.unknown(team, actor.userId(), new Question.Unknown("", Optional.of(foreign.refusal(team, q))));
        }
        if (question instanceof Question.Unclear q) {
            return unclear(q, converted);
        }
        if (question instanceof Question.Deprioritise q) {
            return adviceViews.deprioritise(advisor.deprioritise(team, q), q.target());
        }
        if (question instanceof Question.WhatIfSlips q) {
            return advisor.slip(team, q)
                    .map(adviceViews::slip)
                    .orElseGet(() -> help.unknown(
                            team,
                            actor.userId(),
                            new Question.Unknown(
                                    "", Optional.of("That initiative is no longer planned or under way."))));
        }
        if (question instanceof Question.WhoOwns q) {
            return lookups.whoOwns(team, q.serviceKey());
        }
        if (question instanceof Question.WhoIsDeputy q) {
            return lookups.whoIsDeputy(team, q.serviceKey());
        }
        if (question instanceof Question.UnitCost q) {
            return lookups.unitCost(team, q.serviceKey());
        }
        if (question instanceof Question.CostsTheMost) {
            return lookups.costsTheMost(team);
        }
        if (question instanceof Question.NegativeMargin) {
            return lookups.negativeMargin(team);
        }
        if (question instanceof Question.WhatIsOwnerless) {
            return lookups.ownerless(team);
        }
        return delegated(actor, question, channelId);
    }

    /**
     * Asked back: the words that could change the answer, the reading Drumbeat would use without them, and how to
     * go on. The private answer carries a button to answer that reading.
     */
    private Answer unclear(Question.Unclear q, Optional<ForeignAmounts.Converted> converted) {
        String words = String.join(
                "\", \"",
                q.unclear().stream()
                        .map(w -> SlackBlocks.escape(SlackBlocks.clip(w, 100)))
                        .toList());
        String read = converted
                .map(c -> Optional.of(reading.converted(c.question(), c.words())))
                .orElseGet(() -> reading.of(q.reading()))
                .map(line -> line.replaceFirst("^Read as: ", ""))
                .orElse("");
        String text = ":thinking_face: I didn't understand \"" + words + "\" in that question, and "
                + (q.unclear().size() == 1 ? "it" : "they") + " could change the answer, so I haven't answered yet.\n"
                + "Without " + (q.unclear().size() == 1 ? "it" : "them") + ", I'd read the question as: " + read
                + "\nTo get that answer, press *" + AskViews.AS_READ_LABEL
                + "*. Or ask again in other words: leave things"
                + " out with \"without touching …\", limit the picks with \"secondary only\", \"only initiatives\" or"
                + " \"only Bruno's services\", or suppose something stopped with \"if we pause …\".";
        return Answer.of("unclear", "I didn't understand part of that question", List.of(SlackBlocks.markdown(text)));
    }

    /** Questions another subcommand already answers, then help for anything left. */
    private Answer delegated(Actor actor, Question question, String channelId) {
        if (question instanceof Question.HowIsDoing q) {
            return run("how-is-doing", "status", q.serviceKey(), actor, channelId);
        }
        if (question instanceof Question.WhatIsStale) {
            return run("stale", "stale", "", actor, channelId);
        }
        if (question instanceof Question.WhatIsEscalated) {
            return run("escalated", "escalations", "", actor, channelId);
        }
        if (question instanceof Question.HowIsObjective q) {
            return run("how-is-objective", "okr", "show O" + q.objectiveId(), actor, channelId);
        }
        if (question instanceof Question.OkrsAtRisk) {
            return run("okrs-at-risk", "okr", "at-risk", actor, channelId);
        }
        if (question instanceof Question.VanityResults) {
            return run("vanity", "okr", "vanity", actor, channelId);
        }
        if (question instanceof Question.Unknown q) {
            return help.unknown(actor.teamId(), actor.userId(), q);
        }
        return help.help(actor.teamId(), actor.userId());
    }

    private Answer run(String kind, String name, String args, Actor actor, String channelId) {
        Subcommand subcommand = subcommands
                .apply(name)
                .orElseThrow(() -> new IllegalStateException("no /drumbeat " + name + " to answer with"));
        Reply reply = subcommand.handle(new CommandRequest(actor, args, channelId, view -> {
            throw new IllegalStateException("an answer opens no modal");
        }));
        return Answer.of(kind, reply.text(), reply.blocks());
    }
}
