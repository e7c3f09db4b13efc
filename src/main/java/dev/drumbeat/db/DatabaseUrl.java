package dev.drumbeat.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PostgreSQL address as DATABASE_URL gives it: either {@code postgres://user:pass@host:port/db}
 * (the form hosting platforms hand out) or a plain {@code jdbc:postgresql://…} URL.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    public static DatabaseUrl parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, Optional.empty(), Optional.empty());
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "expected postgres://user:password@host:port/database or jdbc:postgresql://…");
        }
        URI uri = uri(url);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("expected a host and a database name");
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + port + uri.getPath() + query;
        return new DatabaseUrl(jdbc, userInfo(uri, 0), userInfo(uri, 1));
    }

    /** The URL as a URI; the refusal never repeats the URL, which may hold a password. */
    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("expected postgres://user:password@host:port/database, with"
                    + " characters such as spaces, @ or / in the password percent-encoded");
        }
    }

    private static Optional<String> userInfo(URI uri, int part) {
        String info = uri.getRawUserInfo();
        if (info == null) {
            return Optional.empty();
        }
        String[] parts = info.split(":", 2);
        return part < parts.length
                ? Optional.of(URLDecoder.decode(parts[part], StandardCharsets.UTF_8))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user.orElse("-") + ", password=***]";
    }
}
