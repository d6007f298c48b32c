import { describe, expect, it } from 'vitest';
import { AUDITORS, canAudit, canErase, canManage, canWrite, inGroup } from '../roles';

const as = (...roles: string[]) => ({ roles });

describe('role helpers', () => {
  it('should let an auditor read the audit log and change nothing', () => {
    const auditor = as('AUDITOR');
    expect(canAudit(auditor)).toBe(true);
    expect(canWrite(auditor)).toBe(false);
    expect(canManage(auditor)).toBe(false);
    expect(canErase(auditor)).toBe(false);
  });

  it('should give the owner everything', () => {
    const owner = as('OWNER');
    expect([canAudit(owner), canWrite(owner), canManage(owner), canErase(owner)]).toEqual([true, true, true, true]);
  });

  it('should keep the audit log from admins, analysts and viewers', () => {
    for (const role of ['ADMIN', 'ANALYST', 'VIEWER']) expect(canAudit(as(role))).toBe(false);
    expect(canWrite(as('ANALYST'))).toBe(true);
    expect(canManage(as('ANALYST'))).toBe(false);
    expect(canWrite(as('VIEWER'))).toBe(false);
    expect(canManage(as('ADMIN'))).toBe(true);
    expect(canErase(as('ADMIN'))).toBe(false);
  });

  it('should add up several roles', () => {
    expect(canWrite(as('AUDITOR', 'ANALYST'))).toBe(true);
    expect(canAudit(as('AUDITOR', 'ANALYST'))).toBe(true);
  });

  it('should read the auditors group from the shared role matrix and allow nobody signed out', () => {
    expect([...AUDITORS].sort()).toEqual(['AUDITOR', 'OWNER']);
    expect(inGroup(null, AUDITORS)).toBe(false);
    expect(canAudit(undefined)).toBe(false);
    expect(canAudit(as())).toBe(false);
  });
});
