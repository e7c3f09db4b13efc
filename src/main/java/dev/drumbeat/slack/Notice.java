package dev.drumbeat.slack;

import com.slack.api.model.view.View;

/**
 * How a feature tells someone who clicked one of its buttons a sentence: a small modal with this callback id and
 * title, closed with OK (see {@link Modals#notice}).
 */
public record Notice(String callbackId, String title) {

    public View of(String sentence) {
        return Modals.notice(callbackId, title, sentence);
    }
}
