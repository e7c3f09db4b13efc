package dev.drumbeat.ask;

import dev.drumbeat.ask.decision.DecisionService;
import dev.drumbeat.core.ServiceMatcher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The small reads behind answers, and the answers themselves as given. */
@RegisterConstructorMapper(AskDao.ServiceFact.class)
@RegisterConstructorMapper(AskDao.StoredAsk.class)
public interface AskDao {

    /** One service's owner, deputy and economics, for "who owns", "who is the deputy" and "unit cost". */
    record ServiceFact(
            String key,
            String name,
            String tier,
            Optional<String> ownerId,
            boolean ownerActive,
            Optional<String> deputyId,
            BigDecimal unitCost,
            String unitName,
            BigDecimal monthlyDemand,
            BigDecimal monthlyValue,
            boolean deprioritised) {
        BigDecimal monthlyCost() {
            return unitCost.multiply(monthlyDemand);
        }

        BigDecimal margin() {
            return monthlyValue.subtract(monthlyCost());
        }
    }

    /** An answer as it was given, so Share and Record decision act on exactly what the asker saw. */
    record StoredAsk(
            long id,
            String teamId,
            String askedBy,
            String question,
            String kind,
            String blocks,
            String fallback,
            Optional<String> advice) {
        public DecisionService.Proposal proposal() {
            return new DecisionService.Proposal(id, question, advice);
        }
    }

    String FACT = """
            select s.key, s.name, s.tier, s.owner_id, (o.user_id is not null and not o.deactivated) as owner_active,
                   d.user_id as deputy_id, s.unit_cost, s.unit_name, s.monthly_demand, s.monthly_value,
                   s.deprioritised_by is not null as deprioritised
              from services s
              left join people o on o.team_id = s.team_id and o.user_id = s.owner_id
              left join people d on d.team_id = s.team_id and d.user_id = s.deputy_id and not d.deactivated
             where s.team_id = :teamId and s.active""";

    @SqlQuery(FACT + " and s.key = :key")
    Optional<ServiceFact> service(@Bind("teamId") String teamId, @Bind("key") String key);

    /** The costliest active services, most first. */
    @SqlQuery(FACT + " order by s.unit_cost * s.monthly_demand desc, s.key limit :limit")
    List<ServiceFact> costliest(@Bind("teamId") String teamId, @Bind("limit") int limit);

    /** Active services whose value is below their cost, worst margin first. */
    @SqlQuery(FACT + " and s.monthly_value < s.unit_cost * s.monthly_demand"
            + " order by s.monthly_value - s.unit_cost * s.monthly_demand, s.key")
    List<ServiceFact> negativeMargin(@Bind("teamId") String teamId);

    /** Active services with no owner, or an owner who left Slack, costliest first. */
    @SqlQuery(FACT + " and (o.user_id is null or o.deactivated) order by s.unit_cost * s.monthly_demand desc, s.key")
    List<ServiceFact> ownerless(@Bind("teamId") String teamId);

    @SqlQuery(FACT + " and s.owner_id = :userId order by s.unit_cost * s.monthly_demand desc, s.key limit :limit")
    List<ServiceFact> ownedBy(@Bind("teamId") String teamId, @Bind("userId") String userId, @Bind("limit") int limit);

    @SqlQuery("select key, name from services where team_id = :teamId and active order by key")
    @RegisterConstructorMapper(ServiceMatcher.Candidate.class)
    List<ServiceMatcher.Candidate> serviceNames(@Bind("teamId") String teamId);

    @SqlQuery(
            "select key, name from initiatives where team_id = :teamId and status in ('planned', 'active') order by key")
    @RegisterConstructorMapper(ServiceMatcher.Candidate.class)
    List<ServiceMatcher.Candidate> initiativeNames(@Bind("teamId") String teamId);

    /** Everyone who owns an active service or an open initiative, by Slack user id and the name people know. */
    String OWNER_NAMES = """
            select p.user_id as key, coalesce(nullif(p.real_name, ''), p.name) as name
              from people p
             where p.team_id = :teamId and not p.deactivated
               and (exists (select 1 from services s
                             where s.team_id = p.team_id and s.owner_id = p.user_id and s.active)
                    or exists (select 1 from initiatives i
                                where i.team_id = p.team_id and i.owner_id = p.user_id
                                  and i.status in ('planned', 'active')))""";

    @SqlQuery(OWNER_NAMES + " order by p.user_id")
    @RegisterConstructorMapper(ServiceMatcher.Candidate.class)
    List<ServiceMatcher.Candidate> ownerNames(@Bind("teamId") String teamId);

    @SqlQuery(
            "select 'o' || id as key, title as name from objectives where team_id = :teamId and status = 'open' order by id")
    @RegisterConstructorMapper(ServiceMatcher.Candidate.class)
    List<ServiceMatcher.Candidate> objectiveNames(@Bind("teamId") String teamId);

    @SqlUpdate("""
            insert into asks (team_id, asked_by, question, kind, blocks, fallback, advice, created_at)
            values (:teamId, :askedBy, :question, :kind, cast(:blocks as jsonb), :fallback, cast(:advice as jsonb), :at)""")
    @GetGeneratedKeys("id")
    long insert(
            @Bind("teamId") String teamId,
            @Bind("askedBy") String askedBy,
            @Bind("question") String question,
            @Bind("kind") String kind,
            @Bind("blocks") String blocks,
            @Bind("fallback") String fallback,
            @Bind("advice") String advice,
            @Bind("at") Instant at);

    @SqlQuery("""
            select id, team_id, asked_by, question, kind, cast(blocks as text) as blocks, fallback,
                   cast(advice as text) as advice
              from asks where team_id = :teamId and id = :id""")
    Optional<StoredAsk> find(@Bind("teamId") String teamId, @Bind("id") long id);
}
