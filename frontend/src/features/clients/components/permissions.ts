import { hasAnyRole, type Me } from '@/lib/auth';

// VIEWER and AUDITOR read clients only.
const CLIENT_WRITERS = ['OWNER', 'ADMIN', 'ANALYST'] as const;

export function canEditClients(user: Me | null): boolean {
  return hasAnyRole(user, CLIENT_WRITERS);
}
