package dev.drumbeat.checkin;

import dev.drumbeat.catalog.Service;
import dev.drumbeat.catalog.ServiceLookup;
import dev.drumbeat.core.Actor;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.time.LocalDate;
import java.util.List;

/**
 * `/drumbeat checkin [service]`: opens the check-in modal for the caller's current week. Without a
 * service it opens the one they answer for, or lists several with a Check in button each.
 */
final class CheckInCommand implements Subcommand {
    private final CheckInService checkIns;
    private final ServiceLookup lookup;
    private final KeyResultConfidence confidence;
    private final CheckInMeasures measures;

    CheckInCommand(
            CheckInService checkIns, ServiceLookup lookup, KeyResultConfidence confidence, CheckInMeasures measures) {
        this.checkIns = checkIns;
        this.lookup = lookup;
        this.confidence = confidence;
        this.measures = measures;
    }

    @Override
    public String name() {
        return "checkin";
    }

    @Override
    public String usage() {
        return "checkin [service]";
    }

    @Override
    public String summary() {
        return "this week's check-in for a service: status, the hurdle in the way, and KPI values";
    }

    @Override
    public Reply handle(CommandRequest request) {
        Actor actor = request.actor();
        LocalDate period = checkIns.currentPeriod(actor.teamId(), actor.userId());
        if (!request.args().isBlank()) {
            return open(request, lookup.keyFor(actor.teamId(), request.args(), usage()), period);
        }
        List<Service> services = checkIns.answeredBy(actor.teamId(), actor.userId(), period);
        if (services.isEmpty()) {
            return CheckInViews.nothingToAnswer();
        }
        if (services.size() == 1) {
            return open(request, services.get(0).key(), period);
        }
        return CheckInViews.choose(services, period);
    }

    private Reply open(CommandRequest request, String serviceKey, LocalDate period) {
        CheckInSubject subject = checkIns.open(request.actor(), CheckInRef.of(serviceKey, period));
        request.modals()
                .open(CheckInForm.of(
                        subject,
                        measures.of(subject),
                        confidence.asked(
                                request.actor().teamId(),
                                serviceKey,
                                request.actor().userId(),
                                period),
                        false));
        return Reply.none();
    }
}
