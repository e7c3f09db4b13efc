-- The read-only web dashboard. `/drumbeat dashboard` hands a person a one-time link (15 minutes); opening it starts
-- a browser session (8 hours). Only SHA-256 hashes of the link token and the session id are stored, so a database
-- dump opens nothing. The role is the one the person had when the link was issued; each request re-checks them.

create table dashboard_links (
    id          bigserial primary key,
    team_id     text not null references workspaces (team_id),
    user_id     text not null,
    role        text not null check (role in ('member', 'leadership', 'admin')),
    token_hash  text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    foreign key (team_id, user_id) references people (team_id, user_id)
);
create index dashboard_links_expiry on dashboard_links (expires_at);

create table dashboard_sessions (
    id            bigserial primary key,
    team_id       text not null references workspaces (team_id),
    user_id       text not null,
    role          text not null check (role in ('member', 'leadership', 'admin')),
    session_hash  text not null unique check (session_hash ~ '^[0-9a-f]{64}$'),
    link_id       bigint not null references dashboard_links (id) on delete cascade,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    foreign key (team_id, user_id) references people (team_id, user_id)
);
create index dashboard_sessions_expiry on dashboard_sessions (expires_at);
