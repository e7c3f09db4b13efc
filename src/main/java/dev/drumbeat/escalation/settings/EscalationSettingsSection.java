package dev.drumbeat.escalation.settings;

import dev.drumbeat.core.Actor;
import dev.drumbeat.feature.SettingsSection;
import dev.drumbeat.slack.Reply;
import java.util.Arrays;
import java.util.List;

/**
 * The escalation part of `/drumbeat settings`: everyone sees the workspace's escalation thresholds, ladder timings, cost thresholds
 * and digest time; admins change one at a time, e.g. `/drumbeat settings grace 72h`.
 */
public final class EscalationSettingsSection implements SettingsSection {
    private final EscalationSettingsService settings;

    public EscalationSettingsSection(EscalationSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public String heading() {
        return "Escalations";
    }

    @Override
    public String summary() {
        return "escalation thresholds, ladder timings, the digest's day and cost drift";
    }

    @Override
    public List<Setting> settings() {
        return Arrays.stream(EscalationSettingsField.values())
                .map(f -> new Setting(f.word(), f.example(), f.about()))
                .toList();
    }

    @Override
    public List<String> overview(String teamId) {
        return EscalationSettingsViews.overview(settings.current(teamId));
    }

    @Override
    public Reply handle(Actor actor, String word, String value) {
        EscalationSettingsField field = EscalationSettingsField.named(word).orElseThrow();
        if (value.isEmpty()) {
            return EscalationSettingsViews.one(field, settings.current(actor.teamId()));
        }
        return EscalationSettingsViews.changed(settings.change(actor, field, value));
    }
}
