-- Every instance reads the last two minutes of entitlement changes each second: by time, through an
-- index, instead of scanning up to an hour of changes (the table is purged hourly), which made
-- webhook ingest slow down as the table grew.
create index entitlement_change_by_time on billing.entitlement_change (changed_at);
