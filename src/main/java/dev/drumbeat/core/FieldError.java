package dev.drumbeat.core;

import java.util.Map;

/**
 * A refusal that belongs under particular fields of a form: each sentence keyed by the block id of the field it is
 * about, as Slack shows a modal's {@code response_action: errors}. Anywhere else it reads as its sentences.
 */
public final class FieldError extends UserError {
    private final Map<String, String> errors;

    public FieldError(String blockId, String sentence) {
        this(Map.of(blockId, sentence));
    }

    public FieldError(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a field error names at least one field");
        }
        this.errors = Map.copyOf(errors);
    }

    /** Sentence by block id. */
    public Map<String, String> errors() {
        return errors;
    }
}
