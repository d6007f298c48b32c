import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { teamKeys, type MemberStatus, type TeamMember } from './types';

type RawMember = Partial<TeamMember> & { id?: string; roles?: string[]; status?: string };

function normalizeStatus(status: string | undefined): MemberStatus {
  const s = (status ?? 'active').toLowerCase();
  return s === 'deactivated' || s === 'invited' ? s : 'active';
}

/** GET /api/team may answer a bare array or a page object; both become a list of members. */
export function normalizeTeam(body: unknown): TeamMember[] {
  const items: unknown = Array.isArray(body) ? body : (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  return (items as RawMember[]).map((m) => ({
    userId: m.userId ?? m.id ?? m.email ?? '',
    email: m.email ?? '',
    name: m.name ?? null,
    role: m.role ?? m.roles?.[0] ?? 'VIEWER',
    status: normalizeStatus(m.status),
    createdAt: m.createdAt,
  }));
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
 * Signup and accepting an invitation answer without an event position, so the team read model
 * may not list the signed-in user yet; poll briefly until it does.
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
