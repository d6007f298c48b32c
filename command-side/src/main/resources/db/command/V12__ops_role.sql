-- The platform role OPS is granted by an operator on the machine (./wpm ops grant), recorded as OpsRoleGranted /
-- OpsRoleRevoked on the user's account and kept here from those events (no longer an e-mail list in the settings).
ALTER TABLE command.user_accounts ADD COLUMN ops BOOLEAN NOT NULL DEFAULT FALSE;
