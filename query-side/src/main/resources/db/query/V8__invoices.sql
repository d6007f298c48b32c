-- An agency's invoices as issued (InvoiceProjection, processing group "team"): what was printed on them the day they
-- were finalised, and what happened to their payment since. Lines and parties are kept as issued, never re-read.
CREATE TABLE query.invoices_view (
    invoice_id            UUID PRIMARY KEY,
    agency_id             UUID        NOT NULL,
    subscription_id       UUID        NOT NULL,
    number                TEXT        NOT NULL,
    sequence              BIGINT      NOT NULL,
    kind                  TEXT        NOT NULL,
    status                TEXT        NOT NULL,
    issued_at             TIMESTAMPTZ NOT NULL,
    period_start          TIMESTAMPTZ,
    period_end            TIMESTAMPTZ,
    plan                  TEXT,
    currency              TEXT        NOT NULL,
    subtotal_cents        BIGINT      NOT NULL,
    tax_rate_basis_points INTEGER     NOT NULL,
    tax_cents             BIGINT      NOT NULL,
    total_cents           BIGINT      NOT NULL,
    reverse_charge        BOOLEAN     NOT NULL,
    tax_note              TEXT,
    lines                 JSONB       NOT NULL,
    seller                JSONB       NOT NULL,
    buyer                 JSONB       NOT NULL,
    paid_at               TIMESTAMPTZ,
    payment_intent_id     TEXT,
    attempts              INTEGER     NOT NULL DEFAULT 0,
    last_failure          TEXT,
    next_retry_at         TIMESTAMPTZ,
    refunded_cents        BIGINT      NOT NULL DEFAULT 0,
    disputed              BOOLEAN     NOT NULL DEFAULT FALSE
);

-- the billing page's list: newest first, paged by (issued_at, invoice_id)
CREATE INDEX invoices_view_agency_issued ON query.invoices_view (agency_id, issued_at DESC, invoice_id DESC);

-- Dunning and the renewal process, as the billing page and the app-wide banner show them. Times are billing time
-- (the agency's clock, which a test clock moves billing_now_offset_seconds ahead of the wall clock).
ALTER TABLE query.subscriptions_view
    ADD COLUMN open_invoice_id            UUID,
    ADD COLUMN past_due_since             TIMESTAMPTZ,
    ADD COLUMN suspended_at               TIMESTAMPTZ,
    ADD COLUMN cancels_at                 TIMESTAMPTZ,
    ADD COLUMN canceled_at                TIMESTAMPTZ,
    ADD COLUMN billing_now_offset_seconds BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN next_step                  TEXT,
    ADD COLUMN next_step_at               TIMESTAMPTZ;
