package dev.drumbeat.sandbox.standin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects Block Kit violations worded the way Slack words them in {@code response_metadata.messages}:
 * {@code [ERROR] must be less than 25 characters [json-pointer:/view/title/text]}. One instance per check.
 */
final class BlockKitLimitsFindings {

    private final List<String> violations = new ArrayList<>();

    void add(String pointer, String problem) {
        violations.add("[ERROR] " + problem + " [json-pointer:" + pointer + "]");
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    void checkLength(String pointer, Object value, int max) {
        if (value != null && String.valueOf(value).length() > max) {
            add(pointer, "must be less than " + (max + 1) + " characters");
        }
    }

    /** A list no longer than {@code max}; anything that is not a list is reported too. */
    void checkCount(String pointer, Object value, int max) {
        if (!(value instanceof Collection<?> items)) {
            add(pointer, "must be an array");
        } else if (items.size() > max) {
            add(pointer, "no more than " + max + " items allowed");
        }
    }

    void checkRequiredText(String pointer, Object textObject, int max, boolean plainOnly) {
        if (textObject == null) {
            add(pointer, "missing required field: " + pointer.substring(pointer.lastIndexOf('/') + 1));
        } else {
            checkText(pointer, textObject, max, plainOnly);
        }
    }

    /** A text object: plain_text or mrkdwn (only plain_text where Slack says so), with 1 to {@code max} characters. */
    void checkText(String pointer, Object textObject, int max, boolean plainOnly) {
        if (textObject == null) {
            return;
        }
        if (!(textObject instanceof Map<?, ?> text)) {
            add(pointer, "must be a text object");
            return;
        }
        Object type = text.get("type");
        if (plainOnly && !"plain_text".equals(type)) {
            add(pointer + "/type", "must be plain_text, not " + type);
        } else if (!"plain_text".equals(type) && !"mrkdwn".equals(type)) {
            add(pointer + "/type", "must be plain_text or mrkdwn");
        }
        Object value = text.get("text");
        if (value == null || String.valueOf(value).isEmpty()) {
            add(pointer + "/text", "must be more than 0 characters");
        }
        checkLength(pointer + "/text", value, max);
    }

    /** block_id and action_id: at most 255 characters and unique within one message or view. */
    void checkId(String pointer, Object id, Set<String> seen) {
        if (id == null) {
            return;
        }
        checkLength(pointer, id, 255);
        if (!seen.add(String.valueOf(id))) {
            add(pointer, "must be unique within the message or view, '" + id + "' is repeated");
        }
    }
}
