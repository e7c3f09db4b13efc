package dev.drumbeat.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens one plain connection to DATABASE_URL before a pool is built on it, so a database that is down, misnamed or
 * refusing the password stops the start with one sentence naming the host, rather than a pool's stack trace.
 */
public final class DatabaseProbe {
    private static final int CONNECT_SECONDS = 10;

    private DatabaseProbe() {}

    /** Returns when the database answers; otherwise throws {@link DatabaseUnreachable}. Never repeats the password. */
    public static void check(DatabaseUrl url) {
        Properties properties = new Properties();
        url.user().ifPresent(user -> properties.setProperty("user", user));
        url.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_SECONDS));
        try (Connection connection = new Driver().connect(url.jdbcUrl(), properties)) {
            if (connection == null) {
                throw new DatabaseUnreachable(hostOf(url), "it is not a PostgreSQL address");
            }
        } catch (SQLException e) {
            throw new DatabaseUnreachable(hostOf(url), reason(e));
        }
    }

    private static String hostOf(DatabaseUrl url) {
        Properties parsed = Driver.parseURL(url.jdbcUrl(), null);
        if (parsed == null) {
            return "an address that is not PostgreSQL's";
        }
        String[] hosts = parsed.getProperty("PGHOST", "localhost").split(",");
        String[] ports = parsed.getProperty("PGPORT", "5432").split(",");
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < hosts.length; i++) {
            where.append(i == 0 ? "" : ", ").append(hosts[i]).append(':').append(ports[Math.min(i, ports.length - 1)]);
        }
        return where.toString();
    }

    /** The cause in a few words: the network's, else the server's own first line (it names no password). */
    private static String reason(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "no such host";
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return "connection refused";
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer within " + CONNECT_SECONDS + " s";
            }
        }
        String message = e.getMessage() == null ? "SQL state " + e.getSQLState() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
