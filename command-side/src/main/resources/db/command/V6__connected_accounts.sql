-- One integration per client, provider and provider account (ConnectedAccounts): connecting the same GA4 property
-- or ad account twice would count its numbers twice. Written in the connect transaction, deleted on disconnect.
-- `account` is the integration's normalized settings without the currency (ConnectedAccounts.accountOf).
-- Integrations connected before this table existed hold no claim; the first disconnect of each is a no-op here.
CREATE TABLE command.connected_accounts (
    integration_id UUID PRIMARY KEY,
    client_id      UUID NOT NULL,
    provider       TEXT NOT NULL,
    account        TEXT NOT NULL,
    UNIQUE (client_id, provider, account)
);
