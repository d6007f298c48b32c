package com.webprometrics.command.billing;

import java.util.UUID;

/**
 * Whether an agency's subscription lets it change anything: a suspended or canceled agency can sign in, read, export
 * and pay, and nothing else — its API writes, accepting its invitations and its scheduled work stop until it pays
 * or resumes.
 */
public interface BillingStanding {

    /** @throws com.webprometrics.platform.web.ProblemException 402 naming the subscription when it is not */
    void requireGoodStanding(UUID agencyId);

    /** Whether the agency's subscription is canceled: the agency is closed. */
    boolean isCanceled(UUID agencyId);

    /**
     * The SQL condition that leaves out rows of agencies not in good standing; {@code agencyIdColumn} is qualified
     * with its table (unqualified, it would name the standing table's own column).
     */
    static String inGoodStanding(String agencyIdColumn) {
        return "NOT EXISTS (SELECT 1 FROM command.billing_standing b WHERE b.agency_id = " + agencyIdColumn
                + " AND b.status <> 'ok')";
    }
}
