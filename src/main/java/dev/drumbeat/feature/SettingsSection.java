package dev.drumbeat.feature;

import dev.drumbeat.core.Actor;
import dev.drumbeat.slack.Reply;
import java.util.List;

/**
 * A feature's part of `/drumbeat settings`: its heading and lines in the overview everyone sees, and the settings it
 * shows and changes by name. The section decides who may change what, checks values, and audits its own changes;
 * {@link SettingsCommand} only finds the section a setting belongs to.
 */
public interface SettingsSection {

    /** One setting: the word that names it, a command that sets it (an example), and what it is for. */
    record Setting(String word, String example, String about) {}

    /** The section's heading in the overview, such as {@code Escalations}. */
    String heading();

    /** A few words for `/drumbeat help`, such as {@code escalation thresholds and timings}. */
    String summary();

    /** Its settings, in the order the list of settings shows them. */
    List<Setting> settings();

    /** The workspace's current values as mrkdwn lines, each with the command that changes it. */
    List<String> overview(String teamId);

    /** `/drumbeat settings <word> [<value>]` for one of its settings: shows it when {@code value} is empty, else changes it. */
    Reply handle(Actor actor, String word, String value);
}
