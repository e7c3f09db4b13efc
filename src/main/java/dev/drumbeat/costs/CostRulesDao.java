package dev.drumbeat.costs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A workspace's allocation rules, and the shares of each, in order. */
interface CostRulesDao {

    /** One rule's match and one of its shares; a rule with a split has a row per service. */
    record ShareRow(
            int position, String matchKind, String matchKey, String matchValue, long serviceId, BigDecimal percent) {}

    @SqlQuery("""
            select r.position, r.match_kind, r.match_key, r.match_value, s.service_id, s.percent
              from cost_rules r
              join cost_rule_shares s on s.team_id = r.team_id and s.position = r.position
             where r.team_id = :teamId
             order by r.position, s.service_id""")
    @RegisterConstructorMapper(ShareRow.class)
    List<ShareRow> shares(@Bind("teamId") String teamId);

    @SqlQuery("select key, id from services where team_id = :teamId and active")
    @KeyColumn("key")
    @ValueColumn("id")
    Map<String, Long> serviceIds(@Bind("teamId") String teamId);

    /** Every service's key by id, retired ones too, so rules naming them can be written back. */
    @SqlQuery("select id, key from services where team_id = :teamId")
    @KeyColumn("id")
    @ValueColumn("key")
    Map<Long, String> serviceKeys(@Bind("teamId") String teamId);

    @SqlUpdate("delete from cost_rules where team_id = :teamId")
    void deleteAll(@Bind("teamId") String teamId);

    @SqlUpdate("""
            insert into cost_rules (team_id, position, match_kind, match_key, match_value)
            values (:teamId, :position, :kind, :key, :value)""")
    void insertRule(
            @Bind("teamId") String teamId,
            @Bind("position") int position,
            @Bind("kind") String kind,
            @Bind("key") String key,
            @Bind("value") String value);

    @SqlUpdate("""
            insert into cost_rule_shares (team_id, position, service_id, percent)
            values (:teamId, :position, :serviceId, :percent)""")
    void insertShare(
            @Bind("teamId") String teamId,
            @Bind("position") int position,
            @Bind("serviceId") long serviceId,
            @Bind("percent") BigDecimal percent);
}
