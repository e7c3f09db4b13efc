package dev.drumbeat.sandbox.standin;

import java.util.List;
import java.util.Map;

/**
 * Block Kit's documented limits, checked the way Slack checks them before it accepts a message or a view,
 * so that a layout Slack would refuse fails in tests and in the sandbox instead of in a real workspace.
 * Pure and stateless: it takes blocks and views as parsed JSON (lists and maps) and returns Slack-style
 * violations such as {@code [ERROR] must be less than 25 characters [json-pointer:/view/title/text]};
 * an empty list means Slack would accept the layout.
 */
public final class BlockKitLimits {

    static final int MESSAGE_BLOCKS = 50;
    static final int SURFACE_BLOCKS = 100;
    static final int VIEW_BUTTON_TEXT = 24;

    private BlockKitLimits() {}

    /** Violations of a message's {@code blocks} array (chat.postMessage, chat.postEphemeral, chat.update). */
    public static List<String> checkMessage(Object blocks) {
        BlockKitLimitsFindings findings = new BlockKitLimitsFindings();
        findings.checkCount("/blocks", blocks, MESSAGE_BLOCKS);
        new BlockKitLimitsBlocks(findings).checkAll("/blocks", blocks);
        return findings.violations();
    }

    /** Violations of a view: a {@code modal} (views.open, push, update) or a {@code home} tab (views.publish). */
    public static List<String> checkView(Object view) {
        BlockKitLimitsFindings findings = new BlockKitLimitsFindings();
        if (!(view instanceof Map<?, ?> surface)) {
            findings.add("/view", "must be a JSON object");
            return findings.violations();
        }
        Object type = surface.get("type");
        if ("modal".equals(type)) {
            checkModal(surface, findings);
        } else if (!"home".equals(type)) {
            findings.add("/view/type", "must be modal or home");
        }
        checkSurface(surface, findings);
        return findings.violations();
    }

    private static void checkModal(Map<?, ?> modal, BlockKitLimitsFindings findings) {
        findings.checkRequiredText("/view/title", modal.get("title"), VIEW_BUTTON_TEXT, true);
        findings.checkText("/view/submit", modal.get("submit"), VIEW_BUTTON_TEXT, true);
        findings.checkText("/view/close", modal.get("close"), VIEW_BUTTON_TEXT, true);
        if (modal.get("submit") == null && hasInputBlock(modal.get("blocks"))) {
            findings.add("/view/submit", "must be provided when the view has an input block");
        }
    }

    private static void checkSurface(Map<?, ?> view, BlockKitLimitsFindings findings) {
        findings.checkCount("/view/blocks", view.get("blocks"), SURFACE_BLOCKS);
        findings.checkLength("/view/private_metadata", view.get("private_metadata"), 3000);
        findings.checkLength("/view/callback_id", view.get("callback_id"), 255);
        findings.checkLength("/view/external_id", view.get("external_id"), 255);
        new BlockKitLimitsBlocks(findings).checkAll("/view/blocks", view.get("blocks"));
    }

    private static boolean hasInputBlock(Object blocks) {
        return blocks instanceof List<?> list
                && list.stream().anyMatch(block -> block instanceof Map<?, ?> map && "input".equals(map.get("type")));
    }
}
