-- Costs from the bills: each FOCUS import and, per billing account and invoice month, what the bills came to. An
-- account's month imported again replaces the one before (never counted twice); cost_imports keeps where each came
-- from. The raw rows stay in the files.

create table cost_imports (
    id          bigserial primary key,
    team_id     text not null references workspaces (team_id),
    source      text not null,
    row_count   bigint not null,
    imported_by text not null,
    imported_at timestamptz not null
);

create table cost_periods (
    team_id              text not null references workspaces (team_id),
    billing_account_id   text not null,
    billing_period_start timestamptz not null,
    currency             text not null,
    import_id            bigint not null references cost_imports (id),
    row_count            bigint not null,
    effective_cost       numeric(20, 6) not null,
    billed_cost          numeric(20, 6) not null,
    primary key (team_id, billing_account_id, billing_period_start)
);

-- Amortised cost per charge category (Usage, Purchase, Tax, Credit, Adjustment), so credits and tax show apart.
create table cost_period_charges (
    team_id              text not null,
    billing_account_id   text not null,
    billing_period_start timestamptz not null,
    charge_category      text not null,
    effective_cost       numeric(20, 6) not null,
    primary key (team_id, billing_account_id, billing_period_start, charge_category),
    foreign key (team_id, billing_account_id, billing_period_start)
        references cost_periods (team_id, billing_account_id, billing_period_start) on delete cascade
);
