-- Rules changed but the months already imported not yet allocated by them again: written in the transaction that
-- changes the rules, removed once the re-allocation is done, so a stop in between is finished later, never lost.
create table cost_reallocations_due (
    team_id      text primary key references workspaces (team_id),
    requested_by text not null,
    requested_at timestamptz not null
);
