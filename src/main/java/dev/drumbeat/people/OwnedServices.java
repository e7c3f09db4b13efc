package dev.drumbeat.people;

import java.util.List;

/** The names of the services a person owns, for `whoami`; the catalog answers it. */
public interface OwnedServices {
    List<String> namesOwnedBy(String teamId, String userId);
}
