package dev.drumbeat.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drumbeat.support.TestDatabase;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V15 makes service names unique per workspace on a catalog that may already hold duplicates: it fills each
 * name's matching form where SQL can work it out exactly, leaves the later of a duplicate pair without one (to be
 * renamed when next saved), and from then on the database refuses a second service with the same form.
 */
class ServiceNameKeyMigrationTest {
    static Jdbi jdbi;

    @BeforeAll
    static void catalogWithDuplicatesMigratedToV15() {
        DataSource database = TestDatabase.empty();
        migrate(database, "13");
        jdbi = Database.createJdbi(database);
        jdbi.useHandle(h -> {
            h.execute("insert into workspaces (team_id) values ('T1'), ('T2')");
            h.execute("""
                    insert into services (id, team_id, key, name, tier) values
                      (1, 'T1', 'pay-gw', 'Payments Gateway', 'core'),
                      (2, 'T1', 'pay-gw-2', 'payments-gateway', 'core'),
                      (3, 'T1', 'crm', 'CRM', 'core'),
                      (4, 'T1', 'cafe', 'Café Wi-Fi', 'core'),
                      (5, 'T2', 'pay-gw', 'Payments Gateway', 'core'),
                      (6, 'T1', 'dots', '...', 'core')""");
            h.execute("select setval('services_id_seq', 6)");
        });
        migrate(database, "15");
    }

    private static void migrate(DataSource database, String version) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    private static Map<Long, String> nameKeys() {
        return jdbi.withHandle(h -> h
                .createQuery("select id, coalesce(name_key, '<none>') as k from services")
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("k")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void plain_names_get_their_matching_form_and_the_later_of_a_duplicate_pair_none() {
        assertThat(nameKeys())
                .containsEntry(1L, "paymentsgateway")
                .containsEntry(2L, "<none>")
                .containsEntry(3L, "crm")
                .containsEntry(4L, "<none>")
                .containsEntry(5L, "paymentsgateway")
                .containsEntry(6L, "<none>");
    }

    @Test
    void the_database_refuses_a_second_service_with_one_name_form_in_a_workspace() {
        assertThatThrownBy(
                        () -> jdbi.useHandle(h -> h.execute("insert into services (team_id, key, name, name_key, tier)"
                                + " values ('T1', 'crm-2', 'C.R.M.', 'crm', 'core')")))
                .hasMessageContaining("services_name_unique");
        jdbi.useHandle(h -> h.execute("insert into services (team_id, key, name, name_key, tier)"
                + " values ('T2', 'crm', 'CRM', 'crm', 'core')"));
    }
}
