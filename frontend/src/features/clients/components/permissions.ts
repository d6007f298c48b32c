import type { Me } from '@/lib/auth';
import { canWrite } from '@/lib/roles';

// The writers of the role matrix change clients; everybody else (VIEWER, AUDITOR) reads them.

export function canEditClients(user: Me | null): boolean {
  return canWrite(user);
}
