export const TEAM_ROLES = ['OWNER', 'ADMIN', 'ANALYST', 'VIEWER', 'AUDITOR'] as const;
export const INVITABLE_ROLES = ['ADMIN', 'ANALYST', 'VIEWER', 'AUDITOR'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

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
