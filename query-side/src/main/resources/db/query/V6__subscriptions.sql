-- An agency's subscription as the billing page shows it (SubscriptionProjection, processing group "team").
CREATE TABLE query.subscriptions_view (
    agency_id            UUID PRIMARY KEY,
    subscription_id      UUID        NOT NULL,
    plan                 TEXT        NOT NULL,
    status               TEXT        NOT NULL,
    client_limit         INTEGER     NOT NULL,
    seat_limit           INTEGER     NOT NULL,
    monthly_price_cents  BIGINT      NOT NULL,
    currency             TEXT        NOT NULL,
    trial_ends_at        TIMESTAMPTZ,
    current_period_start TIMESTAMPTZ NOT NULL,
    current_period_end   TIMESTAMPTZ NOT NULL,
    cancel_at_period_end BOOLEAN     NOT NULL DEFAULT FALSE,
    pending_plan         TEXT,
    -- who invoices are made out to (BillingDetailsChanged); null until an owner or admin enters them
    legal_name           TEXT,
    address_lines        TEXT[],
    postal_code          TEXT,
    city                 TEXT,
    country              TEXT,
    vat_id               TEXT,
    billing_email        TEXT
);

-- The plan and its limit live in subscriptions_view now; the agency's copies were written and never read.
ALTER TABLE query.agencies_view DROP COLUMN plan, DROP COLUMN client_limit;
