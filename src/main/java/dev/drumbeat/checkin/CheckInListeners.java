package dev.drumbeat.checkin;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.ServiceLookup;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.FieldError;
import dev.drumbeat.core.UserError;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.slack.Click;
import dev.drumbeat.slack.ClickAnswer;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.FormState;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.Submission;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check-ins' Slack surface: `/drumbeat checkin` and `/drumbeat kpi`, the Check in buttons (action id
 * {@code checkin-open}, or {@code checkin-open:<serviceKey>} where several share a message; value a
 * {@link CheckInRef}) and the modal's submission, whose every refusal is a field error.
 */
public final class CheckInListeners {
    private static final Logger log = LoggerFactory.getLogger(CheckInListeners.class);
    private static final Pattern OPEN_ACTIONS = Pattern.compile("^" + CheckInViews.OPEN_ACTION + "(:.*)?$");
    private final CheckInService checkIns;
    private final CatalogService catalog;
    private final KeyResultConfidence confidence;
    private final HomeRedraw home;
    private final CheckInMeasures measures;

    /** {@code home} redraws the Home tab of whoever checks in from it; {@code measures} pre-fills measured KPIs. */
    public CheckInListeners(
            CheckInService checkIns,
            CatalogService catalog,
            KeyResultConfidence confidence,
            HomeRedraw home,
            Measures measures) {
        this.checkIns = checkIns;
        this.measures = new CheckInMeasures(measures);
        this.catalog = catalog;
        this.confidence = confidence;
        this.home = home;
    }

    public void register(CommandRouter router, Interactions interactions) {
        ServiceLookup lookup = new ServiceLookup(catalog);
        router.add(new CheckInCommand(checkIns, lookup, confidence, measures))
                .add(new KpiCommand(checkIns, catalog, lookup, router, measures));
        interactions.blockAction(OPEN_ACTIONS, CheckInForm.NOTICE, this::openFromButton);
        interactions.viewSubmission(CheckInForm.CALLBACK_ID, CheckInForm.STATUS, this::submit);
    }

    /**
     * Opens the modal on the button's trigger (it lives 3 s), measured KPIs pre-filled within their patience; a
     * refusal opens a modal that says why.
     */
    ClickAnswer openFromButton(Actor actor, Click click) {
        Optional<CheckInRef> ref = CheckInRef.parse(click.value());
        if (ref.isEmpty()) {
            log.warn("Check in button without a check-in reference: {}", click.actionId());
            return ClickAnswer.none();
        }
        CheckInSubject subject = checkIns.open(actor, ref.get());
        return ClickAnswer.open(CheckInForm.of(
                subject,
                measures.of(subject),
                confidence.asked(
                        actor.teamId(),
                        ref.get().serviceKey(),
                        actor.userId(),
                        ref.get().periodStart()),
                click.onHomeTab()));
    }

    /** Every refusal shows under the status field, the one input every check-in has. */
    View submit(Actor actor, Submission submission) {
        Optional<CheckInMetadata> metadata = CheckInMetadata.parse(submission.privateMetadata());
        CheckInSubject subject = metadata.flatMap(m -> checkIns.subject(actor.teamId(), m.ref()))
                .orElseThrow(
                        () -> new UserError("This service is no longer in the catalog, so there is nothing to check in."
                                + " Close the form; `/drumbeat services` lists the services there are."));
        CheckInFormSubmission form = CheckInFormSubmission.read(submission.values());
        CheckInDraft draft =
                form.draft(subject.kpis(), metadata.get().prefilled()).orElseThrow(() -> new FieldError(form.errors()));
        CheckInOutcome outcome = checkIns.record(actor, subject.ref(), draft, form.overrides());
        confidence.record(
                actor.teamId(), actor.userId(), subject.ref().periodStart(), confidences(submission.values()));
        if (metadata.get().fromHome()) {
            home.redraw(
                    actor,
                    "checkin:" + subject.ref().encode() + "#"
                            + outcome.checkIn().revision());
        }
        return CheckInForm.saved(outcome);
    }

    /** The key-result confidences chosen in the modal, by key result id. */
    private static Map<Long, String> confidences(Map<String, Map<String, ViewState.Value>> values) {
        Map<Long, String> chosen = new HashMap<>();
        FormState form = new FormState(values);
        values.keySet().stream()
                .filter(id -> id.matches(CheckInForm.CONFIDENCE + "\\d{1,18}"))
                .forEach(id -> form.text(id)
                        .filter(KeyResultConfidence.CHOICES::contains)
                        .ifPresent(choice ->
                                chosen.put(Long.parseLong(id.substring(CheckInForm.CONFIDENCE.length())), choice)));
        return chosen;
    }
}
