-- The customer's billing history: every invoice Stripe told us about (invoice.* webhooks), as the
-- customer sees it. Kept apart from invoice_state, which only decides whether a payment failure
-- still counts, and holds invoices without a subscription too (one-off charges).
create table billing.invoice (
    invoice_id         varchar(255)  not null primary key,
    customer_id        varchar(64)   not null,
    subscription_id    varchar(255),
    invoice_number     varchar(255),
    status             varchar(32)   not null,
    currency           varchar(8)    not null,
    amount_due         bigint        not null,
    amount_paid        bigint        not null,
    period_start       timestamp with time zone,
    period_end         timestamp with time zone,
    created_at         timestamp with time zone not null,
    hosted_invoice_url varchar(2048),
    invoice_pdf        varchar(2048),
    last_event_created bigint        not null,
    updated_at         timestamp with time zone not null
);
create index invoice_by_customer on billing.invoice (customer_id, created_at desc, invoice_id);

-- Usage history per day reads one customer's records of one resource over a time range.
create index usage_record_by_resource_and_time on billing.usage_record (customer_id, resource, recorded_at);
