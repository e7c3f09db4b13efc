package dev.drumbeat.sandbox.standin;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Views the stand-in has shown: every modal and Home tab by view id, the last one shown to each person and
 * each person's Home tab, stored in the shape Slack answers with (id, hash, state, root_view_id…).
 * Thread-safe: every method is synchronized.
 */
final class SlackStandInViewStore {

    private record Shown(String userId, Map<String, Object> view) {}

    private final Clock clock;
    private final Map<String, Shown> byId = new HashMap<>();
    private final Map<String, String> idByExternalId = new HashMap<>();
    private final Map<String, Map<String, Object>> lastByUser = new HashMap<>();
    private final Map<String, String> homeIdByUser = new HashMap<>();
    private long sequence;
    private long revision;

    SlackStandInViewStore(Clock clock) {
        this.clock = clock;
    }

    /** The view that already uses this external_id, if any. */
    synchronized Optional<String> findByExternalId(Object externalId) {
        return Optional.ofNullable(externalId).map(String::valueOf).map(idByExternalId::get);
    }

    /** Shows a new modal; a pushed one names the view it covers as its previous view. */
    synchronized Map<String, Object> open(String userId, Map<String, Object> view, boolean pushed) {
        Map<String, Object> previous = pushed ? lastByUser.get(userId) : null;
        String id = String.format("V%010d", ++sequence);
        String rootId = previous == null ? id : String.valueOf(previous.get("root_view_id"));
        return store(userId, id, view, rootId, previous == null ? null : previous.get("id"));
    }

    synchronized Optional<String> findId(String viewId, String externalId) {
        String id = viewId != null ? viewId : idByExternalId.get(externalId);
        return Optional.ofNullable(id).filter(byId::containsKey);
    }

    synchronized String hashOf(String viewId) {
        return String.valueOf(byId.get(viewId).view().get("hash"));
    }

    synchronized Map<String, Object> update(String viewId, Map<String, Object> view) {
        Shown old = byId.get(viewId);
        return store(
                old.userId(),
                viewId,
                view,
                old.view().get("root_view_id"),
                old.view().get("previous_view_id"));
    }

    /** A person's Home tab keeps its view id across publishes, as it does in Slack. */
    synchronized Map<String, Object> publish(String userId, Map<String, Object> view) {
        String id = homeIdByUser.computeIfAbsent(userId, user -> String.format("V%010d", ++sequence));
        return store(userId, id, view, id, null);
    }

    /** Forgets every view; new ones get ids never used before. */
    synchronized void clear() {
        byId.clear();
        idByExternalId.clear();
        lastByUser.clear();
        homeIdByUser.clear();
    }

    synchronized Optional<Map<String, Object>> lastShownTo(String userId) {
        return Optional.ofNullable(lastByUser.get(userId));
    }

    synchronized Optional<Map<String, Object>> homeOf(String userId) {
        return Optional.ofNullable(homeIdByUser.get(userId))
                .map(id -> byId.get(id).view());
    }

    private Map<String, Object> store(
            String userId, String id, Map<String, Object> submitted, Object rootId, Object previousId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("team_id", SlackStandIn.TEAM_ID);
        view.put("private_metadata", "");
        view.put("callback_id", "");
        view.put("external_id", "");
        view.put("clear_on_close", false);
        view.put("notify_on_close", false);
        view.putAll(submitted);
        view.put("state", Map.of("values", Map.of()));
        view.put("hash", String.format("%d.%08x", clock.instant().getEpochSecond(), ++revision));
        view.put("root_view_id", rootId);
        view.put("previous_view_id", previousId);
        view.put("app_id", SlackStandIn.APP_ID);
        view.put("bot_id", SlackStandIn.BOT_ID);
        remember(userId, id, view);
        return view;
    }

    private void remember(String userId, String id, Map<String, Object> view) {
        byId.put(id, new Shown(userId, view));
        Object externalId = view.get("external_id");
        if (externalId != null && !"".equals(externalId)) {
            idByExternalId.put(String.valueOf(externalId), id);
        }
        if (!"home".equals(view.get("type"))) {
            lastByUser.put(userId, view);
        }
    }
}
