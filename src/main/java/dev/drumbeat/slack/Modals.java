package dev.drumbeat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewTitle;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small modals a button answers with when a message would be the wrong place: a sentence saying what happened or
 * why nothing did. Opened on the click's trigger, which lives 3 seconds, so callers open it before anything slow
 * or right after the change. A modal Slack refuses is logged, never thrown: the click has done its work.
 */
public final class Modals {
    private static final Logger log = LoggerFactory.getLogger(Modals.class);
    private static final int MAX_TITLE = 24;

    private Modals() {}

    /** A modal that only tells: a title and one sentence, closed with OK. */
    public static View notice(String callbackId, String title, String sentence) {
        return View.builder()
                .type("modal")
                .callbackId(callbackId)
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text(SlackBlocks.clip(title, MAX_TITLE))
                        .build())
                .close(ViewClose.builder().type("plain_text").text("OK").build())
                .blocks(List.of(SlackBlocks.markdown(sentence)))
                .build();
    }

    public static void open(MethodsClient client, String triggerId, View view) {
        try {
            ViewsOpenResponse response =
                    client.viewsOpen(r -> r.triggerId(triggerId).view(view));
            if (!response.isOk()) {
                log.warn(
                        "views.open for {} answered {} {}",
                        view.getCallbackId(),
                        response.getError(),
                        response.getResponseMetadata());
            }
        } catch (Exception e) {
            log.warn("views.open for {} failed: {}", view.getCallbackId(), e.toString());
        }
    }
}
