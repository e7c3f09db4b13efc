-- What `drumbeat demo` keeps across a restart, so that it resumes where it stood: where the demo's clock stood, and
-- the sandbox page's conversations (what the Slack stand-in holds and what people typed there), as JSON.
create table sandbox_state (
    team_id   text primary key references workspaces (team_id),
    clock_at  timestamptz not null,
    history   jsonb not null
);
