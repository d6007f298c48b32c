import { describe, expect, it } from 'vitest';
import { normalizeTeam } from '../get-team';

describe('normalizeTeam', () => {
  const member = { userId: 'u1', email: 'ana@acme.test', name: 'Ana', role: 'OWNER', status: 'active' };

  it('should accept a bare array and a page object alike', () => {
    expect(normalizeTeam([member])).toEqual([{ ...member, createdAt: undefined }]);
    expect(normalizeTeam({ items: [member], page: 0, size: 20, total: 1 })).toEqual([{ ...member, createdAt: undefined }]);
  });

  it('should tolerate roles arrays and unknown status casing', () => {
    const [m] = normalizeTeam([{ id: 'u2', email: 'bo@acme.test', roles: ['ADMIN'], status: 'INVITED' }]);
    expect(m).toMatchObject({ userId: 'u2', role: 'ADMIN', status: 'invited', name: null });
  });

  it('should list pending invitations after the members, as invited', () => {
    const team = normalizeTeam({
      items: [member],
      invitations: [{ invitationId: 'i1', email: 'new@acme.test', role: 'ANALYST', createdAt: '2026-11-25T10:00:00Z' }],
      total: 1,
    });
    expect(team).toHaveLength(2);
    expect(team[1]).toEqual({
      userId: 'i1', email: 'new@acme.test', name: null, role: 'ANALYST', status: 'invited', createdAt: '2026-11-25T10:00:00Z',
    });
  });

  it('should return an empty list for anything else', () => {
    expect(normalizeTeam(null)).toEqual([]);
    expect(normalizeTeam({ members: [] })).toEqual([]);
  });
});
