package dev.drumbeat.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** Which failures {@link DatabaseOutage} takes for an unreachable database, and which it leaves to be bugs. */
class DatabaseOutageExplainsTest {

    @Test
    void a_pool_that_gave_up_waiting_for_a_connection_is_an_outage() {
        SQLTransientConnectionException timedOut =
                new SQLTransientConnectionException("drumbeat - Connection is not available, request timed out");
        timedOut.initCause(new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException()));

        assertThat(DatabaseOutage.explains(new ConnectionException(timedOut))).isTrue();
        assertThat(DatabaseOutage.reason(new ConnectionException(timedOut))).isEqualTo("java.net.ConnectException");
    }

    @Test
    void a_connection_cut_mid_statement_or_a_server_shutting_down_is_an_outage() {
        assertThat(DatabaseOutage.explains(statementFailed(new SQLException("An I/O error occurred", "08006"))))
                .isTrue();
        assertThat(DatabaseOutage.explains(statementFailed(
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(DatabaseOutage.explains(
                        statementFailed(new SQLException("the database system is starting up", "57P03"))))
                .isTrue();
    }

    @Test
    void a_refused_statement_or_a_bug_is_no_outage() {
        assertThat(DatabaseOutage.explains(statementFailed(new SQLException("duplicate key value", "23505"))))
                .isFalse();
        assertThat(DatabaseOutage.explains(statementFailed(new SQLException("no state", (String) null))))
                .isFalse();
        assertThat(DatabaseOutage.explains(new IllegalStateException("database down")))
                .isFalse();
    }

    private static RuntimeException statementFailed(SQLException cause) {
        return new UnableToExecuteStatementException(cause, null);
    }
}
