-- How many deliveries of a stored event failed to apply: the alert "an event failing after its
-- retries" fires when it reaches billing.alert.webhook-event-failures.
alter table billing.webhook_event add column failures integer not null default 0;

-- The usage alerts raised: one row per customer, resource, usage month and threshold (80, 95), so
-- that crossing a threshold alerts once per period, on one instance, however often usage is
-- recorded above it.
create table billing.usage_alert (
    customer_id  varchar(64) not null,
    resource     varchar(32) not null,
    period_start timestamp with time zone not null,
    percent      integer     not null,
    raised_at    timestamp with time zone not null,
    primary key (customer_id, resource, period_start, percent)
);
