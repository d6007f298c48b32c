import { useState } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { useChangeRole, useDeactivateMember } from '../api/update-member';
import { TEAM_ROLES, roleLabels, type TeamMember } from '../api/types';
import { EraseMember } from './erase-member';

type MembersTableProps = {
  members: TeamMember[];
  currentUserId: string;
  canManage: boolean;
  canGrantOwner: boolean;
  /** The owner may erase a deactivated member's personal data. */
  canErase: boolean;
};

const statusLabels = { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' } as const;

export function MembersTable({ members, currentUserId, canManage, canGrantOwner, canErase }: MembersTableProps) {
  const changeRole = useChangeRole();
  const deactivate = useDeactivateMember();
  const [confirming, setConfirming] = useState<string>();
  const roles = TEAM_ROLES.filter((r) => r !== 'OWNER' || canGrantOwner);

  return (
    <>
      <ErrorBanner error={changeRole.error ?? deactivate.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const label = m.name || m.email;
              const manageable = canManage && m.userId !== currentUserId && m.status === 'active';
              return (
                <tr key={m.userId}>
                  <td className="table__primary">
                    {m.name || '—'}
                    {m.userId === currentUserId && <span className="table__secondary"> (you)</span>}
                  </td>
                  <td>{m.email}</td>
                  <td>
                    {manageable ? (
                      <>
                        <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                          Role for {label}
                        </label>
                        <select
                          id={`role-${m.userId}`}
                          className="input input--compact"
                          value={m.role}
                          disabled={changeRole.isPending}
                          onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value })}
                        >
                          {(roles as readonly string[]).includes(m.role) ? null : <option value={m.role}>{roleLabels[m.role] ?? m.role}</option>}
                          {roles.map((r) => (
                            <option key={r} value={r}>
                              {roleLabels[r]}
                            </option>
                          ))}
                        </select>
                      </>
                    ) : (
                      (roleLabels[m.role] ?? m.role)
                    )}
                  </td>
                  <td>
                    <span className={`badge badge--${m.status}`}>{statusLabels[m.status]}</span>
                  </td>
                  {canManage && (
                    <td className="table__actions">
                      {manageable && confirming !== m.userId && (
                        <button type="button" className="button button--ghost" aria-label={`Deactivate ${label}`} onClick={() => setConfirming(m.userId)}>
                          Deactivate
                        </button>
                      )}
                      {manageable && confirming === m.userId && (
                        <span className="confirm">
                          <button
                            type="button"
                            className="button button--danger"
                            disabled={deactivate.isPending}
                            onClick={() => deactivate.mutate(m.userId, { onSettled: () => setConfirming(undefined) })}
                          >
                            Confirm deactivation
                          </button>
                          <button type="button" className="button button--ghost" onClick={() => setConfirming(undefined)}>
                            Cancel
                          </button>
                        </span>
                      )}
                      {canErase && m.status === 'deactivated' && <EraseMember member={m} />}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
