-- "Send now" e-mails go to addresses the caller names: at most wpm.reports.manual-sends-per-hour of them per agency
-- and fixed hour window (ManualSendBudget), so a stolen token cannot turn the SMTP relay into a spam cannon.
CREATE TABLE command.manual_send_budget (
    agency_id    UUID PRIMARY KEY,
    window_start TIMESTAMPTZ NOT NULL,
    used         INTEGER     NOT NULL
);
