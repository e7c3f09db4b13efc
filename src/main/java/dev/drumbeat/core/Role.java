package dev.drumbeat.core;

import java.util.Locale;

/** What a person may do: members read and edit what they own, leadership decides, admins run the catalog. */
public enum Role {
    MEMBER,
    LEADERSHIP,
    ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
