import { hasAnyRole, type Me } from '@/lib/auth';
import { WRITERS } from '@/lib/roles';

// The writers of the role matrix change clients; everybody else reads them.

export function canEditClients(user: Me | null): boolean {
  return hasAnyRole(user, WRITERS);
}
