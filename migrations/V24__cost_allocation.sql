-- Allocating the bills to services. Rules are ordered and the first that matches a charge takes it: a tag's value,
-- a sub-account (AWS account, Azure subscription, Google project), a resource id prefix or the provider's service
-- name. A rule gives what it takes to one service, or splits it by percentages (a shared cluster 50/30/20).
create table cost_rules (
    team_id     text not null references workspaces (team_id),
    position    integer not null check (position > 0),
    match_kind  text not null check (match_kind in ('tag', 'sub-account', 'resource-prefix', 'provider-service')),
    match_key   text,
    match_value text not null,
    primary key (team_id, position),
    check ((match_kind = 'tag') = (match_key is not null))
);

create table cost_rule_shares (
    team_id    text not null,
    position   integer not null,
    service_id bigint not null references services (id),
    percent    numeric(7, 4) not null check (percent > 0 and percent <= 100),
    primary key (team_id, position, service_id),
    foreign key (team_id, position) references cost_rules (team_id, position) on delete cascade
);

-- What each service's share of an account's month came to, and what no rule took.
create table cost_allocations (
    team_id              text not null,
    billing_account_id   text not null,
    billing_period_start timestamptz not null,
    service_id           bigint not null references services (id),
    effective_cost       numeric(20, 6) not null,
    primary key (team_id, billing_account_id, billing_period_start, service_id),
    foreign key (team_id, billing_account_id, billing_period_start)
        references cost_periods (team_id, billing_account_id, billing_period_start) on delete cascade
);

alter table cost_periods add column unallocated_cost numeric(20, 6) not null default 0;

-- The largest charges no rule took, by sub-account, provider service and resource, so someone can write the rule.
create table cost_unallocated_lines (
    team_id              text not null,
    billing_account_id   text not null,
    billing_period_start timestamptz not null,
    rank                 integer not null,
    sub_account_id       text,
    service_name         text,
    resource_id          text,
    effective_cost       numeric(20, 6) not null,
    primary key (team_id, billing_account_id, billing_period_start, rank),
    foreign key (team_id, billing_account_id, billing_period_start)
        references cost_periods (team_id, billing_account_id, billing_period_start) on delete cascade
);
