-- The escalation sweep asks, for every service, when a decision that deprioritised it was last undone (check-ins
-- are owed only from then); this finds a service's decision items without reading them all.
create index decision_items_subject on decision_items (subject_kind, subject_id);
