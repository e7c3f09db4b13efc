package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.DemoPortfolio.DemoPerson;
import dev.drumbeat.sandbox.DemoPortfolioCatalog.KpiRow;
import dev.drumbeat.sandbox.DemoPortfolioCatalog.ServiceRow;
import dev.drumbeat.sandbox.DemoPortfolioCheckIns.CheckIn;
import dev.drumbeat.sandbox.DemoPortfolioInitiatives.InitiativeRow;
import dev.drumbeat.sandbox.DemoPortfolioReadings.Reading;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Inserts the demo portfolio through one handle's {@link DemoPortfolioDao}, a JDBI batch per table so a load is a
 * handful of round trips. Rows name services and KPIs by key; a key that matches nothing fails the insert (not null).
 */
final class DemoPortfolioWriter {
    private final DemoPortfolioDao dao;
    private final String teamId;
    private final OffsetDateTime createdAt;

    DemoPortfolioWriter(DemoPortfolioDao dao, String teamId, Instant createdAt) {
        this.dao = dao;
        this.teamId = teamId;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
    }

    void people(List<DemoPerson> people, Set<String> deactivated) {
        dao.insertPeople(
                teamId,
                people.stream()
                        .map(person -> new DemoPortfolioDao.NewPerson(
                                person.userId(),
                                person.handle(),
                                person.realName(),
                                person.tz(),
                                deactivated.contains(person.userId()),
                                person.role()))
                        .toList(),
                createdAt);
    }

    void services(List<ServiceRow> services, Map<String, DemoPerson> peopleByHandle) {
        dao.insertServices(
                teamId,
                services.stream()
                        .map(service -> new DemoPortfolioDao.NewService(
                                service.key(),
                                service.name(),
                                service.tier(),
                                service.isProtected(),
                                userId(service.ownerHandle(), peopleByHandle),
                                userId(service.deputyHandle(), peopleByHandle),
                                service.teamChannel().orElse(null),
                                service.unitCost(),
                                service.unitName(),
                                service.monthlyDemand(),
                                service.monthlyValue(),
                                service.description()))
                        .toList(),
                createdAt);
    }

    void kpis(List<KpiRow> kpis) {
        dao.insertKpis(
                teamId,
                kpis.stream()
                        .map(kpi -> new DemoPortfolioDao.NewKpi(
                                kpi.serviceKey(), kpi.key(), kpi.name(), kpi.unit(), kpi.target(), kpi.direction()))
                        .toList(),
                createdAt);
    }

    /** Readings arrive from monitoring late on each week's Sunday, as {@code source = 'demo'}. */
    void readings(List<Reading> readings) {
        dao.insertReadings(
                teamId,
                readings.stream()
                        .map(reading -> new DemoPortfolioDao.NewReading(
                                reading.serviceKey(),
                                reading.kpiKey(),
                                reading.periodStart(),
                                reading.value(),
                                reading.periodStart()
                                        .plusDays(6)
                                        .atTime(LocalTime.of(23, 0))
                                        .atOffset(ZoneOffset.UTC)))
                        .toList());
    }

    void checkIns(List<CheckIn> checkIns) {
        dao.insertCheckIns(
                teamId, checkIns.stream().map(DemoPortfolioWriter::row).toList());
    }

    static DemoPortfolioDao.NewCheckIn row(CheckIn checkIn) {
        return new DemoPortfolioDao.NewCheckIn(
                checkIn.serviceKey(),
                checkIn.periodStart(),
                checkIn.status(),
                checkIn.hurdle(),
                checkIn.submittedBy(),
                checkIn.submittedAt().atOffset(ZoneOffset.UTC));
    }

    void initiatives(List<InitiativeRow> initiatives, Map<String, DemoPerson> peopleByHandle, LocalDate today) {
        dao.insertInitiatives(
                teamId,
                initiatives.stream()
                        .map(initiative -> new DemoPortfolioDao.NewInitiative(
                                initiative.key(),
                                initiative.name(),
                                userId(Optional.of(initiative.ownerHandle()), peopleByHandle),
                                initiative.budget(),
                                initiative.monthlySlipCost(),
                                today.plusMonths(initiative.monthsToDue()),
                                initiative.status(),
                                initiative.isProtected()))
                        .toList(),
                createdAt);
        dao.linkServices(
                teamId,
                initiatives.stream()
                        .flatMap(initiative -> initiative.serviceKeys().stream()
                                .map(serviceKey -> new DemoPortfolioDao.NewLink(initiative.key(), serviceKey)))
                        .toList());
    }

    static String userId(Optional<String> handle, Map<String, DemoPerson> peopleByHandle) {
        return handle.map(name -> Optional.ofNullable(peopleByHandle.get(name))
                        .orElseThrow(() -> new IllegalStateException("the demo data names nobody called " + name)))
                .map(DemoPerson::userId)
                .orElse(null);
    }
}
