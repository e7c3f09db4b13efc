package dev.drumbeat.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The current version of a workspace's catalog (see {@code V22__catalog_versions_and_costliest_index.sql}); empty
 * when none is known.
 */
public interface CatalogVersionDao {

    @SqlQuery("select version from catalog_versions where team_id = :teamId")
    Optional<Long> version(@Bind("teamId") String teamId);
}
