package dev.drumbeat.ask.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.ask.question.Amount;
import dev.drumbeat.ask.question.Question;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The advisor's read of the portfolio on real PostgreSQL: the numbers each candidate is weighed by, and what-if slips. */
class AdvisorTest {
    static final String TEAM = "T0ADVISOR";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static Seed seed;

    @BeforeEach
    void reset() {
        seed = new Seed(drumbeat.jdbi(), TEAM).person("U1", "una", "member");
        seed.service("payments", "Payments API", "core", "U1", "0.10", "100000", "30000")
                .service("crm", "CRM", "secondary", null, "2", "5000", "2000")
                .service("old", "Old Portal", "secondary", "U1", "1", "1", "0")
                .kpi("payments", "uptime", "Uptime", "%", "99.9", "up", "99.95")
                .kpi("payments", "latency", "Latency", "ms", "300", "down", "250")
                .kpi("payments", "errors", "Errors", "", "5", "down", "9")
                .kpi("crm", "adoption", "Adoption", "%", "60", "up", "40")
                .initiative(
                        "cloud", "Cloud Migration", "U1", "120000", "20000", "2027-05-26", "active", "payments", "crm")
                .initiative("done", "Finished Work", "U1", "50000", "0", null, "done", "payments")
                .initiative("someday", "Someday", null, "24000", "500", null, "planned");
        drumbeat.jdbi().useHandle(h -> h.execute("update services set active = false where key = 'old'"));
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update initiatives set created_at = timestamptz '2026-11-26 09:00:00+00'"));
    }

    private static Map<String, PortfolioItem> candidates() {
        return drumbeat.jdbi().withExtension(AdvisorDao.class, dao -> dao.candidates(TEAM)).stream()
                .collect(Collectors.toMap(i -> i.candidate().key(), Function.identity()));
    }

    @Test
    void services_save_their_monthly_cost_and_count_kpis_on_target_and_open_initiatives() {
        Map<String, PortfolioItem> all = candidates();

        assertThat(all).containsOnlyKeys("payments", "crm", "cloud", "someday");
        PortfolioItem payments = all.get("payments");
        assertThat(payments.candidate().monthlySaving()).isEqualByComparingTo("10000");
        assertThat(payments.candidate().monthlyValueLost()).isEqualByComparingTo("30000");
        assertThat(payments.candidate().kpisOnTarget()).isEqualTo(2);
        assertThat(payments.kpisOnTarget()).containsExactly("Latency", "Uptime");
        assertThat(payments.candidate().openDependencies())
                .as("the finished initiative no longer counts")
                .isEqualTo(1);
        assertThat(payments.candidate().ownerId()).contains("U1");
        assertThat(all.get("crm").candidate().kpisOnTarget()).isZero();
        assertThat(all.get("crm").candidate().ownerId()).isEmpty();
    }

    @Test
    void a_later_reading_decides_whether_a_kpi_is_on_target() {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into kpi_readings (team_id, kpi_id, period_start, value)
                select team_id, id, date '2026-11-23', 99.0 from kpis where key = 'uptime'"""));

        assertThat(candidates().get("payments").kpisOnTarget()).containsExactly("Latency");
    }

    @Test
    void initiatives_save_their_budget_spread_to_the_due_date_and_lose_their_slip_cost() {
        Map<String, PortfolioItem> all = candidates();

        Candidate cloud = all.get("cloud").candidate();
        assertThat(cloud.kind()).isEqualTo(Candidate.Kind.INITIATIVE);
        assertThat(cloud.monthlySaving())
                .as("120,000 over the 6 months from 26 Nov to 26 May")
                .isEqualByComparingTo("20000");
        assertThat(cloud.monthlyValueLost()).isEqualByComparingTo("20000");
        assertThat(cloud.openDependencies())
                .as("the two active services it is delivering for")
                .isEqualTo(2);
        assertThat(all.get("someday").candidate().monthlySaving())
                .as("no due date: a year")
                .isEqualByComparingTo("2000");
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update initiatives set created_at = timestamptz '2027-06-01 09:00:00+00'"
                        + " where key = 'cloud'"));
        assertThat(candidates().get("cloud").candidate().monthlySaving())
                .as("due before it was entered: a year")
                .isEqualByComparingTo("10000");
    }

    @Test
    void deprioritised_work_is_no_longer_a_candidate_and_frees_what_it_relied_on() {
        drumbeat.jdbi().useHandle(h -> {
            long id = h.createQuery(
                            "insert into decisions (team_id, question, target_monthly, expected_saving, decided_by,"
                                    + " decided_at) values (?, 'q', 1, 1, 'U1', now()) returning id")
                    .bind(0, TEAM)
                    .mapTo(Long.class)
                    .one();
            h.execute("update initiatives set deprioritised_by = ? where key = 'cloud'", id);
            h.execute("update services set deprioritised_by = ? where key = 'crm'", id);
        });

        Map<String, PortfolioItem> all = candidates();

        assertThat(all).containsOnlyKeys("payments", "someday");
        assertThat(all.get("payments").candidate().openDependencies()).isZero();
    }

    @Test
    void a_slip_costs_its_monthly_slip_cost_for_its_weeks_and_is_covered_without_touching_what_it_relies_on() {
        Advice advice = new Advisor(drumbeat.jdbi(), drumbeat.clock())
                .slip(TEAM, new Question.WhatIfSlips("cloud", 6))
                .orElseThrow();

        Advice.Slip slip = advice.slip().orElseThrow();
        assertThat(slip.totalCost()).as("6 weeks of 20,000 a month").isEqualByComparingTo("27692.31");
        assertThat(slip.reliedOn()).isEqualTo(2);
        assertThat(advice.target()).isEqualByComparingTo("20000");
        assertThat(advice.items()).containsOnlyKeys("INITIATIVE:someday");
        assertThat(advice.chosen().reachesTarget()).isFalse();
    }

    @Test
    void a_slip_of_work_that_is_finished_has_no_answer() {
        assertThat(new Advisor(drumbeat.jdbi(), drumbeat.clock()).slip(TEAM, new Question.WhatIfSlips("done", 2)))
                .isEmpty();
    }

    @Test
    void the_same_question_on_the_same_data_gives_the_same_answer() {
        Advisor advisor = new Advisor(drumbeat.jdbi(), drumbeat.clock());
        Question.Deprioritise question =
                new Question.Deprioritise(Amount.of(new BigDecimal("5000"), Amount.Per.MONTH), Set.of(), true);

        List<String> first = keys(advisor.deprioritise(TEAM, question));
        for (int i = 0; i < 5; i++) {
            assertThat(keys(advisor.deprioritise(TEAM, question))).isEqualTo(first);
        }
        assertThat(first).isNotEmpty();
    }

    private static List<String> keys(Advice advice) {
        return advice.chosen().picks().stream().map(Candidate::key).toList();
    }
}
