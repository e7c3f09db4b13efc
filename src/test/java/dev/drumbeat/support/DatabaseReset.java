package dev.drumbeat.support;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Puts a test database back as the migrations left it, between tests: every table of the public schema but Flyway's
 * history, read from the catalog so that a table a new migration adds is emptied too, and every sequence back at its
 * start, so ids are the same whatever ran before. The migrations seed no rows (Quartz adds its lock rows itself when
 * it needs them), so empty is how a fresh database starts.
 * <p>
 * It deletes rather than truncates: a truncate cascading over the catalog's foreign keys takes 150 ms or more, while
 * deleting the few rows a test made takes a few. The deletes run in one transaction with triggers off
 * ({@code session_replication_role = replica}, as a restore does), so their order need not follow the foreign keys:
 * every table ends empty. Only tables holding rows are touched, and only sequences that were used restarted.
 */
final class DatabaseReset {
    private static final String HISTORY = "flyway_schema_history";
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private final Jdbi jdbi;
    private final String anyRows;

    DatabaseReset(Jdbi jdbi) {
        this.jdbi = jdbi;
        List<String> tables = jdbi.withHandle(h ->
                h.createQuery("""
                        select quote_ident(table_name) from information_schema.tables
                         where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> :history
                         order by table_name""").bind("history", HISTORY).mapTo(String.class).list());
        this.anyRows = tables.stream()
                .map(table -> "select '" + table + "' where exists (select 1 from " + table + ")")
                .collect(Collectors.joining(" union all "));
    }

    /** Empties every table that holds rows and restarts every sequence that was used. */
    void empty() {
        jdbi.useTransaction(h -> {
            List<String> holding = h.createQuery(anyRows).mapTo(String.class).list();
            if (!holding.isEmpty()) {
                h.execute("set local session_replication_role = replica");
                for (String table : holding) {
                    h.execute("delete from " + table);
                }
            }
            List<String> used = h.createQuery("""
                    select quote_ident(schemaname) || '.' || quote_ident(sequencename) from pg_sequences
                     where schemaname = 'public' and last_value is not null""").mapTo(String.class).list();
            for (String sequence : used) {
                h.execute("alter sequence " + sequence + " restart");
            }
        });
    }

    /**
     * Lets a running outbox sender settle: drops what is still waiting to go and waits for the calls in flight to come
     * back, so nothing a finished test queued reaches the stand-in after it was reset.
     */
    void quiesceOutbox() {
        Await.until(
                "the Slack outbox's calls in flight",
                SETTLE,
                () -> jdbi.withHandle(h -> {
                    h.execute("delete from slack_outbox where state = 'pending'");
                    return h.createQuery("select count(*) from slack_outbox where state = 'sending'")
                                    .mapTo(Integer.class)
                                    .one()
                            == 0;
                }));
    }
}
