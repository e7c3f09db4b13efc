package dev.drumbeat.checkin;

import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction that records a check-in, that the prompt it answered should be redrawn (done, or
 * what is still owed), so the owner's DM never asks for what was already given. The prompts answer it.
 */
public interface PromptUpdates {
    PromptUpdates NONE = (handle, promptId) -> {};

    void refresh(Handle handle, long promptId);
}
