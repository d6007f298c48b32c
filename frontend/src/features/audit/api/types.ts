/** The aggregates the audit log knows, as the API names them. */
export const AGGREGATE_TYPES = [
  'agency',
  'user',
  'client',
  'integration',
  'report',
  'subscription',
  'invitation',
  'session',
] as const;

export type AggregateType = (typeof AGGREGATE_TYPES)[number];

export const aggregateTypeLabels: Record<AggregateType, string> = {
  agency: 'Agency',
  user: 'User',
  client: 'Client',
  integration: 'Integration',
  report: 'Report',
  subscription: 'Subscription',
  invitation: 'Invitation',
  session: 'Session',
};

export type Actor = { userId: string; name: string | null; email: string | null };

export type AuditEvent = {
  /** The global event index: unique, and what `X-Min-Position` counts. */
  position: number;
  aggregateType: string;
  aggregateId: string;
  /** The event's number within its aggregate, from 0 or 1. */
  sequence: number;
  type: string;
  /** One line for people, e.g. "Dana Lee renamed client Acme Ltd → Acme Group". */
  summary: string;
  timestamp: string;
  actor: Actor | null;
  correlationId: string | null;
  causationId: string | null;
  ip: string | null;
  userAgent: string | null;
  payload: Record<string, unknown>;
};

/** Newest first; `next` is the `after` of the following page, null on the last one. */
export type EventPage = { events: AuditEvent[]; next: string | null };

export type FieldChange = { from?: unknown; to?: unknown };

export type HistoryEntry = {
  position: number;
  sequence: number;
  type: string;
  summary: string;
  timestamp: string;
  actor: Actor | null;
  changes: Record<string, FieldChange>;
  stateAfter: Record<string, unknown>;
};

export type AggregateState = { at: string; sequence: number; state: Record<string, unknown> };

export type Checkpoint = { size: number; rootHash: string; timestamp: string; keyId: string };

export type Verification = {
  ok: boolean;
  eventsChecked: number;
  verifiedUpTo: number;
  /** null until the sealer wrote the first checkpoint. */
  checkpoint: Checkpoint | null;
  firstBrokenPosition?: number;
  /** What broke: modified, missing, inserted, reordered, truncated, head, signature, inconsistent. */
  kind?: string;
  reason?: string;
};

export type Erasure = {
  erasureId: string;
  subjectType: string;
  subjectId: string;
  reason: string;
  requestedBy: { userId: string; name: string | null } | null;
  requestedAt: string;
  position: number;
};

export const auditKeys = {
  all: ['audit'] as const,
  events: (filters: object) => ['audit', 'events', filters] as const,
  eventTypes: ['audit', 'event-types'] as const,
  history: (type: string, id: string) => ['audit', 'history', type, id] as const,
  state: (type: string, id: string, at: string) => ['audit', 'state', type, id, at] as const,
  verify: ['audit', 'verify'] as const,
};

/** Shared with the team page, which requests erasures: both only name it. */
export const privacyKeys = { erasures: ['privacy', 'erasures'] as const };
