-- Overage protection: per customer and metered resource, whether the product may buy top-up packs
-- when usage would pass the limit, and the monthly spend cap for them. The row is also the lock
-- that makes concurrent purchases for one customer and resource happen one after the other.
create table billing.overage_setting (
    customer_id       varchar(64)  not null,
    resource          varchar(32)  not null,
    enabled           boolean      not null,
    monthly_cap_cents bigint       not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(200) not null,
    primary key (customer_id, resource)
);

-- Each pack bought: numbered per customer, resource and month; the payment's idempotency key names
-- exactly that (so a retried purchase never buys twice) and is the row's id. A pack whose payment
-- failed stays, with status failed, and no longer raises the limit.
create table billing.top_up (
    idempotency_key varchar(255) not null primary key,
    customer_id     varchar(64)  not null,
    resource        varchar(32)  not null,
    period_start    timestamp with time zone not null,
    pack_number     integer      not null,
    quantity        bigint       not null,
    amount          bigint       not null,
    currency        varchar(8)   not null,
    status          varchar(16)  not null,
    invoice_id      varchar(255),
    bought_at       timestamp with time zone not null,
    constraint top_up_pack unique (customer_id, resource, period_start, pack_number)
);
create index top_up_by_invoice on billing.top_up (invoice_id);
