package dev.drumbeat.ask.advisor;

import dev.drumbeat.ask.question.Question;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Answers the trade-off questions from the database: reads the workspace's candidates in one query (kept until the
 * catalog changes, {@link AdvisorPortfolios}), swaps each billed service's plan for its actual cost
 * ({@link AdvisorActuals}, read afresh every time), applies {@link AdvisorRules} and hands the eligible ones to
 * {@link Optimiser}. Thread-safe.
 */
public final class Advisor {
    private final Jdbi jdbi;
    private final AdvisorPortfolios portfolios;
    private final AdvisorActuals actuals;

    /** {@code clock} says which month is the latest whole one, the month whose bills are actual costs. */
    public Advisor(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.portfolios = new AdvisorPortfolios(jdbi);
        this.actuals = new AdvisorActuals(jdbi, clock);
    }

    /** What an answer works from: the catalog's portfolio, kept until it changes, and this moment's weights. */
    private record Portfolio(List<PortfolioItem> items, BigDecimal monthlyCost, ImpactWeights weights) {}

    /** "What can we deprioritise to save N?" */
    public Advice deprioritise(String teamId, Question.Deprioritise question) {
        Portfolio portfolio = read(teamId);
        BigDecimal target = question.target().monthlyAgainst(portfolio.monthlyCost());
        AdvisorRules rules = new AdvisorRules(question.includeStrategic(), question.excludedKeys(), question.scope());
        if (question.supposedKeys().isEmpty()) {
            return advise(portfolio, portfolio.items(), rules, target, Optional.empty(), Optional.empty());
        }
        List<PortfolioItem> stopped = new ArrayList<>();
        List<PortfolioItem> others = new ArrayList<>();
        for (PortfolioItem item : portfolio.items()) {
            (question.supposedKeys().contains(item.candidate().key()) ? stopped : others).add(item);
        }
        BigDecimal saving =
                stopped.stream().map(i -> i.candidate().monthlySaving()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Advice.Supposed supposed = new Advice.Supposed(
                stopped.stream().map(PortfolioItem::candidate).toList(), saving, target);
        Advice advice = advise(
                portfolio,
                others,
                rules,
                target.subtract(saving).max(BigDecimal.ZERO),
                Optional.empty(),
                Optional.of(supposed));
        Map<String, PortfolioItem> items = new HashMap<>(advice.items());
        stopped.forEach(item -> items.put(Advice.itemKey(item.candidate()), item));
        return new Advice(
                advice.target(),
                advice.monthlyCost(),
                advice.chosen(),
                advice.nextBest(),
                advice.spared(),
                items,
                advice.slip(),
                advice.supposed(),
                advice.weights());
    }

    /**
     * "What if the initiative slips N weeks?": what the slip costs, and what would cover its monthly cost while it
     * lasts, leaving the initiative and the services it relies on alone. Empty when the initiative is gone.
     */
    public Optional<Advice> slip(String teamId, Question.WhatIfSlips question) {
        return jdbi.withExtension(AdvisorFactsDao.class, dao -> dao.initiative(teamId, question.initiativeKey()))
                .map(initiative -> {
                    Portfolio portfolio = read(teamId);
                    Set<String> untouched = new HashSet<>(initiative.reliedOnKeys());
                    List<PortfolioItem> others = portfolio.items().stream()
                            .filter(i ->
                                    !isThe(i.candidate(), initiative.key()) && !isReliedOn(i.candidate(), untouched))
                            .toList();
                    BigDecimal total = question.length().over(initiative.monthlySlipCost());
                    Advice.Slip slip = new Advice.Slip(
                            initiative.name(),
                            question.length().phrase(),
                            initiative.monthlySlipCost(),
                            total,
                            untouched.size());
                    return advise(
                            portfolio,
                            others,
                            AdvisorRules.standard(),
                            initiative.monthlySlipCost(),
                            Optional.of(slip),
                            Optional.empty());
                });
    }

    /**
     * The portfolio as last read while the catalog stays as it was, with the bills' actual costs and the weights read
     * afresh.
     */
    private Portfolio read(String teamId) {
        AdvisorPortfolios.Portfolio kept = portfolios.of(teamId);
        ImpactWeights weights = jdbi.withExtension(AdvisorFactsDao.class, dao -> dao.weights(teamId));
        return new Portfolio(actuals.apply(teamId, kept.items()), kept.monthlyCost(), weights);
    }

    private static boolean isThe(Candidate candidate, String initiativeKey) {
        return candidate.kind() == Candidate.Kind.INITIATIVE && candidate.key().equals(initiativeKey);
    }

    private static boolean isReliedOn(Candidate candidate, Set<String> serviceKeys) {
        return candidate.kind() == Candidate.Kind.SERVICE && serviceKeys.contains(candidate.key());
    }

    private static Advice advise(
            Portfolio portfolio,
            List<PortfolioItem> items,
            AdvisorRules rules,
            BigDecimal target,
            Optional<Advice.Slip> slip,
            Optional<Advice.Supposed> supposed) {
        List<Candidate> eligible = new ArrayList<>();
        Map<AdvisorRules.Spared, List<Candidate>> spared = new EnumMap<>(AdvisorRules.Spared.class);
        for (PortfolioItem item : items) {
            Optional<AdvisorRules.Spared> reason = rules.spared(item.candidate());
            if (reason.isEmpty()) {
                eligible.add(item.candidate());
            } else {
                spared.computeIfAbsent(reason.get(), r -> new ArrayList<>()).add(item.candidate());
            }
        }
        ImpactWeights weights = portfolio.weights();
        Optimiser.Choice chosen = Optimiser.choose(eligible, target, weights);
        Optional<Optimiser.Choice> nextBest = Optimiser.nextBest(eligible, target, chosen, weights);
        return new Advice(
                target,
                portfolio.monthlyCost(),
                chosen,
                nextBest,
                largestFirst(spared),
                shown(items, chosen, nextBest),
                slip,
                supposed,
                weights);
    }

    /** The items behind the picks the answer shows, by {@link Advice#itemKey}. */
    private static Map<String, PortfolioItem> shown(
            List<PortfolioItem> items, Optimiser.Choice chosen, Optional<Optimiser.Choice> nextBest) {
        Set<Candidate> picked = Collections.newSetFromMap(new IdentityHashMap<>());
        picked.addAll(chosen.picks());
        nextBest.ifPresent(next -> picked.addAll(next.picks()));
        Map<String, PortfolioItem> byKey = new HashMap<>();
        items.stream()
                .filter(i -> picked.contains(i.candidate()))
                .forEach(i -> byKey.put(Advice.itemKey(i.candidate()), i));
        return byKey;
    }

    /** Each reason's candidates, largest saving first. */
    private static Map<AdvisorRules.Spared, List<Candidate>> largestFirst(
            Map<AdvisorRules.Spared, List<Candidate>> spared) {
        Comparator<Candidate> largestFirst =
                Comparator.comparing(Candidate::monthlySaving).reversed().thenComparing(Candidate::key);
        spared.replaceAll((reason, list) -> list.stream().sorted(largestFirst).toList());
        return spared;
    }
}
