package dev.drumbeat.catalog;

import com.slack.api.model.view.View;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.FieldError;
import dev.drumbeat.core.Money;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.Submission;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The catalog's Slack surface: its subcommands and the service modal's submissions. */
public final class CatalogListeners {
    private final CatalogService catalog;
    private final PeopleService people;
    private final Money money;
    private final CatalogViews views;
    private final ServiceCharts charts;
    private final ServiceActuals actuals;
    private final OwnerGiven ownerGiven;
    private final Measures measures;
    private final ServiceMeasures serviceMeasures;

    /**
     * With chart images on the service card, the bills' {@code actuals} and measured demand from {@code measures} on
     * it, {@code ownerGiven} told when a service gets an owner here, and {@code serviceMeasures} binding what the
     * modal's "Measured by" says.
     */
    CatalogListeners(
            CatalogService catalog,
            PeopleService people,
            Money money,
            ServiceCharts charts,
            OwnerGiven ownerGiven,
            ServiceActuals actuals,
            Measures measures,
            ServiceMeasures serviceMeasures) {
        this.serviceMeasures = serviceMeasures;
        this.actuals = actuals;
        this.measures = measures;
        this.ownerGiven = ownerGiven;
        this.catalog = catalog;
        this.people = people;
        this.money = money;
        this.views = new CatalogViews(money);
        this.charts = charts;
    }

    public void register(CommandRouter router, Interactions interactions) {
        ServiceLookup lookup = new ServiceLookup(catalog);
        router.add(new ServicesCommand(catalog, views))
                .add(new StatusCommand(catalog, lookup, views, charts, actuals, measures))
                .add(new OwnerCommand(catalog, lookup, people, ownerGiven))
                .add(new ServiceCommand(catalog, lookup, serviceMeasures));
        interactions.viewSubmission(ServiceForm.CALLBACK_ID, CatalogListeners::refusalField, this::submit);
    }

    /** Refusals show under the key when adding, and under the name when editing, where the key is not a field. */
    private static String refusalField(Submission submission) {
        return submission.privateMetadata().isBlank() ? "key" : "name";
    }

    /** The edit form's metadata: the service's key, then the fingerprint of the bindings it showed. */
    private static String keyOf(String metadata) {
        int bar = metadata.indexOf('|');
        return bar < 0 ? metadata : metadata.substring(0, bar);
    }

    private static Optional<String> shownOf(String metadata) {
        int bar = metadata.indexOf('|');
        return bar < 0 ? Optional.empty() : Optional.of(metadata.substring(bar + 1));
    }

    View submit(Actor actor, Submission submission) {
        String existingKey = keyOf(submission.privateMetadata());
        ServiceFormSubmission form = ServiceFormSubmission.read(submission.values());
        Optional<List<MeasuredBy.Line>> measuredBy = form.measuredBy(
                existingKey.isBlank() ? Set.of() : serviceMeasures.kpiKeys(actor.teamId(), existingKey));
        ServiceDraft draft = form.draft(existingKey).orElseThrow(() -> new FieldError(form.errors()));
        Optional<String> shown = shownOf(submission.privateMetadata());
        if (shown.isPresent() && measuredBy.isPresent()) {
            String submitted = MeasuredBy.fingerprint(MeasuredBy.write(measuredBy.get()));
            if (submitted.equals(shown.get())) {
                // the field as the form showed it: whatever was bound meanwhile stays bound
                measuredBy = Optional.empty();
            } else {
                String now = catalog.find(actor.teamId(), existingKey)
                        .map(s -> MeasuredBy.write(serviceMeasures.current(s.id())))
                        .orElse("");
                if (!MeasuredBy.fingerprint(now).equals(shown.get())) {
                    throw new FieldError(
                            ServiceForm.MEASURED_BY,
                            "Someone changed how this service is measured while the form was open, so saving would"
                                    + " undo it. Cancel and open the form again to see the bindings as they are now.");
                }
            }
        }
        draft.ownerId().ifPresent(id -> people.ensureKnown(actor.teamId(), id));
        draft.deputyId().ifPresent(id -> people.ensureKnown(actor.teamId(), id));
        Service saved = existingKey.isBlank() ? catalog.create(actor, draft) : catalog.update(actor, draft);
        if (saved.ownerId().isPresent()) {
            ownerGiven.given(actor, saved);
        }
        return ServiceForm.saved(
                saved,
                existingKey.isBlank(),
                measuredBy.map(lines -> measure(actor, saved, lines)).orElse(""));
    }

    /** Binds and unbinds what the field changed, after the acknowledgement; what the saved modal says of it. */
    private String measure(Actor actor, Service saved, List<MeasuredBy.Line> wanted) {
        MeasureChanges changes =
                MeasureChanges.between(saved.key(), serviceMeasures.current(saved.id()), wanted, line -> true);
        if (changes.isEmpty()) {
            return "";
        }
        return serviceMeasures.applyLater(actor, saved, changes)
                ? ":hourglass_flowing_sand: Binding " + changes.targets()
                        + " to PromQL; Drumbeat sends you what each measures in a moment."
                : ":warning: Drumbeat is busy binding other queries, so " + changes.targets()
                        + " stayed as they were. Open the form again in a minute.";
    }
}
