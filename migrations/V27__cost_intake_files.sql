-- The files that reached Drumbeat from the costs folder (DRUMBEAT_COSTS_DIR) or an upload over HTTP, each as it was
-- (size, last modified) when it was imported or refused. A folder whose files are all recorded unchanged is never
-- read again; one whose files changed (a provider rewrote its month to date) is imported again, replacing the month.
-- A refusal keeps its sentence, and the folder waits until its files change.
create table cost_intake_files (
    team_id     text not null references workspaces (team_id),
    origin      text not null check (origin in ('folder', 'upload')),
    folder      text not null,
    file_name   text not null,
    size_bytes  bigint not null,
    modified_at timestamptz not null,
    import_id   bigint references cost_imports (id),
    refused     text,
    recorded_at timestamptz not null,
    primary key (team_id, folder, file_name),
    check ((import_id is null) <> (refused is null))
);

create index cost_intake_files_by_import on cost_intake_files (import_id);
