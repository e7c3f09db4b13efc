package dev.drumbeat.costs;

import dev.drumbeat.catalog.ServiceActuals;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the imported bills allocated to a service, for the card's plan against actual: the latest whole month, so a
 * month-to-date export never hides it; the month so far only while no whole month has bills. Thread-safe.
 */
public final class CostActuals implements ServiceActuals {
    private final Jdbi jdbi;
    private final Clock clock;

    public CostActuals(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<Actual> latest(String teamId, long serviceId) {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        return jdbi.withExtension(CostActualsDao.class, dao -> dao.latest(teamId, serviceId, current.atDay(1)))
                .map(row -> {
                    YearMonth month = YearMonth.from(row.month());
                    return new Actual(month, row.cost(), !row.whole());
                });
    }
}
