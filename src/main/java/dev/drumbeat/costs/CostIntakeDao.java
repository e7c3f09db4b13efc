package dev.drumbeat.costs;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The files that came in through the costs folder or an upload, as they were when imported or refused. */
interface CostIntakeDao {

    @SqlQuery("select team_id from workspaces order by team_id")
    List<String> workspaces();

    @SqlQuery("""
            select file_name as name, size_bytes as size, modified_at as modified from cost_intake_files
             where team_id = :teamId and folder = :folder""")
    @RegisterConstructorMapper(CostIntakeFile.class)
    List<CostIntakeFile> recorded(@Bind("teamId") String teamId, @Bind("folder") String folder);

    @SqlUpdate("delete from cost_intake_files where team_id = :teamId and folder = :folder")
    void forget(@Bind("teamId") String teamId, @Bind("folder") String folder);

    @SqlUpdate("""
            insert into cost_intake_files (team_id, origin, folder, file_name, size_bytes, modified_at, import_id,
                                           refused, recorded_at)
            values (:teamId, :origin, :folder, :name, :size, :modified, :importId, :refused, :at)""")
    void record(
            @Bind("teamId") String teamId,
            @Bind("origin") String origin,
            @Bind("folder") String folder,
            @Bind("name") String name,
            @Bind("size") long size,
            @Bind("modified") Instant modified,
            @Bind("importId") Long importId,
            @Bind("refused") String refused,
            @Bind("at") Instant at);
}
