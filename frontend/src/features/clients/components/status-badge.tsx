import type { ClientStatus } from '../api/types';

export function StatusBadge({ status }: { status: ClientStatus }) {
  return <span className={`badge badge--${status}`}>{status === 'active' ? 'Active' : 'Archived'}</span>;
}
