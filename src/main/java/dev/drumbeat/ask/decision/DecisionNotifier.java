package dev.drumbeat.ask.decision;

import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction that records or undoes a decision, so the owners of its items hear of it exactly
 * when it stands. Asking's Slack surface writes the notices.
 */
public interface DecisionNotifier {
    void decided(Handle handle, DecisionService.Recorded recorded);

    void undone(Handle handle, DecisionService.Recorded undone);
}
