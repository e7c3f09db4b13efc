package dev.drumbeat.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What is built from a workspace's catalog is kept while the catalog's version stays, and built again after. */
class CatalogSnapshotsTest {
    static final String TEAM = "T0SNAPSHOT";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicBoolean failNext = new AtomicBoolean();
    private final CatalogSnapshots<List<String>> names = new CatalogSnapshots<>(drumbeat.jdbi(), this::names);

    @BeforeEach
    void seed() {
        new Seed(drumbeat.jdbi(), TEAM).service("payments", "Payments API", "core", null, "1", "1", "1");
    }

    @Test
    void a_snapshot_is_built_once_while_the_catalog_stays_as_it_was() {
        List<String> first = names.of(TEAM);

        assertThat(names.of(TEAM)).isSameAs(first).containsExactly("Payments API");
        assertThat(builds).hasValue(1);
    }

    @Test
    void a_change_made_anywhere_is_seen_at_the_next_use() {
        names.of(TEAM);

        drumbeat.execute("update services set name = 'Payments' where key = 'payments'");

        assertThat(names.of(TEAM)).containsExactly("Payments");
        assertThat(builds).hasValue(2);
    }

    @Test
    void a_workspace_with_no_version_is_read_afresh_each_time() {
        drumbeat.execute("delete from catalog_versions");

        names.of(TEAM);
        names.of(TEAM);

        assertThat(builds).hasValue(2);
    }

    @Test
    void a_build_that_failed_is_not_kept() {
        failNext.set(true);

        assertThatThrownBy(() -> names.of(TEAM)).isInstanceOf(IllegalStateException.class);

        assertThat(names.of(TEAM)).containsExactly("Payments API");
        assertThat(builds).hasValue(2);
    }

    private List<String> names(String teamId) {
        builds.incrementAndGet();
        if (failNext.getAndSet(false)) {
            throw new IllegalStateException("the database went away");
        }
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select name from services where team_id = ? order by key")
                        .bind(0, teamId)
                        .mapTo(String.class)
                        .list());
    }
}
