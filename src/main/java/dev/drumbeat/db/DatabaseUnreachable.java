package dev.drumbeat.db;

/** DATABASE_URL's database could not be reached or refused Drumbeat; the message is one sentence naming the host. */
public final class DatabaseUnreachable extends RuntimeException {
    public DatabaseUnreachable(String host, String reason) {
        super(
                "cannot reach the database at " + host + " given by DATABASE_URL (" + reason + "); check that"
                        + " PostgreSQL runs there and lets this machine in with that user and password"
                        + " (psql \"$DATABASE_URL\" -c 'select 1')",
                null,
                false,
                false);
    }
}
