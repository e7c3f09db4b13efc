package dev.drumbeat.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.model.view.ViewState;
import java.util.Map;
import java.util.Optional;

/** A submitted modal, as its handler needs it: its private metadata ({@code ""} when none) and its values by block id. */
public record Submission(String privateMetadata, Map<String, Map<String, ViewState.Value>> values) {

    static Submission of(ViewSubmissionPayload payload) {
        return new Submission(
                Optional.ofNullable(payload.getView().getPrivateMetadata()).orElse(""),
                Optional.ofNullable(payload.getView().getState())
                        .map(ViewState::getValues)
                        .orElse(Map.of()));
    }
}
