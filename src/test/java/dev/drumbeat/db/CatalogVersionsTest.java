package dev.drumbeat.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each workspace's catalog version (V22): new after every committed change to what is built from the catalog. */
class CatalogVersionsTest {
    static final String TEAM = "T0VERSIONS";
    static final String OTHER = "T0ELSEWHERE";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    @BeforeEach
    void seed() {
        new Seed(drumbeat.jdbi(), TEAM)
                .service("payments", "Payments API", "core", null, "1", "1", "1")
                .service("crm", "CRM", "core", null, "1", "1", "1")
                .kpi("payments", "uptime", "Uptime", "%", "99.9", "up", "99.0");
        new Seed(drumbeat.jdbi(), OTHER).service("ledger", "Ledger", "core", null, "1", "1", "1");
    }

    @Test
    void every_committed_change_to_a_catalog_table_gives_that_workspace_a_new_version() {
        String[] changes = {
            "update services set name = 'Payments' where key = 'payments'",
            "insert into kpi_readings (team_id, kpi_id, period_start, value)"
                    + " select team_id, id, date '2026-11-23', 99.95 from kpis where key = 'uptime'",
            "insert into initiatives (team_id, key, name, budget, monthly_slip_cost, status)"
                    + " values ('T0VERSIONS', 'move', 'Cloud move', 1000, 100, 'active')",
            "insert into initiative_services (initiative_id, service_id, team_id)"
                    + " select i.id, s.id, s.team_id from initiatives i, services s where s.key = 'crm'",
            "insert into objectives (team_id, quarter, title, created_at)"
                    + " values ('T0VERSIONS', '2026-Q4', 'Fewer outages', now())",
            "insert into key_results (team_id, objective_id, title, kind, created_at)"
                    + " select team_id, id, 'Uptime 99.9', 'milestone', now() from objectives",
            "delete from initiative_services",
            "update services set active = false where key = 'crm'"
        };
        for (String change : changes) {
            Optional<Long> before = version(TEAM);
            Optional<Long> elsewhere = version(OTHER);

            sql(change);

            assertThat(version(TEAM)).as(change).isPresent().isNotEqualTo(before);
            assertThat(version(OTHER))
                    .as("the other workspace after: " + change)
                    .isEqualTo(elsewhere);
        }
    }

    @Test
    void a_change_rolled_back_leaves_the_version_as_it_was() {
        Optional<Long> before = version(TEAM);

        try (Handle handle = drumbeat.jdbi().open()) {
            handle.begin();
            handle.execute("update services set name = 'Payments' where key = 'payments'");
            handle.rollback();
        }

        assertThat(version(TEAM)).isEqualTo(before);
        assertThat(drumbeat.count("catalog_changes")).isZero();
    }

    @Test
    void writers_of_one_workspace_never_wait_on_each_other_for_the_version_before_they_commit() {
        Optional<Long> before = version(TEAM);
        try (Handle first = drumbeat.jdbi().open()) {
            first.begin();
            first.execute("update services set name = 'Payments' where key = 'payments'");

            drumbeat.jdbi().useTransaction(second -> {
                second.execute("set local lock_timeout = '5s'");
                second.execute("update services set name = 'Customers' where key = 'crm'");
            });
            Optional<Long> afterSecond = version(TEAM);
            first.commit();

            assertThat(afterSecond).isPresent().isNotEqualTo(before);
            assertThat(version(TEAM)).isPresent().isNotEqualTo(afterSecond);
        }
        assertThat(drumbeat.count("catalog_changes")).isZero();
    }

    @Test
    void a_version_is_never_used_twice_even_for_a_catalog_deleted_and_made_again() {
        Optional<Long> before = version(TEAM);
        sql("delete from kpis");
        sql("delete from services where team_id = 'T0VERSIONS'");
        sql("delete from catalog_versions");

        new Seed(drumbeat.jdbi(), TEAM).service("payments", "Payments API", "core", null, "1", "1", "1");

        assertThat(version(TEAM)).isPresent().isNotEqualTo(before);
    }

    private static Optional<Long> version(String teamId) {
        return drumbeat.jdbi().withExtension(CatalogVersionDao.class, dao -> dao.version(teamId));
    }

    private static void sql(String sql) {
        drumbeat.jdbi().useHandle(h -> h.execute(sql));
    }
}
