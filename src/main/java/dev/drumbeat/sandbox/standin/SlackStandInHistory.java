package dev.drumbeat.sandbox.standin;

import java.util.List;
import java.util.Map;

/**
 * What the stand-in's conversations hold, to keep across a restart of {@code drumbeat demo}: every message in posting
 * order, the conversations opened, the last timestamp handed out (so none is handed out twice), and what response_urls
 * made of messages the stand-in never posted, keyed {@code channel/ts}. Immutable.
 */
public record SlackStandInHistory(
        List<SlackStandInMessage> messages,
        List<String> openedChannels,
        String lastTs,
        Map<String, SlackStandInResponses.Replacement> replaced) {

    public SlackStandInHistory {
        messages = List.copyOf(messages);
        openedChannels = List.copyOf(openedChannels);
        replaced = Map.copyOf(replaced);
    }
}
