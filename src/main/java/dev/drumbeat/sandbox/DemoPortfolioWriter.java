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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Inserts the demo portfolio through one handle, a JDBI batch per table so a load is a handful of round
 * trips. Rows name services and KPIs by key; a key that matches nothing fails the insert (not null).
 */
final class DemoPortfolioWriter {
    private final Handle handle;
    private final String teamId;
    private final OffsetDateTime createdAt;

    DemoPortfolioWriter(Handle handle, String teamId, Instant createdAt) {
        this.handle = handle;
        this.teamId = teamId;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
    }

    void people(List<DemoPerson> people, Set<String> deactivated) {
        PreparedBatch batch = handle.prepareBatch("""
                insert into people (team_id, user_id, name, real_name, tz, deactivated, role, updated_at)
                values (:teamId, :userId, :name, :realName, :tz, :deactivated, :role, :at)
                on conflict (team_id, user_id) do update set name = excluded.name, real_name = excluded.real_name,
                       tz = excluded.tz, deactivated = excluded.deactivated, role = excluded.role""");
        for (DemoPerson person : people) {
            batch.bind("teamId", teamId).bind("userId", person.userId()).bind("name", person.handle())
                    .bind("realName", person.realName()).bind("tz", person.tz())
                    .bind("deactivated", deactivated.contains(person.userId())).bind("role", person.role())
                    .bind("at", createdAt).add();
        }
        batch.execute();
    }

    void services(List<ServiceRow> services, Map<String, DemoPerson> peopleByHandle) {
        PreparedBatch batch = handle.prepareBatch("""
                insert into services (team_id, key, name, tier, is_protected, owner_id, deputy_id, team_channel,
                                      unit_cost, unit_name, monthly_demand, monthly_value, description,
                                      created_at, updated_at, owner_since)
                values (:teamId, :key, :name, :tier, :isProtected, :ownerId, :deputyId, :teamChannel,
                        :unitCost, :unitName, :monthlyDemand, :monthlyValue, :description, :at, :at, :at)""");
        for (ServiceRow service : services) {
            batch.bind("teamId", teamId).bind("key", service.key()).bind("name", service.name())
                    .bind("tier", service.tier()).bind("isProtected", service.isProtected())
                    .bind("unitCost", service.unitCost()).bind("unitName", service.unitName())
                    .bind("monthlyDemand", service.monthlyDemand()).bind("monthlyValue", service.monthlyValue())
                    .bind("description", service.description())
                    .bind("ownerId", userId(service.ownerHandle(), peopleByHandle))
                    .bind("deputyId", userId(service.deputyHandle(), peopleByHandle))
                    .bind("teamChannel", service.teamChannel().orElse(null)).bind("at", createdAt).add();
        }
        batch.execute();
    }

    void kpis(List<KpiRow> kpis) {
        PreparedBatch batch = handle.prepareBatch("""
                insert into kpis (team_id, service_id, key, name, unit, target, direction, created_at)
                values (:teamId, (select id from services where team_id = :teamId and key = :serviceKey),
                        :key, :name, :unit, :target, :direction, :at)""");
        for (KpiRow kpi : kpis) {
            batch.bind("teamId", teamId).bind("serviceKey", kpi.serviceKey()).bind("key", kpi.key())
                    .bind("name", kpi.name()).bind("unit", kpi.unit()).bind("target", kpi.target())
                    .bind("direction", kpi.direction()).bind("at", createdAt).add();
        }
        batch.execute();
    }

    /** Readings arrive from monitoring late on each week's Sunday, as {@code source = 'demo'}. */
    void readings(List<Reading> readings) {
        PreparedBatch batch = handle.prepareBatch("""
                insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_at)
                values (:teamId, (select k.id from kpis k join services s on s.id = k.service_id
                                   where s.team_id = :teamId and s.key = :serviceKey and k.key = :kpiKey),
                        :periodStart, :value, 'demo', :recordedAt)""");
        for (Reading reading : readings) {
            OffsetDateTime sunday = reading.periodStart().plusDays(6).atTime(LocalTime.of(23, 0)).atOffset(ZoneOffset.UTC);
            batch.bind("teamId", teamId).bind("serviceKey", reading.serviceKey()).bind("kpiKey", reading.kpiKey())
                    .bind("periodStart", reading.periodStart()).bind("value", reading.value())
                    .bind("recordedAt", sunday).add();
        }
        batch.execute();
    }

    void checkIns(List<CheckIn> checkIns) {
        PreparedBatch batch = handle.prepareBatch("""
                insert into checkins (team_id, service_id, period_start, status, hurdle, submitted_by, submitted_at)
                values (:teamId, (select id from services where team_id = :teamId and key = :serviceKey),
                        :periodStart, :status, :hurdle, :submittedBy, :at)""");
        for (CheckIn checkIn : checkIns) {
            batch.bind("teamId", teamId).bind("serviceKey", checkIn.serviceKey())
                    .bind("periodStart", checkIn.periodStart()).bind("status", checkIn.status())
                    .bind("hurdle", checkIn.hurdle()).bind("submittedBy", checkIn.submittedBy())
                    .bind("at", checkIn.submittedAt().atOffset(ZoneOffset.UTC)).add();
        }
        batch.execute();
    }

    void initiatives(List<InitiativeRow> initiatives, Map<String, DemoPerson> peopleByHandle, LocalDate today) {
        PreparedBatch projects = handle.prepareBatch("""
                insert into initiatives (team_id, key, name, owner_id, budget, monthly_slip_cost, due_date, status,
                                         is_protected, created_at, updated_at)
                values (:teamId, :key, :name, :ownerId, :budget, :monthlySlipCost, :dueDate, :status,
                        :isProtected, :at, :at)""");
        PreparedBatch links = handle.prepareBatch("""
                insert into initiative_services (initiative_id, service_id, team_id)
                values ((select id from initiatives where team_id = :teamId and key = :initiativeKey),
                        (select id from services where team_id = :teamId and key = :serviceKey), :teamId)""");
        for (InitiativeRow initiative : initiatives) {
            projects.bind("teamId", teamId).bind("key", initiative.key()).bind("name", initiative.name())
                    .bind("budget", initiative.budget()).bind("monthlySlipCost", initiative.monthlySlipCost())
                    .bind("status", initiative.status()).bind("isProtected", initiative.isProtected())
                    .bind("ownerId", userId(Optional.of(initiative.ownerHandle()), peopleByHandle))
                    .bind("dueDate", today.plusMonths(initiative.monthsToDue())).bind("at", createdAt).add();
            for (String serviceKey : initiative.serviceKeys()) {
                links.bind("teamId", teamId).bind("initiativeKey", initiative.key()).bind("serviceKey", serviceKey).add();
            }
        }
        projects.execute();
        links.execute();
    }

    private static String userId(Optional<String> handle, Map<String, DemoPerson> peopleByHandle) {
        return handle.map(name -> Optional.ofNullable(peopleByHandle.get(name))
                        .orElseThrow(() -> new IllegalStateException("the demo data names nobody called " + name)))
                .map(DemoPerson::userId).orElse(null);
    }
}
