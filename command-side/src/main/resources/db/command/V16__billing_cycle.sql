-- The one gapless series of invoice numbers per issuer series (InvoiceSeriesTable): the last number issued, kept from
-- InvoiceIssued. A finalisation locks the row from the moment it takes the next number until it commits.
CREATE TABLE command.invoice_series (
    series      TEXT PRIMARY KEY,
    last_number BIGINT NOT NULL
);

-- Whether an agency may write (BillingStandingTable): suspended and canceled subscriptions answer writes with 402.
CREATE TABLE command.billing_standing (
    agency_id       UUID PRIMARY KEY,
    subscription_id UUID NOT NULL,
    status          TEXT NOT NULL
);

-- Axon's saga store (RenewalProcess), PostgreSQL types as Axon's PostgresSagaSqlSchema declares them.
CREATE TABLE command.saga_entry (
    saga_id         VARCHAR(255) PRIMARY KEY,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA
);
CREATE TABLE command.association_value_entry (
    id                BIGSERIAL PRIMARY KEY,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_type         VARCHAR(255) NOT NULL,
    saga_id           VARCHAR(255) NOT NULL
);
CREATE INDEX association_value_entry_saga ON command.association_value_entry (saga_type, association_key,
    association_value);
CREATE INDEX association_value_entry_id ON command.association_value_entry (saga_id, saga_type);

-- db-scheduler's table: the renewal process's deadlines, persistent and fired once across instances.
CREATE TABLE command.scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON command.scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON command.scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON command.scheduled_tasks (priority DESC, execution_time ASC);

INSERT INTO command.table_rebuilds (requested_by) VALUES ('V16__billing_cycle');

-- Whose is a card or a payment the provider names (PaymentReferencesTable): refunds, disputes and detached cards
-- arrive without our metadata.
CREATE TABLE command.payment_references (
    reference       TEXT PRIMARY KEY,
    subscription_id UUID NOT NULL
);
