package dev.drumbeat.catalog.initiative;

import dev.drumbeat.core.ServiceMatcher;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Initiatives and the services they rely on. */
@RegisterConstructorMapper(Initiative.class)
interface InitiativeDao {

    String INITIATIVE = """
            select i.key, i.name, i.owner_id, i.budget, i.monthly_slip_cost, i.due_date, i.status, i.is_protected,
                   array(select s.key from initiative_services l join services s on s.id = l.service_id and s.active
                          where l.initiative_id = i.id order by s.key) as relied_on
              from initiatives i""";

    @SqlQuery(INITIATIVE + " where i.team_id = :teamId and i.key = :key")
    Optional<Initiative> find(@Bind("teamId") String teamId, @Bind("key") String key);

    /** Planned and active first, then by due date (undated last) and name. */
    @SqlQuery(INITIATIVE + " where i.team_id = :teamId order by i.status not in ('planned', 'active'),"
            + " i.due_date nulls last, lower(i.name)")
    List<Initiative> list(@Bind("teamId") String teamId);

    @SqlQuery("select key, name from initiatives where team_id = :teamId order by key")
    @RegisterConstructorMapper(ServiceMatcher.Candidate.class)
    List<ServiceMatcher.Candidate> candidates(@Bind("teamId") String teamId);

    @SqlUpdate("""
            insert into initiatives (team_id, key, name, owner_id, budget, monthly_slip_cost, due_date, status,
                                     is_protected, created_at, updated_at)
            values (:teamId, :key, :name, :ownerId, :budget, :slip, :due, :status, :protected, :at, :at)""")
    @GetGeneratedKeys("id")
    long insert(
            @Bind("teamId") String teamId,
            @Bind("key") String key,
            @Bind("name") String name,
            @Bind("ownerId") String ownerId,
            @Bind("budget") BigDecimal budget,
            @Bind("slip") BigDecimal slip,
            @Bind("due") LocalDate due,
            @Bind("status") String status,
            @Bind("protected") boolean isProtected,
            @Bind("at") Instant at);

    @SqlQuery("""
            update initiatives set name = :name, owner_id = :ownerId, budget = :budget, monthly_slip_cost = :slip,
                   due_date = :due, status = :status, is_protected = :protected, updated_at = :at
             where team_id = :teamId and key = :key returning id""")
    long update(
            @Bind("teamId") String teamId,
            @Bind("key") String key,
            @Bind("name") String name,
            @Bind("ownerId") String ownerId,
            @Bind("budget") BigDecimal budget,
            @Bind("slip") BigDecimal slip,
            @Bind("due") LocalDate due,
            @Bind("status") String status,
            @Bind("protected") boolean isProtected,
            @Bind("at") Instant at);

    @SqlQuery(INITIATIVE + " where i.team_id = :teamId and i.key = :key for update")
    Optional<Initiative> lock(@Bind("teamId") String teamId, @Bind("key") String key);

    @SqlUpdate("delete from initiative_services where team_id = :teamId and initiative_id = :id")
    void unlinkAll(@Bind("teamId") String teamId, @Bind("id") long initiativeId);

    @SqlUpdate("""
            insert into initiative_services (initiative_id, service_id, team_id)
            select :id, s.id, s.team_id from services s where s.team_id = :teamId and s.active and s.key in (<keys>)""")
    void link(@Bind("teamId") String teamId, @Bind("id") long initiativeId, @BindList("keys") List<String> serviceKeys);
}
