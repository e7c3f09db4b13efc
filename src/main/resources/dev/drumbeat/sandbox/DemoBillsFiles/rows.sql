-- The demo's charges as rows of a bill: a daily charge becomes one row a day, its amount shared evenly and the last
-- day taking what is left, so the rows add up to the charge exactly; any other charge is one row for its period.
-- Amounts turn from millionths into dollars here. Runs in DuckDB, over the charges DemoBillsFiles appended.
create table focus_rows as
select c.*,
       case when c.daily then c.from_day + cast(d.i as integer) else c.from_day end as charge_start,
       case when c.daily then c.from_day + cast(d.i + 1 as integer) else c.to_day end as charge_end,
       cast(case when not c.daily then c.effective
                 when d.i = c.span - 1 then c.effective - (c.effective // c.span) * (c.span - 1)
                 else c.effective // c.span end as decimal(18, 0)) * cast(0.000001 as decimal(7, 6)) as effective_cost,
       cast(case when not c.daily then c.billed
                 when d.i = c.span - 1 then c.billed - (c.billed // c.span) * (c.span - 1)
                 else c.billed // c.span end as decimal(18, 0)) * cast(0.000001 as decimal(7, 6)) as billed_cost
  from (select *, case when daily then datediff('day', from_day, to_day) else 1 end as span from charges) c
  join range(0, 31) d(i) on d.i < c.span
