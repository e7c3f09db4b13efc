package dev.drumbeat.slack;

import com.slack.api.model.view.View;
import java.util.Optional;

/** What a click answers besides its acknowledgement: nothing, a sentence in the feature's notice, or a modal. */
public record ClickAnswer(Optional<View> view, Optional<String> sentence) {

    public static ClickAnswer none() {
        return new ClickAnswer(Optional.empty(), Optional.empty());
    }

    public static ClickAnswer say(String sentence) {
        return new ClickAnswer(Optional.empty(), Optional.of(sentence));
    }

    public static ClickAnswer open(View view) {
        return new ClickAnswer(Optional.of(view), Optional.empty());
    }

    /** The modal to open on the click's trigger, if any. */
    Optional<View> modal(Notice notice) {
        return view.or(() -> sentence.map(notice::of));
    }
}
