package dev.drumbeat.sandbox.standin;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each block of one message or view against Block Kit's per-block limits. Holds the block_ids and
 * action_ids seen so far, because both must be unique across the whole surface; use one instance per surface.
 */
final class BlockKitLimitsBlocks {

    private final BlockKitLimitsFindings findings;
    private final Set<String> blockIds = new HashSet<>();
    private final Set<String> actionIds = new HashSet<>();

    BlockKitLimitsBlocks(BlockKitLimitsFindings findings) {
        this.findings = findings;
    }

    void checkAll(String pointer, Object blocks) {
        if (blocks instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkBlock(pointer + "/" + i, list.get(i));
            }
        }
    }

    private void checkBlock(String pointer, Object value) {
        if (!(value instanceof Map<?, ?> block)) {
            findings.add(pointer, "must be an object");
            return;
        }
        findings.checkId(pointer + "/block_id", block.get("block_id"), blockIds);
        Object type = block.get("type");
        if (type == null) {
            findings.add(pointer, "missing required field: type");
            return;
        }
        switch (String.valueOf(type)) {
            case "header" -> findings.checkRequiredText(pointer + "/text", block.get("text"), 150, true);
            case "section" -> checkSection(pointer, block);
            case "actions" -> checkElements(pointer + "/elements", block.get("elements"), 25);
            case "context" -> checkContext(pointer + "/elements", block.get("elements"));
            case "input" -> checkInput(pointer, block);
            case "image" -> checkImage(pointer, block);
            default -> {} // divider, rich_text and the rest carry no limit Drumbeat can trip
        }
    }

    private void checkSection(String pointer, Map<?, ?> block) {
        if (block.get("text") == null && block.get("fields") == null) {
            findings.add(pointer, "must provide either text or fields");
        }
        findings.checkText(pointer + "/text", block.get("text"), 3000, false);
        Object fields = block.get("fields");
        if (fields != null) {
            findings.checkCount(pointer + "/fields", fields, 10);
            forEach(pointer + "/fields", fields, (at, field) -> findings.checkText(at, field, 2000, false));
        }
        checkElement(pointer + "/accessory", block.get("accessory"));
    }

    /** Slack fetches image_url itself, so it must be an absolute http(s) URL. */
    private void checkImage(String pointer, Map<?, ?> block) {
        Object url = block.get("image_url");
        if (url == null || !String.valueOf(url).matches("(?i)https?://[^\\s/]+\\S*")) {
            findings.add(pointer + "/image_url", "must be an absolute http or https URL");
        }
        findings.checkLength(pointer + "/image_url", url, 3000);
        Object alt = block.get("alt_text");
        if (alt == null || String.valueOf(alt).isEmpty()) {
            findings.add(pointer, "missing required field: alt_text");
        }
        findings.checkLength(pointer + "/alt_text", alt, 2000);
        findings.checkText(pointer + "/title", block.get("title"), 2000, true);
    }

    private void checkInput(String pointer, Map<?, ?> block) {
        findings.checkRequiredText(pointer + "/label", block.get("label"), 2000, true);
        findings.checkText(pointer + "/hint", block.get("hint"), 2000, true);
        if (block.get("element") == null) {
            findings.add(pointer, "missing required field: element");
        }
        checkElement(pointer + "/element", block.get("element"));
    }

    private void checkContext(String pointer, Object elements) {
        findings.checkCount(pointer, elements, 10);
        forEach(pointer, elements, (at, element) -> {
            boolean isImage = element instanceof Map<?, ?> map && "image".equals(map.get("type"));
            if (!isImage) {
                findings.checkText(at, element, 3000, false);
            }
        });
    }

    private void checkElements(String pointer, Object elements, int max) {
        findings.checkCount(pointer, elements, max);
        forEach(pointer, elements, this::checkElement);
    }

    private void checkElement(String pointer, Object value) {
        if (value instanceof Map<?, ?> element) {
            new BlockKitLimitsElements(findings, actionIds).check(pointer, element);
        }
    }

    private static void forEach(String pointer, Object items, java.util.function.BiConsumer<String, Object> check) {
        if (items instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check.accept(pointer + "/" + i, list.get(i));
            }
        }
    }
}
