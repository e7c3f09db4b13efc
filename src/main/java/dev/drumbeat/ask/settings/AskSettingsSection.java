package dev.drumbeat.ask.settings;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.feature.SettingsSection;
import dev.drumbeat.slack.Reply;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The "Answers to ask" part of `/drumbeat settings`: everyone sees the impact weights and exchange rates; admins
 * change one at a time, e.g. `/drumbeat settings weight-kpi 2500` or `/drumbeat settings rate EUR 1.08`.
 */
public final class AskSettingsSection implements SettingsSection {
    private final AskSettingsService settings;
    private final AskSettingsViews views;

    public AskSettingsSection(AskSettingsService settings, Money money) {
        this.settings = settings;
        this.views = new AskSettingsViews(money);
    }

    @Override
    public String heading() {
        return "Answers to ask";
    }

    @Override
    public String summary() {
        return "impact weights and exchange rates for `ask`";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> all = new ArrayList<>();
        for (WeightSetting w : WeightSetting.values()) {
            all.add(new Setting(w.word(), w.example(), w.about()));
        }
        all.add(new Setting(AskSettingsViews.RATE, views.rateExample(), views.rateAbout()));
        return all;
    }

    @Override
    public List<String> overview(String teamId) {
        return views.overview(settings.weights(teamId), settings.rates(teamId));
    }

    @Override
    public Reply handle(Actor actor, String word, String value) {
        if (word.equalsIgnoreCase(AskSettingsViews.RATE)) {
            return rate(actor, value);
        }
        WeightSetting setting = WeightSetting.named(word).orElseThrow();
        if (value.isEmpty()) {
            return views.one(setting, settings.weights(actor.teamId()));
        }
        return views.changed(settings.changeWeight(actor, setting, value));
    }

    /** `rate` lists the rates, `rate EUR` shows one, `rate EUR 1.08` sets it and `rate EUR none` removes it. */
    private Reply rate(Actor actor, String value) {
        if (value.isEmpty()) {
            return views.rates(settings.rates(actor.teamId()));
        }
        String[] parts = value.split("\\s+", 2);
        if (parts.length == 1) {
            Currency currency = settings.currency(parts[0]);
            return views.rate(currency.getCurrencyCode(), settings.rate(actor.teamId(), currency));
        }
        return views.changed(settings.changeRate(actor, parts[0], parts[1]));
    }
}
