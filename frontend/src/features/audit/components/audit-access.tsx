import { Outlet } from 'react-router';
import { NotAllowed } from '@/components/not-allowed';
import { useAuth } from '@/lib/auth';
import { canAudit } from '@/lib/roles';

/** The audit pages are for the owner and auditors; anybody else who opens the URL is told so. */
export function AuditAccess() {
  const { user } = useAuth();
  if (!canAudit(user)) {
    return <NotAllowed>Only the agency’s owner and auditors can see the audit log.</NotAllowed>;
  }
  return <Outlet />;
}
