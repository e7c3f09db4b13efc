package dev.drumbeat.people;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Workspaces and the people in them. */
@RegisterConstructorMapper(Person.class)
public interface PeopleDao {

    /** Someone who owns something, by workspace and user id. */
    record Owner(String teamId, String userId) {}

    @SqlUpdate("insert into workspaces (team_id, name) values (:teamId, :name) on conflict (team_id) do nothing")
    void ensureWorkspace(@Bind("teamId") String teamId, @Bind("name") String name);

    /** Records the workspace Slack says the bot is in; a name already known is kept. */
    @SqlUpdate("""
            insert into workspaces (team_id, name) values (:teamId, :name)
            on conflict (team_id) do update set name = excluded.name where workspaces.name = ''""")
    void knowWorkspace(@Bind("teamId") String teamId, @Bind("name") String name);

    @SqlQuery("select team_id from workspaces order by created_at")
    List<String> workspaces();

    /** Learns a person from a request: keeps the role and time zone already known. */
    @SqlUpdate("""
            insert into people (team_id, user_id, name) values (:teamId, :userId, :name)
            on conflict (team_id, user_id) do update set name = excluded.name, updated_at = now()
             where people.name is distinct from excluded.name""")
    void seen(@Bind("teamId") String teamId, @Bind("userId") String userId, @Bind("name") String name);

    /** Stores a person as Slack describes them (users.info, users.list). */
    @SqlUpdate("""
            insert into people (team_id, user_id, name, real_name, tz, deactivated)
            values (:p.teamId, :p.userId, :p.name, :p.realName, :p.tz, :p.deactivated)
            on conflict (team_id, user_id) do update set name = excluded.name, real_name = excluded.real_name,
                   tz = excluded.tz, deactivated = excluded.deactivated, updated_at = now()""")
    void upsertFromSlack(@BindMethods("p") Person person);

    @SqlUpdate("insert into people (team_id, user_id, name, real_name, tz, deactivated, role) "
            + "values (:p.teamId, :p.userId, :p.name, :p.realName, :p.tz, :p.deactivated, lower(:p.role)) "
            + "on conflict (team_id, user_id) do nothing")
    void insertIfAbsent(@BindMethods("p") Person person);

    @SqlUpdate("update people set deactivated = true, updated_at = now() where team_id = :teamId and user_id = :userId")
    int deactivate(@Bind("teamId") String teamId, @Bind("userId") String userId);

    @SqlQuery("select * from people where team_id = :teamId and user_id = :userId")
    Optional<Person> find(@Bind("teamId") String teamId, @Bind("userId") String userId);

    @SqlQuery("select * from people where team_id = :teamId order by lower(name)")
    List<Person> all(@Bind("teamId") String teamId);

    @SqlQuery("""
            select * from people where team_id = :teamId
               and (lower(name) = lower(:name) or lower(real_name) = lower(:name) or user_id = :name)""")
    List<Person> findByName(@Bind("teamId") String teamId, @Bind("name") String name);

    /** The time zone Slack gave a person, if Drumbeat knows them. */
    @SqlQuery("select tz from people where team_id = :teamId and user_id = :userId")
    Optional<String> findTz(@Bind("teamId") String teamId, @Bind("userId") String userId);

    /** Everyone not deactivated who owns an active service or an initiative not done or cancelled, in every workspace. */
    @SqlQuery("""
            select p.team_id, p.user_id from people p
             where not p.deactivated
               and (exists (select 1 from services s where s.team_id = p.team_id and s.owner_id = p.user_id and s.active)
                 or exists (select 1 from initiatives i where i.team_id = p.team_id and i.owner_id = p.user_id
                                                         and i.status not in ('done', 'cancelled')))
             order by p.team_id, p.user_id""")
    @RegisterConstructorMapper(Owner.class)
    List<Owner> findActiveOwners();
}
