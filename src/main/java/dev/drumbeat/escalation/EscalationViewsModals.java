package dev.drumbeat.escalation;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.drumbeat.catalog.KpiStatus;
import dev.drumbeat.catalog.Service;
import dev.drumbeat.catalog.ServiceCard;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.Modals;
import dev.drumbeat.slack.SlackBlocks;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The modals behind an escalation's buttons: Assign owner (a user picker), the service card, and notices. */
final class EscalationViewsModals {
    static final String ASSIGN_CALLBACK_ID = "esc-assign-form";
    static final String NOTICE_CALLBACK_ID = "esc-notice";
    static final String OWNER = "owner";
    private static final int MAX_KPIS = 20;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private EscalationViewsModals() {}

    static View assign(long escalationId, String headline) {
        return View.builder()
                .type("modal")
                .callbackId(ASSIGN_CALLBACK_ID)
                .privateMetadata(Long.toString(escalationId))
                .title(title("Assign owner"))
                .submit(submit("Assign"))
                .close(close("Cancel"))
                .blocks(List.of(
                        SlackBlocks.markdown(headline),
                        input(i -> i.blockId(OWNER)
                                .label(plainText("New owner"))
                                .optional(false)
                                .element(usersSelect(u -> u.actionId(OWNER))))))
                .build();
    }

    static Optional<String> pickedOwner(Map<String, Map<String, ViewState.Value>> values) {
        return Optional.ofNullable(values)
                .map(v -> v.get(OWNER))
                .map(block -> block.get(OWNER))
                .map(ViewState.Value::getSelectedUser)
                .filter(id -> !id.isBlank());
    }

    /** A read-only card of the service: people, economics, KPIs and the latest check-in. */
    static View card(ServiceCard card, Money money) {
        Service s = card.service();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown("*" + SlackBlocks.escape(s.name()) + "* `" + s.key() + "` · "
                + s.tier().label() + (s.isProtected() ? " · protected" : "")));
        blocks.add(SlackBlocks.fields(List.of(
                "*Owner*\n" + s.ownerId().map(Mentions::mention).orElse("_nobody_")
                        + (card.listing().ownerDeactivated() ? " _(left Slack)_" : ""),
                "*Deputy*\n" + s.deputyId().map(Mentions::mention).orElse("none"),
                "*Team channel*\n" + s.teamChannel().map(c -> "<#" + c + ">").orElse("none"),
                "*Last check-in*\n"
                        + card.listing()
                                .lastCheckIn()
                                .map(c -> c.status() + ", week of " + WEEK.format(c.periodStart()))
                                .orElse("none yet"))));
        blocks.add(SlackBlocks.fields(List.of(
                "*Unit cost*\n" + money.format(s.unitCost()) + " per " + SlackBlocks.escape(s.unitName()),
                "*Monthly demand*\n" + Money.quantity(s.monthlyDemand()),
                "*Monthly cost*\n" + money.format(s.monthlyCost()),
                "*Margin*\n" + money.format(s.margin()))));
        blocks.add(SlackBlocks.markdown(kpis(card.kpis())));
        blocks.add(SlackBlocks.note("`/drumbeat status " + s.key() + "` shows this card in a message."));
        return View.builder()
                .type("modal")
                .callbackId("esc-service-card")
                .title(title("Service"))
                .close(close("Close"))
                .blocks(blocks)
                .build();
    }

    /** A modal that only explains, for a button that cannot do what was asked. */
    static View notice(String title, String sentence) {
        return Modals.notice(NOTICE_CALLBACK_ID, title, sentence);
    }

    /** What the assign modal turns into once done. */
    static View done(String title, String sentence) {
        return notice(title, ":white_check_mark: " + sentence);
    }

    private static String kpis(List<KpiStatus> kpis) {
        if (kpis.isEmpty()) {
            return "*KPIs*\nNone mapped yet.";
        }
        StringBuilder text = new StringBuilder("*KPIs*");
        kpis.stream()
                .limit(MAX_KPIS)
                .forEach(k -> text.append("\n• ")
                        .append(SlackBlocks.escape(k.name()))
                        .append(": ")
                        .append(k.lastValue()
                                .map(v -> SlackBlocks.escape(Money.measure(v, k.unit())))
                                .orElse("no reading yet"))
                        .append(" (target ")
                        .append("up".equals(k.direction()) ? "≥ " : "≤ ")
                        .append(SlackBlocks.escape(Money.measure(k.target(), k.unit())))
                        .append(')')
                        .append(k.onTarget()
                                .map(on -> on ? " :white_check_mark:" : " :x:")
                                .orElse("")));
        if (kpis.size() > MAX_KPIS) {
            text.append("\n…and ").append(kpis.size() - MAX_KPIS).append(" more.");
        }
        return text.toString();
    }

    static ViewTitle title(String text) {
        return ViewTitle.builder()
                .type("plain_text")
                .text(SlackBlocks.clip(text, 24))
                .build();
    }

    static ViewSubmit submit(String text) {
        return ViewSubmit.builder().type("plain_text").text(text).build();
    }

    static ViewClose close(String text) {
        return ViewClose.builder().type("plain_text").text(text).build();
    }
}
