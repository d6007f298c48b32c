import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { PlanUsage } from '@/features/billing';
import { MANAGER_ROLES, hasAnyRole, useAuth } from '@/lib/auth';
import { canErase } from '@/lib/roles';
import { useTeam } from '../api/get-team';
import { InviteForm } from '../components/invite-form';
import { MembersTable } from '../components/members-table';

export function TeamRoute() {
  const { user } = useAuth();
  const team = useTeam(user?.userId);
  const [inviting, setInviting] = useState(false);
  const canManage = hasAnyRole(user, MANAGER_ROLES);

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Team</h1>
          <p className="page__subtitle">{user?.agencyName ? `People at ${user.agencyName}` : 'People in your agency'}</p>
        </div>
        {canManage && !inviting && (
          <button type="button" className="button button--primary" onClick={() => setInviting(true)}>
            Invite
          </button>
        )}
      </header>
      {canManage && <PlanUsage kind="seats" />}
      {canManage && inviting && <InviteForm onClose={() => setInviting(false)} />}
      {team.isPending && <Spinner label="Loading team…" />}
      {team.isError && <ErrorBanner error={team.error} onRetry={() => void team.refetch()} />}
      {team.data && team.data.length === 0 && <EmptyState title="No team members yet" />}
      {team.data && team.data.length > 0 && user && (
        <MembersTable
          members={team.data}
          currentUserId={user.userId}
          canManage={canManage}
          canGrantOwner={hasAnyRole(user, ['OWNER'])}
          canErase={canErase(user)}
        />
      )}
    </section>
  );
}
