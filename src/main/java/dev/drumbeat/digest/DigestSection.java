package dev.drumbeat.digest;

import java.util.Optional;

/**
 * A part of the weekly digest another feature writes (the OKRs' at-risk and vanity results), posted as one more reply
 * in the digest's thread. Empty when it has nothing to say that week.
 */
public interface DigestSection {
    DigestSection NONE = teamId -> Optional.empty();

    /** The section's mrkdwn text for the workspace, at most a few thousand characters. */
    Optional<String> textFor(String teamId);
}
