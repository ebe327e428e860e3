-- Billing data encrypted at rest (decision 0016): the raw payloads of stored Stripe events and the
-- customers' overage settings are sealed with Tink's AEAD under the configured data keys. Rows
-- written before this version keep their plaintext until the re-encryption command seals them
-- (POST /billing/admin/data-keys/re-encrypt); a row holds one form or the other.
alter table billing.webhook_event add column payload_sealed bytea;
alter table billing.webhook_event alter column payload drop not null;
alter table billing.webhook_event add constraint webhook_event_payload_present
    check (payload is not null or payload_sealed is not null);

alter table billing.overage_setting add column terms_sealed bytea;
alter table billing.overage_setting alter column enabled drop not null;
alter table billing.overage_setting alter column monthly_cap_cents drop not null;
alter table billing.overage_setting add constraint overage_setting_terms_present
    check (terms_sealed is not null or (enabled is not null and monthly_cap_cents is not null));

-- A known value sealed under the keys the data is written with: a start with a keyset that cannot
-- open it refuses, with a message, before a wrong key reads or writes anything.
create table billing.data_key_canary (
    id         smallint not null primary key,
    sealed     bytea    not null,
    written_at timestamp with time zone not null
);
