-- Asking Drumbeat: each answer given (so Share and Record decision act on exactly what was shown), the
-- decisions leadership records from the advisor's answers, and what each decision deprioritised.

create table asks (
    id          bigserial primary key,
    team_id     text not null references workspaces (team_id),
    asked_by    text not null,
    question    text not null,
    kind        text not null,
    blocks      jsonb not null,
    fallback    text not null,
    advice      jsonb,
    created_at  timestamptz not null
);
create index asks_team on asks (team_id, created_at);

create table decisions (
    id               bigserial primary key,
    team_id          text not null references workspaces (team_id),
    ask_id           bigint references asks (id),
    question         text not null,
    target_monthly   numeric(14, 2) not null,
    expected_saving  numeric(14, 2) not null,
    decided_by       text not null,
    decided_at       timestamptz not null,
    undone_by        text,
    undone_at        timestamptz,
    unique (team_id, id)
);
create index decisions_team on decisions (team_id, decided_at desc);
-- An answer is recorded once while the decision stands; after an undo it may be recorded again.
create unique index decisions_one_per_ask on decisions (ask_id) where undone_at is null;

create table decision_items (
    decision_id     bigint not null references decisions (id) on delete cascade,
    team_id         text not null references workspaces (team_id),
    subject_kind    text not null check (subject_kind in ('service', 'initiative')),
    subject_id      bigint not null,
    key             text not null,
    name            text not null,
    owner_id        text,
    monthly_saving  numeric(14, 2) not null,
    primary key (decision_id, subject_kind, subject_id)
);

-- Messages everyone sees that show a decision as recorded (a shared answer, a thread answer), so an undo can
-- say so in the same place.
create table decision_messages (
    decision_id  bigint not null references decisions (id) on delete cascade,
    team_id      text not null references workspaces (team_id),
    channel      text not null,
    ts           text not null,
    primary key (decision_id, channel, ts)
);

-- The standing decision that deprioritised a service or initiative, always one of its own workspace's; cleared
-- when it is undone.
alter table services add column deprioritised_by bigint;
alter table services add foreign key (team_id, deprioritised_by) references decisions (team_id, id);
create index services_deprioritised on services (deprioritised_by) where deprioritised_by is not null;
alter table initiatives add column deprioritised_by bigint;
alter table initiatives add foreign key (team_id, deprioritised_by) references decisions (team_id, id);
create index initiatives_deprioritised on initiatives (deprioritised_by) where deprioritised_by is not null;
