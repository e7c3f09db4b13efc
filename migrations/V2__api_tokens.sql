-- API tokens let machines (monitoring, scripts) call Drumbeat's admin API. Only the SHA-256 hash of a
-- token is stored: the token itself is shown once, to the admin who created it, and never again.

create table api_tokens (
    id            bigserial primary key,
    team_id       text not null references workspaces (team_id),
    label         text not null check (label ~ '^[A-Za-z0-9._-]{1,40}$'),
    token_hash    text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_by    text not null,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    foreign key (team_id, created_by) references people (team_id, user_id)
);

-- A label names one live token, so `/drumbeat token revoke <label>` is never ambiguous.
create unique index api_tokens_live_label on api_tokens (team_id, label) where revoked_at is null;
