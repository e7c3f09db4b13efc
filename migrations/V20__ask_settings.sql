-- Impact weights for `/drumbeat ask` per workspace, set by its admins with `/drumbeat settings weight-…`. A workspace
-- without a row has these defaults (the README says why). Money a month in the workspace's currency, except
-- per_value_lost, a multiplier on value lost. Never negative, so impact never is; bounded so impact sums stay exact.
create table ask_settings (
    team_id              text primary key references workspaces (team_id),
    per_value_lost       numeric(14, 4) not null default 1 check (per_value_lost between 0 and 100),
    per_kpi_on_target    numeric(14, 4) not null default 2000 check (per_kpi_on_target between 0 and 10000000),
    per_open_dependency  numeric(14, 4) not null default 5000 check (per_open_dependency between 0 and 10000000),
    per_demand_unit      numeric(14, 4) not null default 0.01 check (per_demand_unit between 0 and 1000)
);

-- Exchange rates an admin set with `/drumbeat settings rate EUR 1.08`: one unit of `currency` is `rate` of the
-- workspace's currency. A currency without a row is never converted: an amount in it is refused.
create table exchange_rates (
    team_id   text not null references workspaces (team_id),
    currency  text not null check (currency ~ '^[A-Z]{3}$'),
    rate      numeric(20, 10) not null check (rate > 0 and rate <= 1000000),
    primary key (team_id, currency)
);
