package dev.drumbeat.ask.question;

import dev.drumbeat.ask.question.Question.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The part of a deprioritisation question that limits what may be picked, and the words it takes: tiers ("secondary
 * only", "only from the core and secondary tiers"), kinds ("only initiatives", "services only") and owners ("only
 * Bruno's services", "the ones owned by @bruno"). Teams are refused by name, since Drumbeat knows owners, not teams.
 * Anything else that sounds like a limit is left for {@link QuestionLeftovers} to ask back. Immutable and
 * thread-safe.
 */
final class QuestionScopes {

    /** What was limited, and the question without the words that said it. */
    record Taken(Scope scope, QuestionText rest) {}

    private static final String B = "(?<![\\w'-])";
    private static final String E = "(?![\\w'-])";
    private static final String ONLY = "(?:only|just|purely|solely|exclusively)";
    private static final String PLACE = "(?:(?:from|among|in|within|out of|across|of) )?(?:the |our |those )?";
    private static final String TIER = "(?:strategic|core|secondary)";
    private static final String TIERS = "(?<tiers>" + TIER + "(?: (?:, )?(?:and |or )?(?:the )?" + TIER + ")*)";
    private static final String TIER_NOUN = "(?: tiers?)?(?: services?| ones| items| stuff| work)?";
    private static final String KINDS = "(?<kinds>services|initiatives|projects|programmes)";
    private static final String WHO = "(?<who><@[^ >]+>|[^ ,<]+(?: [^ ,<]+)?)";
    private static final String POSSESSIVE = "(?: ?'s)";
    private static final String THEIR_THINGS = "(?: own)?(?: " + TIER
            + ")?(?: services| initiatives| ones| items| stuff| things| portfolio| work" + "| projects)";
    private static final String LIMITED_TO = "(?:limited|restricted|confined|sticking|stick|keep it|keeping it) to ";

    private static final List<Pattern> TIER_SHAPES = shapes(
            PLACE + ONLY + " " + PLACE + TIERS + TIER_NOUN,
            PLACE + TIERS + TIER_NOUN + " (?:only|alone)",
            LIMITED_TO + PLACE + TIERS + TIER_NOUN);
    private static final List<Pattern> KIND_SHAPES =
            shapes(PLACE + ONLY + " " + PLACE + KINDS, PLACE + KINDS + " (?:only|alone)", LIMITED_TO + PLACE + KINDS);
    private static final String TEAM = "(?<team>[^ ,]+(?: [^ ,]+)?) team";
    private static final List<Pattern> TEAM_SHAPES = shapes(
            PLACE + ONLY + " " + PLACE + TEAM + POSSESSIVE + "?(?:" + THEIR_THINGS + ")?",
            PLACE + TEAM + POSSESSIVE + THEIR_THINGS,
            "(?:owned|run|managed) by (?:the )?" + TEAM);
    private static final List<Pattern> OWNER_SHAPES = shapes(
            PLACE + ONLY + " " + PLACE + WHO + POSSESSIVE + THEIR_THINGS + "?",
            PLACE + WHO + POSSESSIVE + THEIR_THINGS + " (?:only|alone)",
            "(?:" + ONLY + " )?(?:the |those )?(?:services|initiatives|ones|items|things|projects)?(?: that are"
                    + "| which are)? ?(?:owned|run|managed|looked after) by " + WHO,
            ONLY + " (?:the )?(?:services|initiatives|ones|items|things) (?:that |which )?" + WHO
                    + " (?:owns|runs|manages|looks after)");

    private final QuestionNames owners;

    /** {@code owners} are the people who own something, by Slack user id and name. */
    QuestionScopes(QuestionNames owners) {
        this.owners = owners;
    }

    Taken take(QuestionText text) {
        Set<String> tiers = new LinkedHashSet<>();
        Set<Scope.Kind> kinds = new LinkedHashSet<>();
        Set<String> ownerIds = new LinkedHashSet<>();
        List<String> ownerNames = new ArrayList<>();
        QuestionText rest = text;
        boolean took = true;
        while (took) {
            took = false;
            refuseTeams(rest);
            Optional<Owner> owner = owner(rest);
            if (owner.isPresent()) {
                ownerIds.add(owner.get().id());
                ownerNames.add(owner.get().name());
                rest = rest.without(owner.get().start(), owner.get().end());
                took = true;
                continue;
            }
            Optional<Matcher> tier = first(TIER_SHAPES, rest);
            if (tier.isPresent()) {
                Stream.of(tier.get().group("tiers").split(" "))
                        .filter(word -> word.matches(TIER))
                        .forEach(tiers::add);
                rest = rest.without(tier.get().start(), tier.get().end());
                took = true;
                continue;
            }
            Optional<Matcher> kind = first(KIND_SHAPES, rest);
            if (kind.isPresent()) {
                kinds.add(kind.get().group("kinds").equals("services") ? Scope.Kind.SERVICE : Scope.Kind.INITIATIVE);
                rest = rest.without(kind.get().start(), kind.get().end());
                took = true;
            }
        }
        return new Taken(new Scope(tiers, kinds, ownerIds, ownerNames), rest);
    }

    private record Owner(String id, String name, int start, int end) {}

    /** The first owner a shape names; a name that is nobody Drumbeat knows is refused, never dropped. */
    private Optional<Owner> owner(QuestionText text) {
        for (Pattern shape : OWNER_SHAPES) {
            Matcher said = shape.matcher(text.canonical());
            if (said.find()) {
                String typed = text.original(said.start("who"), said.end("who"));
                return Optional.of(resolve(text, said, typed));
            }
        }
        return Optional.empty();
    }

    private Owner resolve(QuestionText text, Matcher said, String typed) {
        String bare = typed.replaceFirst("'s$", "");
        Matcher mention = Pattern.compile("^<@([A-Za-z0-9]+)(?:\\|[^>]*)?>$").matcher(bare);
        if (mention.matches()) {
            String id = mention.group(1).toUpperCase(Locale.ROOT);
            return new Owner(id, owners.nameOf(id).orElse(bare), said.start(), said.end());
        }
        Optional<String> whole = owners.keyIfFound(bare);
        if (whole.isPresent()) {
            return new Owner(whole.get(), owners.nameOf(whole.get()).orElse(bare), said.start(), said.end());
        }
        String[] words = bare.split(" ");
        if (words.length == 2 && said.start("who") < said.end("who")) {
            // "owned by bruno to save": only the first word is the name, the second belongs to the question
            Optional<String> first = owners.keyIfFound(words[0]);
            if (first.isPresent() && said.end() == said.end("who")) {
                int end = said.start("who")
                        + text.canonical().substring(said.start("who")).indexOf(' ');
                return new Owner(first.get(), owners.nameOf(first.get()).orElse(words[0]), said.start(), end);
            }
        }
        throw new QuestionRefusal("I don't know anyone called \"" + bare + "\" who owns a service or initiative, so"
                + " I can't limit the picks to theirs. Name an owner, for example \"only Bruno's services\", or ask"
                + " without it.");
    }

    private static void refuseTeams(QuestionText text) {
        first(TEAM_SHAPES, text).ifPresent(team -> {
            String said = text.original(team.start(), team.end()).strip();
            throw new QuestionRefusal("Drumbeat knows who owns each service, not which team, so it can't limit the"
                    + " picks to \"" + said + "\". Name owners instead, for example \"only Bruno's services\", or ask"
                    + " without it.");
        });
    }

    private static Optional<Matcher> first(List<Pattern> shapes, QuestionText text) {
        for (Pattern shape : shapes) {
            Matcher said = shape.matcher(text.canonical());
            if (said.find()) {
                return Optional.of(said);
            }
        }
        return Optional.empty();
    }

    private static List<Pattern> shapes(String... shapes) {
        return Stream.of(shapes).map(s -> Pattern.compile(B + s + E)).toList();
    }
}
