import { hasAnyRole, type Me } from '@/lib/auth';

// VIEWER and AUDITOR read and export reports only; the API refuses their changes with 403 anyway.
const REPORT_WRITERS = ['OWNER', 'ADMIN', 'ANALYST'] as const;

export function canEditReports(user: Me | null): boolean {
  return hasAnyRole(user, REPORT_WRITERS);
}
