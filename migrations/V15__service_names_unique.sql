-- Service names are unique in a workspace, compared as the name matcher compares them: case, accents, spaces and
-- punctuation aside, so "Payments Gateway", "payments-gateway" and "PaymentsGateway" are one name. name_key holds
-- that form (core.ServiceMatcher.nameKey); Drumbeat writes it with every insert and update, and checks every save
-- against all names first, so this constraint only settles races. It is deferrable so that an import may swap
-- two names within its transaction.
--
-- Existing rows: a name in plain ASCII gets its form here, where lower case with nothing but letters and digits is
-- exactly the matcher's. Other names get theirs when next saved. Where a workspace already has several services
-- with one form, only the oldest gets it; nothing is renamed or deleted, and Drumbeat refuses to save any of them
-- until they are renamed apart, saying which service holds the name.
alter table services add column name_key text;

with plain as (
    select id, team_id, lower(regexp_replace(name, '[^A-Za-z0-9]', '', 'g')) as name_key
      from services
     where octet_length(name) = char_length(name)
), ranked as (
    select id, name_key, row_number() over (partition by team_id, name_key order by id) as nth
      from plain
     where name_key <> ''
)
update services s
   set name_key = ranked.name_key
  from ranked
 where s.id = ranked.id and ranked.nth = 1;

alter table services
    add constraint services_name_unique unique (team_id, name_key) deferrable initially immediate;
