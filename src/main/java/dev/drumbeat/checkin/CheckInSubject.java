package dev.drumbeat.checkin;

import dev.drumbeat.catalog.Service;
import java.util.List;
import java.util.Optional;

/** Everything the check-in modal shows for one service and period, including the check-in to edit, if any. */
public record CheckInSubject(CheckInRef ref, Service service, List<CheckInKpi> kpis, Optional<CheckIn> existing) {

    public CheckInSubject {
        kpis = List.copyOf(kpis);
    }
}
