-- Which version of each workspace's catalog is current, so that an instance may keep what it built from the catalog
-- (the names questions are matched against, owners' among them, and the advisor's candidates) and learn from one row whether it still holds.
-- Every statement that changes a table those are built from notes, once per transaction and workspace, that the
-- workspace changed; as the transaction commits, the workspace's version becomes that transaction's id. So a version
-- is never used twice, not even after every row was deleted and made again, and the version's row is locked only
-- while its transaction commits: writers never wait on one another for it mid-transaction, so it adds no deadlock.
-- A change made with triggers off (session_replication_role = replica, as a restore runs) is not noted; a truncate
-- forgets every version, and a workspace with no version is read afresh each time.

create table catalog_versions (
    team_id text primary key,
    version bigint not null
);

-- Transactions under way that changed a workspace's catalog; a row lasts until its transaction commits.
create table catalog_changes (
    team_id text not null,
    xact    bigint not null,
    primary key (team_id, xact)
);

create function catalog_changed_in(teams text[]) returns void language sql as $$
    insert into catalog_changes (team_id, xact)
    select distinct changed.team_id, cast(cast(pg_current_xact_id() as text) as bigint)
      from unnest(teams) as changed (team_id)
     where changed.team_id is not null
    on conflict do nothing;
$$;

-- One function for the three triggers on each table below; a branch reads only the transition tables its event has.
create function catalog_rows_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform catalog_changed_in(array(select team_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform catalog_changed_in(array(select team_id from old_rows));
    else
        perform catalog_changed_in(array(select team_id from new_rows union select team_id from old_rows));
    end if;
    return null;
end;
$$;

create function catalog_truncated() returns trigger language plpgsql as $$
begin
    delete from catalog_versions;
    return null;
end;
$$;

-- Runs as the transaction commits (deferred), once for each workspace it changed.
create function catalog_version_at_commit() returns trigger language plpgsql as $$
begin
    insert into catalog_versions (team_id, version) values (new.team_id, new.xact)
        on conflict (team_id) do update set version = excluded.version;
    delete from catalog_changes where team_id = new.team_id and xact = new.xact;
    return null;
end;
$$;

create constraint trigger catalog_changes_at_commit after insert on catalog_changes
    deferrable initially deferred for each row execute function catalog_version_at_commit();

do $$
declare
    catalog_table text;
begin
    foreach catalog_table in array
        array['services', 'kpis', 'initiatives', 'initiative_services', 'objectives', 'key_results', 'people'] loop
        execute format('create trigger %1$s_catalog_after_insert after insert on %1$I'
                       ' referencing new table as new_rows'
                       ' for each statement execute function catalog_rows_changed()', catalog_table);
        execute format('create trigger %1$s_catalog_after_update after update on %1$I'
                       ' referencing old table as old_rows new table as new_rows'
                       ' for each statement execute function catalog_rows_changed()', catalog_table);
        execute format('create trigger %1$s_catalog_after_delete after delete on %1$I'
                       ' referencing old table as old_rows'
                       ' for each statement execute function catalog_rows_changed()', catalog_table);
        execute format('create trigger %1$s_catalog_after_truncate after truncate on %1$I'
                       ' for each statement execute function catalog_truncated()', catalog_table);
    end loop;
end;
$$;

-- "What costs the most?" (and the costliest services someone owns) read the first few of a workspace's active
-- services in this order; with it they read those few instead of sorting every service.
create index services_by_monthly_cost on services (team_id, (unit_cost * monthly_demand) desc, key) where active;
