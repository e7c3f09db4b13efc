package dev.drumbeat.ask.question;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A question asked of Drumbeat in plain words, as {@link QuestionParser} understood it. Each kind
 * carries only what answering it needs: the key of the service or initiative it is about, or the
 * terms of a trade-off. Anything the parser could not read safely is {@link Unknown}, so the
 * answering side never sees a guess. Immutable and thread-safe.
 */
public sealed interface Question {

    /** "Who owns payments?" */
    record WhoOwns(String serviceKey) implements Question {
        public WhoOwns {
            Objects.requireNonNull(serviceKey, "serviceKey");
        }
    }

    /** "Who is the deputy for payments?" */
    record WhoIsDeputy(String serviceKey) implements Question {
        public WhoIsDeputy {
            Objects.requireNonNull(serviceKey, "serviceKey");
        }
    }

    /** "How is payments doing?" */
    record HowIsDoing(String serviceKey) implements Question {
        public HowIsDoing {
            Objects.requireNonNull(serviceKey, "serviceKey");
        }
    }

    /** "What is stale?": services whose owners have not checked in. */
    record WhatIsStale() implements Question {}

    /** "What is ownerless?" */
    record WhatIsOwnerless() implements Question {}

    /** "What is escalated?": the open escalations. */
    record WhatIsEscalated() implements Question {}

    /** "What is the unit cost of payments?" */
    record UnitCost(String serviceKey) implements Question {
        public UnitCost {
            Objects.requireNonNull(serviceKey, "serviceKey");
        }
    }

    /** "What costs the most?" */
    record CostsTheMost() implements Question {}

    /** "Where is margin negative?" */
    record NegativeMargin() implements Question {}

    /**
     * "What can we deprioritise to save 50k a month without touching payments?"
     *
     * @param target           the saving to reach
     * @param excludedKeys     services and initiatives the asker ruled out, in the order named
     * @param includeStrategic whether strategic-tier services may be picked
     * @param scope            what the picks were limited to ("secondary only", "only Bruno's services")
     * @param supposedKeys     services and initiatives the question supposes stopped ("if we pause the cloud
     *                         migration"), whose saving counts towards the target before anything is picked
     * @param setAside         words of the question the reading did not use, as typed, said back with the reading so
     *                         nothing is dropped unseen; words that could have limited the answer are only here once
     *                         the asker confirmed the reading without them
     */
    record Deprioritise(
            Amount target,
            Set<String> excludedKeys,
            boolean includeStrategic,
            Scope scope,
            Set<String> supposedKeys,
            List<String> setAside)
            implements Question {
        public Deprioritise {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(scope, "scope");
            excludedKeys = Collections.unmodifiableSet(new LinkedHashSet<>(excludedKeys));
            supposedKeys = Collections.unmodifiableSet(new LinkedHashSet<>(supposedKeys));
            setAside = List.copyOf(setAside);
        }

        /** A question with no limits beyond its exclusions and the strategic tier. */
        public Deprioritise(Amount target, Set<String> excludedKeys, boolean includeStrategic) {
            this(target, excludedKeys, includeStrategic, Scope.ANY, Set.of(), List.of());
        }

        /** The same question with another target: the amount asked, converted into the workspace's currency. */
        public Deprioritise withTarget(Amount newTarget) {
            return new Deprioritise(newTarget, excludedKeys, includeStrategic, scope, supposedKeys, setAside);
        }

        /** The same question with {@code words} also set aside. */
        public Deprioritise settingAside(List<String> words) {
            List<String> all = new ArrayList<>(setAside);
            all.addAll(words);
            return new Deprioritise(target, excludedKeys, includeStrategic, scope, supposedKeys, all);
        }
    }

    /**
     * What a deprioritisation question limited its picks to; empty sets limit nothing.
     *
     * @param tiers    service tiers, lower case ("secondary"); a limit to tiers leaves initiatives out, which have none
     * @param kinds    services or initiatives only
     * @param ownerIds Slack user ids of the owners whose items alone may be picked
     * @param owners   those owners' names as the catalog knows them, in the order asked, for the readback
     */
    record Scope(Set<String> tiers, Set<Kind> kinds, Set<String> ownerIds, List<String> owners) {
        public static final Scope ANY = new Scope(Set.of(), Set.of(), Set.of(), List.of());

        /** What may be picked: a service or an initiative. */
        public enum Kind {
            SERVICE,
            INITIATIVE
        }

        public Scope {
            tiers = Collections.unmodifiableSet(new LinkedHashSet<>(tiers));
            kinds = Collections.unmodifiableSet(new LinkedHashSet<>(kinds));
            ownerIds = Collections.unmodifiableSet(new LinkedHashSet<>(ownerIds));
            owners = List.copyOf(owners);
        }

        public boolean isAny() {
            return tiers.isEmpty() && kinds.isEmpty() && ownerIds.isEmpty();
        }
    }

    /**
     * "What if the cloud migration slips six weeks?" The slip's {@code length} is on the calendar money uses: weeks are
     * 12/52 of a month, months and quarters whole months, so "3 months" costs three months, as "a quarter" does; its
     * phrase is how the answer says it ("6 weeks", "3 months").
     */
    record WhatIfSlips(String initiativeKey, Amount.Per length) implements Question {
        public WhatIfSlips {
            Objects.requireNonNull(initiativeKey, "initiativeKey");
            Objects.requireNonNull(length, "length");
        }

        /** A slip of whole weeks. */
        public WhatIfSlips(String initiativeKey, int weeks) {
            this(initiativeKey, QuestionSlips.weeks(weeks));
        }
    }

    /** "How is O3 doing?": one objective, by the number `/drumbeat okr` shows. */
    record HowIsObjective(long objectiveId) implements Question {}

    /** "Which OKRs are at risk?" */
    record OkrsAtRisk() implements Question {}

    /** "Which key results are vanity?" */
    record VanityResults() implements Question {}

    /** "Help" or "what can you do?" */
    record Help() implements Question {}

    /**
     * A question read all but for words that could limit the answer ("keep payments running", "only if urgent"):
     * Drumbeat asks back with the reading it would use rather than answer as if they were not there.
     *
     * @param reading   the question as read without those words
     * @param unclear   the words, as typed, one stretch each
     */
    record Unclear(Question reading, List<String> unclear) implements Question {
        public Unclear {
            Objects.requireNonNull(reading, "reading");
            unclear = List.copyOf(unclear);
            if (unclear.isEmpty()) {
                throw new IllegalArgumentException("nothing unclear");
            }
        }
    }

    /**
     * Anything else. Answered with the list of questions Drumbeat understands.
     *
     * @param text      what was asked, without the leading Slack mention
     * @param ambiguity why the parser stopped when it came close, in a plain-text sentence for the asker: a
     *                  name that fits several services (naming them) or none, or an amount that
     *                  could be read two ways; empty when the text was simply not a question it knows
     */
    record Unknown(String text, Optional<String> ambiguity) implements Question {
        public Unknown {
            text = text == null ? "" : text;
            Objects.requireNonNull(ambiguity, "ambiguity");
        }
    }
}
