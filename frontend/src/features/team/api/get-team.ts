import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { teamKeys, type MemberStatus, type TeamMember } from './types';

type RawMember = Partial<TeamMember> & { id?: string; roles?: string[]; status?: string };

function normalizeStatus(status: string | undefined): MemberStatus {
  const s = (status ?? 'active').toLowerCase();
  return s === 'deactivated' || s === 'invited' ? s : 'active';
}

type RawInvitation = { invitationId?: string; email?: string; role?: string; createdAt?: string };

/**
 * GET /api/team answers `{items: [members], invitations: [pending], total}` (a bare array is accepted
 * too). Pending invitations are listed after the members with status "invited".
 */
export function normalizeTeam(body: unknown): TeamMember[] {
  const items: unknown = Array.isArray(body) ? body : (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  const members: TeamMember[] = (items as RawMember[]).map((m) => ({
    userId: m.userId ?? m.id ?? m.email ?? '',
    email: m.email ?? '',
    name: m.name ?? null,
    role: m.role ?? m.roles?.[0] ?? 'VIEWER',
    status: normalizeStatus(m.status),
    createdAt: m.createdAt,
  }));
  const pending: unknown = Array.isArray(body) ? [] : (body as { invitations?: unknown } | null)?.invitations;
  const invited: TeamMember[] = Array.isArray(pending)
    ? (pending as RawInvitation[]).map((i) => ({
        userId: i.invitationId ?? i.email ?? '',
        email: i.email ?? '',
        name: null,
        role: i.role ?? 'VIEWER',
        status: 'invited' as const,
        createdAt: i.createdAt,
      }))
    : [];
  return [...members, ...invited];
}

export async function getTeam(signal?: AbortSignal): Promise<TeamMember[]> {
  return normalizeTeam(await api.get<unknown>('/api/team', { query: { size: 200 }, signal }));
}

export function getTeamQueryOptions() {
  return queryOptions({ queryKey: teamKeys.members, queryFn: ({ signal }) => getTeam(signal) });
}

const CATCH_UP_INTERVAL_MS = 1_000;
const CATCH_UP_ATTEMPTS = 10;

/**
 * A fallback for sessions restored without a known event position: the team read model may not list
 * the signed-in user yet right after signing up; poll briefly until it does.
 */
export function useTeam(currentUserId: string | undefined) {
  return useQuery({
    ...getTeamQueryOptions(),
    refetchInterval: (query) => {
      const members = query.state.data;
      const missingMe = !!currentUserId && !!members && !members.some((m) => m.userId === currentUserId);
      return missingMe && query.state.dataUpdateCount < CATCH_UP_ATTEMPTS ? CATCH_UP_INTERVAL_MS : false;
    },
  });
}
