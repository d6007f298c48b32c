-- The plan's seat limit per agency and how many of its members are active, kept from events (SeatQuotaTable): the
-- subscription's TrialStarted and PlanChanged set the limit, UserRegistered and UserDeactivated move the count. Agencies that signed
-- up before subscriptions existed have no row and no seat limit.
CREATE TABLE command.seat_quota (
    agency_id    UUID PRIMARY KEY,
    seat_limit   INT NOT NULL,
    active_seats INT NOT NULL DEFAULT 0
);
INSERT INTO command.table_rebuilds (requested_by) VALUES ('V15__seat_quota');
