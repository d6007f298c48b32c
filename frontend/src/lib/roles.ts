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
