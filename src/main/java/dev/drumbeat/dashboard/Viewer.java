package dev.drumbeat.dashboard;

import dev.drumbeat.core.Role;

/** Who is looking at the dashboard through a live session, and with which role. */
record Viewer(String teamId, String userId, Role role) {

    /** Leadership and admins see the portfolio's totals by tier; members see the portfolio itself. */
    boolean seesTierTotals() {
        return role != Role.MEMBER;
    }
}
