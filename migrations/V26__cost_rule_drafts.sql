-- Allocation rules an admin wrote in Slack but has not applied yet, kept so the preview's Apply button can name them
-- (a button holds at most 2,000 characters), and the rules an apply replaced, kept so its Undo can put them back. A
-- draft is applied or discarded once; a second click finds it no longer a draft.
create table cost_rule_drafts (
    id         bigserial primary key,
    team_id    text not null references workspaces (team_id),
    csv        text not null,
    made_by    text not null,
    made_at    timestamptz not null,
    state      text not null default 'draft' check (state in ('draft', 'applied', 'discarded'))
);
