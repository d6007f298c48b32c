-- OAuth integrations exist before they are authorized: status 'pending' until IntegrationAuthorized.
ALTER TABLE query.integrations_view DROP CONSTRAINT integrations_view_status_check;
ALTER TABLE query.integrations_view ADD CONSTRAINT integrations_view_status_check
    CHECK (status IN ('pending', 'connected', 'syncing', 'error', 'disconnected'));
