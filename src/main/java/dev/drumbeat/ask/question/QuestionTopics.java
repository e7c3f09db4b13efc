package dev.drumbeat.ask.question;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions about the whole portfolio, recognised by a key phrase ("stale", "no owner", "costs the
 * most") and nothing else of substance around it: every other word must be a light one ("which",
 * "services", "right now"). That keeps "how is the stale cache doing" a question about a service
 * and "stale, delete everything" no question at all. Stateless and thread-safe.
 */
final class QuestionTopics {

    private record Topic(Pattern phrase, Supplier<Question> question) {}

    private static final List<Topic> TOPICS = List.of(
            topic(
                    Question.Help::new,
                    "help(?: me)?|what can you do|what do you do|what can i ask(?: you)?"
                            + "|what (?:questions|things) can (?:i ask|you answer)|what can you answer|how does this work"
                            + "|how do i use (?:you|this|it|drumbeat)|what do you know|what are my options|commands|usage"
                            + "|examples|menu|options|instructions|what are you|who are you|getting started|how to use"),
            topic(
                    Question.WhatIsOwnerless::new,
                    "ownerless|orphaned|orphans?|unowned|un-owned|abandoned"
                            + "|(?:has|have|with) no owners?|no owners?|without (?:an |any |a named )?owners?"
                            + "|(?:do|does) not have (?:an |any )?owners?|(?:nobody|no one|noone|no-one) owns?"
                            + "|owns nothing|not owned(?: by anyone)?|missing (?:an |their |its )?owners?"
                            + "|lack(?:s|ing)? (?:an )?owners?|needs? (?:an |a new )?owners?"),
            topic(
                    Question.WhatIsStale::new,
                    "stale|not (?:checked|check) in"
                            + "|not (?:done|submitted|sent|filled in|given) (?:a |an |their |its |the )?"
                            + "(?:checkins?|status|update)"
                            + "|missed (?:a |the |their |its )?checkins?"
                            + "|missing checkins?|no (?:recent )?checkins?|overdue(?: checkins?)?|late checkins?"
                            + "|(?:behind|late) (?:on|with) (?:their |its |the )?checkins?|gone (?:quiet|silent)|silent|quiet"
                            + "|not reported|not updated|not heard from|out of date|outdated"),
            topic(
                    Question.WhatIsEscalated::new,
                    "escalation ladder|escalated|escalations?|escalating|on the ladder"
                            + "|been flagged|raised to leadership"),
            topic(
                    Question.OkrsAtRisk::new,
                    "(?:okrs?|objectives?|key results?|krs?|results?) (?:that )?(?:are |is )?"
                            + "(?:at risk|off track|in trouble|behind|slipping)|at risk (?:okrs?|objectives?|key results?|krs?)"
                            + "|(?:okrs?|objectives?|key results?) at risk"),
            topic(
                    Question.VanityResults::new,
                    "vanity(?: metrics?| results?| key results?| okrs?| krs?)?"
                            + "|(?:okrs?|key results?|krs?|results?) (?:that )?(?:are |is )?(?:vanity|just for show)"),
            topic(
                    Question.CostsTheMost::new,
                    "costs? (?:us )?the most|costs? most|most expensive|expensive"
                            + "|(?:biggest|largest|highest|top|greatest|main) (?:\\d+ )?(?:cost drivers?|unit costs?|costs?"
                            + "|spenders?|spending|spend|line items|items of spend)|top \\d+ by cost"
                            + "|drives? (?:the |our )?(?:most )?costs?|cost drivers?|spends? the most"
                            + "|(?:where|what) does (?:the |our |all the )?money go"
                            + "|where is (?:the |our )?money going|(?:most|highest) spend|priciest|dearest"),
            topic(
                    Question.NegativeMargin::new,
                    "negative margins?|margins? (?:is |are )?negative|negative"
                            + "|(?:lose|loses|losing|lost) money|loss[- ]making|makes? a loss|making a loss|in the red"
                            + "|unprofitable|underwater|margins? (?:is |are )?(?:below|under) zero"
                            + "|costs? more than (?:it|they) (?:earns?|makes?|brings? in|is worth|are worth|returns?)"));

    private static final Set<String> LIGHT = Set.of(
            "what",
            "which",
            "who",
            "where",
            "how",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "has",
            "have",
            "had",
            "do",
            "does",
            "did",
            "any",
            "anything",
            "anyone",
            "anybody",
            "there",
            "the",
            "a",
            "an",
            "of",
            "in",
            "on",
            "for",
            "to",
            "by",
            "at",
            "all",
            "list",
            "show",
            "see",
            "get",
            "got",
            "still",
            "yet",
            "currently",
            "right",
            "now",
            "today",
            "this",
            "week",
            "month",
            "quarter",
            "moment",
            "so",
            "far",
            "open",
            "some",
            "our",
            "my",
            "we",
            "us",
            "me",
            "i",
            "you",
            "can",
            "could",
            "should",
            "tell",
            "services",
            "service",
            "initiatives",
            "initiative",
            "projects",
            "programmes",
            "ones",
            "items",
            "things",
            "stuff",
            "portfolio",
            "catalog",
            "catalogue",
            "team",
            "teams",
            "owners",
            "people",
            "leadership",
            "about",
            "with",
            "know",
            "need",
            "needs",
            "attention",
            "worry",
            "it",
            "them",
            "they",
            "that",
            "these",
            "those",
            "else",
            "exactly",
            "actually",
            "really",
            "most",
            ",",
            "and",
            "or",
            "please",
            "margin",
            "money",
            "overall",
            "total",
            "across",
            "whole");

    private QuestionTopics() {}

    static Optional<Question> read(QuestionText text) {
        String canonical = text.canonical();
        for (Topic topic : TOPICS) {
            Matcher phrase = topic.phrase().matcher(canonical);
            if (phrase.find()
                    && onlyLightWords(canonical.substring(0, phrase.start()))
                    && onlyLightWords(canonical.substring(phrase.end()))) {
                return Optional.of(topic.question().get());
            }
        }
        return Optional.empty();
    }

    private static boolean onlyLightWords(String words) {
        for (String word : words.strip().split(" ")) {
            if (!word.isEmpty() && !LIGHT.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static Topic topic(Supplier<Question> question, String phrases) {
        return new Topic(Pattern.compile("(?<![\\w'-])(?:" + phrases + ")(?![\\w'-])"), question);
    }
}
