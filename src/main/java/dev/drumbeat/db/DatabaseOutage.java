package dev.drumbeat.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that cannot be reached from every other failure: PostgreSQL stopped, restarting or cut off, a
 * connection dropped mid-statement, or no pooled connection free within the wait. Such a failure is no bug and passes
 * when the database is back, so the entry points answer it with "try again in a minute" and Slack's events are left
 * for Slack to send again, rather than logging a stack trace and a reference.
 */
public final class DatabaseOutage {
    /** SQLSTATE class 08: connection exception (refused, broken, closed). */
    private static final String CONNECTION_EXCEPTION = "08";
    /** The server shutting down (admin or crash) or not yet accepting connections. */
    private static final Set<String> SERVER_UNAVAILABLE = Set.of("57P01", "57P02", "57P03");

    private static final int MAX_DEPTH = 20;

    private DatabaseOutage() {}

    /** True when {@code failure}, or anything it wraps, says the database could not be reached. */
    public static boolean explains(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (cause instanceof SQLTransientConnectionException || unreachable(cause)) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }

    /** The innermost cause of {@code failure}, for one line in the log: no statement, no arguments, no stack. */
    public static String reason(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause.getCause() != null && depth < MAX_DEPTH; depth++) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    private static boolean unreachable(Throwable cause) {
        if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith(CONNECTION_EXCEPTION) || SERVER_UNAVAILABLE.contains(state);
    }
}
