package dev.drumbeat.escalation.settings;

import dev.drumbeat.slack.Reply;
import java.util.List;

/** The escalation answers of `/drumbeat settings`: the current values in words, and a change with its undo. */
final class EscalationSettingsViews {
    private static final String DEFAULT = " _(default)_";

    private EscalationSettingsViews() {}

    /** Every setting as a sentence, defaults marked, each with the command that changes it. */
    static List<String> overview(EscalationSettings s) {
        return List.of(
                line(EscalationSettingsField.GRACE, s),
                line(EscalationSettingsField.RED_STREAK, s),
                line(EscalationSettingsField.KPI_WEEKS, s),
                ladder(s),
                line(EscalationSettingsField.DIGEST, s),
                line(EscalationSettingsField.DRIFT_TREND, s),
                line(EscalationSettingsField.DRIFT_SPIKE, s),
                line(EscalationSettingsField.UNALLOCATED, s));
    }

    /** One setting's current value, for `/drumbeat settings <setting>` without a value. */
    static Reply one(EscalationSettingsField field, EscalationSettings s) {
        String about = field.about();
        return Reply.text(line(field, s) + "\n" + Character.toUpperCase(about.charAt(0)) + about.substring(1) + ".");
    }

    /** What changed and the command that puts it back. */
    static Reply changed(EscalationSettingsService.Change change) {
        EscalationSettingsField field = change.field();
        if (!change.changed()) {
            return Reply.text("Nothing changed: " + lowerFirst(field.sentence(change.after())) + " already.");
        }
        return Reply.text(":white_check_mark: Changed: " + lowerFirst(field.sentence(change.after())) + " (was "
                + field.words(change.before()) + ").\nTo undo: `" + field.commandFor(change.before()) + "`");
    }

    private static String line(EscalationSettingsField field, EscalationSettings s) {
        return "• " + field.sentence(s) + (field.isDefault(s) ? DEFAULT : "") + "\n      change: `" + field.example()
                + "`";
    }

    /** The two ladder timings read best as one sentence. */
    private static String ladder(EscalationSettings s) {
        EscalationSettingsField team = EscalationSettingsField.TEAM_AFTER;
        EscalationSettingsField leadership = EscalationSettingsField.LEADERSHIP_AFTER;
        return "• Escalations reach the team after " + team.words(s) + (team.isDefault(s) ? DEFAULT : "")
                + " and leadership after " + leadership.words(s) + (leadership.isDefault(s) ? DEFAULT : "")
                + "\n      change: `" + team.example() + "`, `" + leadership.example() + "`";
    }

    private static String lowerFirst(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
