-- One row per customer (created on first contact, race-free): every change of a customer's
-- subscriptions locks it, so ordering, ties and duplicate detection are decided one at a time.
create table billing.customer_account (
    customer_id varchar(64) not null primary key,
    created_at  timestamp with time zone not null
);

-- The mirror keyed by Stripe subscription id: a customer may have several (two checkout tabs both
-- paid, one made in the dashboard); none overwrites another. A correction made by hand for a
-- customer without a Stripe subscription has the id 'manual:<customer id>'.
create table billing.subscription_mirror (
    subscription_id        varchar(255) not null primary key,
    customer_id            varchar(64)  not null,
    tier_id                varchar(16)  not null,
    status                 varchar(32)  not null,
    billing_period         varchar(8),
    stripe_customer_id     varchar(255),
    current_period_start   timestamp with time zone,
    current_period_end     timestamp with time zone,
    cycle_anchor           timestamp with time zone,
    cancel_at_period_end   boolean      not null default false,
    past_due_since         timestamp with time zone,
    last_event_created     bigint,
    deleted                boolean      not null default false,
    duplicate              boolean      not null default false,
    unknown_price_id       varchar(255),
    updated_at             timestamp with time zone not null,
    version                bigint       not null
);
create index subscription_mirror_by_customer on billing.subscription_mirror (customer_id);

insert into billing.customer_account (customer_id, created_at)
    select customer_id, updated_at from billing.customer_subscription;

insert into billing.subscription_mirror (subscription_id, customer_id, tier_id, status,
        billing_period, stripe_customer_id, current_period_start, current_period_end, cycle_anchor,
        cancel_at_period_end, past_due_since, last_event_created, deleted, updated_at, version)
    select coalesce(stripe_subscription_id, 'manual:' || customer_id), customer_id, tier_id, status,
        billing_period, stripe_customer_id, current_period_start, current_period_end, cycle_anchor,
        cancel_at_period_end, past_due_since, last_event_created, deleted, updated_at, version
    from billing.customer_subscription;

drop table billing.customer_subscription;

-- What each invoice of a subscription last said: decides whether a payment failure still counts
-- (an invoice once paid stays paid, whatever order its events arrive in).
create table billing.invoice_state (
    invoice_id      varchar(255) not null primary key,
    subscription_id varchar(255) not null,
    status          varchar(32)  not null,
    updated_at      timestamp with time zone not null
);
create index invoice_state_by_subscription on billing.invoice_state (subscription_id, status);

-- Checkout sessions this platform created: whose they are, and once applied, that a look-up can be
-- answered from the mirror without asking Stripe again.
create table billing.checkout_session (
    session_id      varchar(255) not null primary key,
    customer_id     varchar(64)  not null,
    subscription_id varchar(255),
    status          varchar(16)  not null,
    created_at      timestamp with time zone not null,
    applied_at      timestamp with time zone
);
