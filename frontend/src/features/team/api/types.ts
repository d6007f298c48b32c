export { ROLES as TEAM_ROLES, INVITABLE_ROLES } from '@/lib/roles';

export type MemberStatus = 'active' | 'deactivated' | 'invited';

export type TeamMember = {
  userId: string;
  email: string;
  name: string | null;
  role: string;
  status: MemberStatus;
  createdAt?: string;
};

export const teamKeys = { all: ['team'] as const, members: ['team', 'members'] as const };

export const roleLabels: Record<string, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  ANALYST: 'Analyst',
  VIEWER: 'Viewer',
  AUDITOR: 'Auditor',
};
