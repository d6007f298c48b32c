-- The card renewals charge (PaymentMethodSaved): what identifies it to a person, nothing more.
ALTER TABLE query.subscriptions_view
    ADD COLUMN card_brand     TEXT,
    ADD COLUMN card_last4     TEXT,
    ADD COLUMN card_exp_month INTEGER,
    ADD COLUMN card_exp_year  INTEGER;
