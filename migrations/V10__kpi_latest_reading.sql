-- Each KPI's latest reading, kept on the KPI itself, so a read over every KPI of a workspace (the advisor asks which
-- are on target for 10,000 services at once) needs no search of kpi_readings per KPI. "Latest" is what it is
-- everywhere else: the latest period; within it, the latest recorded (several sources may send one period); then the
-- highest id. Triggers keep it true for every insert, update and delete, one statement at a time, so a bulk load of
-- readings refreshes each KPI it touched once.
alter table kpis add column latest_value numeric(18, 4);
alter table kpis add column latest_period date;

create function kpis_refresh_latest(kpi_ids bigint[]) returns void language sql as $$
    update kpis k
       set latest_value = latest.value, latest_period = latest.period_start
      from (select changed.id, r.value, r.period_start
              from (select distinct unnest(kpi_ids) as id) changed
              left join lateral (select value, period_start
                                   from kpi_readings
                                  where kpi_id = changed.id
                                  order by period_start desc, recorded_at desc, id desc
                                  limit 1) r on true) latest
     where k.id = latest.id
       and (k.latest_value is distinct from latest.value or k.latest_period is distinct from latest.period_start);
$$;

-- One function for the three triggers below; each statement's changed rows arrive as its transition tables, and a
-- branch reads only the tables its event has.
create function kpi_readings_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform kpis_refresh_latest(array(select kpi_id from new_readings));
    elsif tg_op = 'DELETE' then
        perform kpis_refresh_latest(array(select kpi_id from old_readings));
    else
        perform kpis_refresh_latest(array(select kpi_id from new_readings union select kpi_id from old_readings));
    end if;
    return null;
end;
$$;

create trigger kpi_readings_latest_after_insert after insert on kpi_readings
    referencing new table as new_readings for each statement execute function kpi_readings_changed();
create trigger kpi_readings_latest_after_update after update on kpi_readings
    referencing old table as old_readings new table as new_readings for each statement execute function kpi_readings_changed();
create trigger kpi_readings_latest_after_delete after delete on kpi_readings
    referencing old table as old_readings for each statement execute function kpi_readings_changed();

select kpis_refresh_latest(array(select id from kpis));
