package dev.drumbeat.checkin;

import dev.drumbeat.core.Actor;

/**
 * Told when someone has checked in from their Home tab, so the tab is drawn again and stops asking for what was just
 * given. The Home feature answers it; {@code cause} tells one redraw from another, and the same cause twice is one.
 */
public interface HomeRedraw {
    HomeRedraw NONE = (actor, cause) -> {};

    void redraw(Actor actor, String cause);
}
