-- A pushed reading remembers the API token that sent it, so the service card can say "pushed by token `grafana`"
-- rather than guess among its admin's tokens. Null for readings typed, measured, or pushed before this.
alter table kpi_readings add column api_token_id bigint references api_tokens (id) on delete set null;
