-- Every Stripe event received, stored before it is acknowledged. The primary key on Stripe's
-- event id is what makes a second delivery (also a concurrent one) count once.
create table billing.webhook_event (
    event_id     varchar(255) not null primary key,
    event_type   varchar(100) not null,
    created      bigint       not null,
    api_version  varchar(50),
    payload      text         not null,
    status       varchar(16)  not null,
    detail       varchar(1000),
    received_at  timestamp with time zone not null,
    processed_at timestamp with time zone
);
create index webhook_event_by_status on billing.webhook_event (status, received_at);

-- Our customer id for each Stripe customer, remembered when first seen.
create table billing.stripe_customer (
    customer_id        varchar(64)  not null primary key,
    stripe_customer_id varchar(255) not null unique
);
