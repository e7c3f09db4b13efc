package dev.drumbeat.escalation.settings;

import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.Optional;

/**
 * `/drumbeat settings [<setting> <value>]`: everyone sees the workspace's escalation thresholds, ladder timings and
 * digest time; admins change one at a time, e.g. `/drumbeat settings grace 72h`.
 */
public final class EscalationSettingsCommand implements Subcommand {
    private final EscalationSettingsService settings;

    public EscalationSettingsCommand(EscalationSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public String usage() {
        return "settings [<setting> <value>]";
    }

    @Override
    public String summary() {
        return "escalation thresholds, ladder timings and the digest's day (admins change them)";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String teamId = request.actor().teamId();
        String[] words = request.args().strip().split("\\s+", 2);
        if (words[0].isEmpty()) {
            return EscalationSettingsViews.overview(
                    settings.current(teamId), request.actor().isAdmin());
        }
        Optional<EscalationSettingsField> field = EscalationSettingsField.named(words[0]);
        if (field.isEmpty()) {
            return EscalationSettingsViews.unknown(words[0]);
        }
        String value = words.length > 1 ? words[1].strip() : "";
        if (value.isEmpty()) {
            return EscalationSettingsViews.one(field.get(), settings.current(teamId));
        }
        return EscalationSettingsViews.changed(settings.change(request.actor(), field.get(), value));
    }
}
