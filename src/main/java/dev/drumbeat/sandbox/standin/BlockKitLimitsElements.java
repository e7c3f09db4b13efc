package dev.drumbeat.sandbox.standin;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks one interactive element (button, select, overflow, input…) against Block Kit's element limits. */
final class BlockKitLimitsElements {

    private static final Set<String> MRKDWN_OPTIONS = Set.of("radio_buttons", "checkboxes");

    private final BlockKitLimitsFindings findings;
    private final Set<String> actionIds;

    BlockKitLimitsElements(BlockKitLimitsFindings findings, Set<String> actionIds) {
        this.findings = findings;
        this.actionIds = actionIds;
    }

    void check(String pointer, Map<?, ?> element) {
        findings.checkId(pointer + "/action_id", element.get("action_id"), actionIds);
        findings.checkText(pointer + "/placeholder", element.get("placeholder"), 150, true);
        if ("button".equals(element.get("type"))) {
            findings.checkRequiredText(pointer + "/text", element.get("text"), 75, true);
            findings.checkLength(pointer + "/value", element.get("value"), 2000);
            findings.checkLength(pointer + "/url", element.get("url"), 3000);
        }
        checkOptions(pointer + "/options", element.get("options"), !MRKDWN_OPTIONS.contains(element.get("type")));
        checkConfirm(pointer + "/confirm", element.get("confirm"));
    }

    private void checkOptions(String pointer, Object options, boolean plainOnly) {
        if (options == null) {
            return;
        }
        findings.checkCount(pointer, options, 100);
        if (options instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> option) {
                    findings.checkRequiredText(pointer + "/" + i + "/text", option.get("text"), 75, plainOnly);
                    findings.checkLength(pointer + "/" + i + "/value", option.get("value"), 150);
                }
            }
        }
    }

    private void checkConfirm(String pointer, Object confirm) {
        if (confirm instanceof Map<?, ?> dialog) {
            findings.checkRequiredText(pointer + "/title", dialog.get("title"), 100, true);
            findings.checkRequiredText(pointer + "/text", dialog.get("text"), 300, false);
            findings.checkRequiredText(pointer + "/confirm", dialog.get("confirm"), 30, true);
            findings.checkRequiredText(pointer + "/deny", dialog.get("deny"), 30, true);
        }
    }
}
