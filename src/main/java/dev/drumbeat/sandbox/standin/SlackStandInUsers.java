package dev.drumbeat.sandbox.standin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people of the stand-in workspace, shaped as Slack's user objects for users.info and users.list.
 * Thread-safe: every method is synchronized.
 */
final class SlackStandInUsers {

    /** One page of users.list; {@code nextCursor} is "" on the last page, as Slack sends it. */
    record Page(List<Map<String, Object>> members, String nextCursor) {}

    private final Map<String, Map<String, Object>> usersById = new LinkedHashMap<>();

    synchronized void add(
            String userId, String name, String realName, String tz, int tzOffsetSeconds, boolean deleted) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("real_name", realName);
        profile.put("real_name_normalized", realName);
        profile.put("display_name", name);
        profile.put("display_name_normalized", name);
        profile.put("team", SlackStandIn.TEAM_ID);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        user.put("team_id", SlackStandIn.TEAM_ID);
        user.put("name", name);
        user.put("deleted", deleted);
        user.put("real_name", realName);
        user.put("tz", tz);
        user.put("tz_offset", tzOffsetSeconds);
        user.put("is_bot", false);
        user.put("profile", profile);
        usersById.put(userId, user);
    }

    synchronized void clear() {
        usersById.clear();
    }

    synchronized boolean isDeactivated(String userId) {
        return find(userId)
                .map(user -> Boolean.TRUE.equals(user.get("deleted")))
                .orElse(false);
    }

    synchronized Optional<Map<String, Object>> find(String userId) {
        return Optional.ofNullable(usersById.get(userId));
    }

    /** A page starting at the cursor's user; empty when the cursor names nobody, which Slack calls invalid. */
    synchronized Optional<Page> page(String cursor, int limit) {
        List<String> ids = new ArrayList<>(usersById.keySet());
        int start = cursor == null ? 0 : ids.indexOf(decode(cursor));
        if (start < 0) {
            return Optional.empty();
        }
        int end = limit <= 0 ? ids.size() : Math.min(ids.size(), start + limit);
        List<Map<String, Object>> members =
                ids.subList(start, end).stream().map(usersById::get).toList();
        String next = end < ids.size() ? encode(ids.get(end)) : "";
        return Optional.of(new Page(members, next));
    }

    /** Slack's cursors are opaque base64 such as "dXNlcjpVMDYxTkZUVDI=" ("user:U061NFTT2"); so are ours. */
    private static String encode(String userId) {
        return Base64.getEncoder().encodeToString(("user:" + userId).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            return decoded.startsWith("user:") ? decoded.substring("user:".length()) : "";
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }
}
