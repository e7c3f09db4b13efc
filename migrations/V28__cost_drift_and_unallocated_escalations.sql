-- Costs from the bills escalate too: a service's cost drifting up (a steady rise, or a one-month spike), and spend no
-- allocation rule took, which is about the workspace's bills as a whole rather than one service ('bills', id 0).

alter table escalations drop constraint escalations_subject_kind_check;
alter table escalations add constraint escalations_subject_kind_check
    check (subject_kind in ('service', 'initiative', 'bills'));

alter table escalations drop constraint escalations_reason_check;
alter table escalations add constraint escalations_reason_check
    check (reason in ('stale', 'ownerless', 'red_streak', 'kpi_off_target', 'initiative_slipping', 'away_uncovered',
                      'cost_drift', 'unallocated_spend'));

-- The thresholds, in whole per cent. See the README's table for why these defaults.
alter table escalation_settings
    add column drift_trend_percent integer not null default 10 check (drift_trend_percent between 1 and 100),
    add column drift_spike_percent integer not null default 25 check (drift_spike_percent between 1 and 1000),
    add column unallocated_percent integer not null default 5 check (unallocated_percent between 1 and 100);
