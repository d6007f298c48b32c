import matrix from '../../../web-security/src/main/resources/com/webprometrics/websecurity/role-matrix.json';

/**
 * The role matrix every hop reads (web-security's role-matrix.json): the gateway and both services enforce it, the SPA
 * shows only what it allows. Change who may do what there, not here.
 */
export const ROLES: readonly string[] = matrix.roles;
export const INVITABLE_ROLES: readonly string[] = matrix.invitable;
export const MANAGERS: readonly string[] = matrix.groups.managers;
export const WRITERS: readonly string[] = matrix.groups.writers;
export const AUDITORS: readonly string[] = matrix.groups.auditors;
export const OPERATORS: readonly string[] = matrix.groups.operators;

/** Anything with roles: the signed-in user (`Me`), or nobody. */
type WithRoles = { roles: readonly string[] } | null | undefined;

export function inGroup(user: WithRoles, group: readonly string[]): boolean {
  return !!user && user.roles.some((role) => group.includes(role));
}

/** Creates and changes clients, integrations and reports. AUDITOR and VIEWER never do. */
export const canWrite = (user: WithRoles) => inGroup(user, WRITERS);
/** Invites, changes roles, deactivates; changes the plan and billing details. */
export const canManage = (user: WithRoles) => inGroup(user, MANAGERS);
/** Reads the audit log: its events, histories, verification and export. */
export const canAudit = (user: WithRoles) => inGroup(user, AUDITORS);
/** Erasing a person's data is the owner's decision alone. */
export const canErase = (user: WithRoles) => inGroup(user, ['OWNER']);
