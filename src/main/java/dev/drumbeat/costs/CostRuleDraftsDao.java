package dev.drumbeat.costs;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rules written but not applied yet, and the rules an apply replaced, each applied or discarded once. */
interface CostRuleDraftsDao {

    @SqlUpdate("""
            insert into cost_rule_drafts (team_id, csv, made_by, made_at)
            values (:teamId, :csv, :by, :at)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("teamId") String teamId, @Bind("csv") String csv, @Bind("by") String by, @Bind("at") Instant at);

    /** The draft's rules, once it is marked {@code state}; empty when it is not (or no longer) a draft. */
    @SqlQuery("""
            update cost_rule_drafts set state = :state
             where team_id = :teamId and id = :id and state = 'draft'
            returning csv""")
    Optional<String> settle(@Bind("teamId") String teamId, @Bind("id") long id, @Bind("state") String state);

    /** What became of a draft: {@code applied} or {@code discarded}, or empty when there never was one. */
    @SqlQuery("select state from cost_rule_drafts where team_id = :teamId and id = :id")
    Optional<String> state(@Bind("teamId") String teamId, @Bind("id") long id);
}
