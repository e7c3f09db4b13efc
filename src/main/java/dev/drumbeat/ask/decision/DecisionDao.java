package dev.drumbeat.ask.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Decisions leadership recorded from the advisor's answers, and the services and initiatives they deprioritised. */
@RegisterConstructorMapper(DecisionDao.Decision.class)
@RegisterConstructorMapper(DecisionDao.Item.class)
@RegisterConstructorMapper(DecisionDao.Subject.class)
@RegisterConstructorMapper(DecisionDao.Message.class)
public interface DecisionDao {

    /** A recorded decision; {@code undoneBy} and {@code undoneAt} are set once it was undone. */
    record Decision(
            long id,
            String teamId,
            Optional<Long> askId,
            String question,
            BigDecimal targetMonthly,
            BigDecimal expectedSaving,
            String decidedBy,
            Instant decidedAt,
            Optional<String> undoneBy,
            Optional<Instant> undoneAt) {
        public boolean isUndone() {
            return undoneAt.isPresent();
        }
    }

    /** What a decision deprioritised, as it was when recorded. */
    record Item(
            long decisionId,
            String subjectKind,
            long subjectId,
            String key,
            String name,
            Optional<String> ownerId,
            BigDecimal monthlySaving) {}

    /** A service or initiative as it is now: whether it is still there and what, if anything, deprioritised it. */
    record Subject(long id, String key, String name, boolean live, Optional<Long> deprioritisedBy) {}

    /** A message in a channel or thread that shows the decision as recorded. */
    record Message(String channel, String ts) {}

    String DECISION = "select id, team_id, ask_id, question, target_monthly, expected_saving, decided_by, decided_at,"
            + " undone_by, undone_at from decisions";

    @SqlQuery(DECISION + " where team_id = :teamId and id = :id")
    Optional<Decision> find(@Bind("teamId") String teamId, @Bind("id") long id);

    @SqlQuery(DECISION + " where team_id = :teamId and id = :id for update")
    Optional<Decision> lockDecision(@Bind("teamId") String teamId, @Bind("id") long id);

    @SqlQuery(DECISION + " where team_id = :teamId and ask_id = :askId and undone_at is null")
    Optional<Decision> findStanding(@Bind("teamId") String teamId, @Bind("askId") long askId);

    /** One page of decisions, newest first. */
    @SqlQuery(DECISION + " where team_id = :teamId order by decided_at desc, id desc limit :limit offset :offset")
    List<Decision> findPage(@Bind("teamId") String teamId, @Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("select count(*) from decisions where team_id = :teamId")
    int countDecisions(@Bind("teamId") String teamId);

    @SqlQuery("select * from decision_items where team_id = :teamId and decision_id in (<ids>)"
            + " order by decision_id, monthly_saving desc, key")
    List<Item> findItems(@Bind("teamId") String teamId, @BindList("ids") List<Long> decisionIds);

    @SqlQuery("select id, key, name, active as live, deprioritised_by from services"
            + " where team_id = :teamId and id in (<ids>) order by id for update")
    List<Subject> lockServices(@Bind("teamId") String teamId, @BindList("ids") List<Long> ids);

    @SqlQuery("select id, key, name, status in ('planned', 'active') as live, deprioritised_by from initiatives"
            + " where team_id = :teamId and id in (<ids>) order by id for update")
    List<Subject> lockInitiatives(@Bind("teamId") String teamId, @BindList("ids") List<Long> ids);

    @SqlUpdate("""
            insert into decisions (team_id, ask_id, question, target_monthly, expected_saving, decided_by, decided_at)
            values (:teamId, :askId, :question, :target, :saving, :by, :at)""")
    @GetGeneratedKeys("id")
    long insert(
            @Bind("teamId") String teamId,
            @Bind("askId") long askId,
            @Bind("question") String question,
            @Bind("target") BigDecimal target,
            @Bind("saving") BigDecimal saving,
            @Bind("by") String decidedBy,
            @Bind("at") Instant at);

    @SqlUpdate("""
            insert into decision_items (decision_id, team_id, subject_kind, subject_id, key, name, owner_id, monthly_saving)
            values (:decisionId, :teamId, :kind, :id, :key, :name, :ownerId, :saving)""")
    void insertItem(
            @Bind("decisionId") long decisionId,
            @Bind("teamId") String teamId,
            @Bind("kind") String kind,
            @Bind("id") long subjectId,
            @Bind("key") String key,
            @Bind("name") String name,
            @Bind("ownerId") String ownerId,
            @Bind("saving") BigDecimal saving);

    @SqlUpdate("update services set deprioritised_by = :decisionId, updated_at = :at"
            + " where team_id = :teamId and id in (<ids>)")
    void deprioritiseServices(
            @Bind("teamId") String teamId,
            @Bind("decisionId") long decisionId,
            @BindList("ids") List<Long> ids,
            @Bind("at") Instant at);

    @SqlUpdate("update initiatives set deprioritised_by = :decisionId, updated_at = :at"
            + " where team_id = :teamId and id in (<ids>)")
    void deprioritiseInitiatives(
            @Bind("teamId") String teamId,
            @Bind("decisionId") long decisionId,
            @BindList("ids") List<Long> ids,
            @Bind("at") Instant at);

    @SqlUpdate("""
            insert into decision_messages (decision_id, team_id, channel, ts) values (:decisionId, :teamId, :channel, :ts)
            on conflict do nothing""")
    void insertMessage(
            @Bind("teamId") String teamId,
            @Bind("decisionId") long decisionId,
            @Bind("channel") String channel,
            @Bind("ts") String ts);

    @SqlQuery("select channel, ts from decision_messages where team_id = :teamId and decision_id = :decisionId"
            + " order by channel, ts")
    List<Message> findMessages(@Bind("teamId") String teamId, @Bind("decisionId") long decisionId);

    @SqlUpdate("update decisions set undone_by = :by, undone_at = :at where team_id = :teamId and id = :id")
    void markUndone(
            @Bind("teamId") String teamId, @Bind("id") long id, @Bind("by") String undoneBy, @Bind("at") Instant at);

    @SqlUpdate("update services set deprioritised_by = null, updated_at = :at"
            + " where team_id = :teamId and deprioritised_by = :decisionId")
    void restoreServices(@Bind("teamId") String teamId, @Bind("decisionId") long decisionId, @Bind("at") Instant at);

    @SqlUpdate("update initiatives set deprioritised_by = null, updated_at = :at"
            + " where team_id = :teamId and deprioritised_by = :decisionId")
    void restoreInitiatives(@Bind("teamId") String teamId, @Bind("decisionId") long decisionId, @Bind("at") Instant at);
}
