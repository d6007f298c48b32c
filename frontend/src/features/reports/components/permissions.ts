import type { Me } from '@/lib/auth';
import { canWrite } from '@/lib/roles';

// VIEWER and AUDITOR read and export reports only; the API refuses their changes with 403 anyway.

export function canEditReports(user: Me | null): boolean {
  return canWrite(user);
}
