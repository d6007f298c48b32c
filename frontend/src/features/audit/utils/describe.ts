import { aggregateTypeLabels, type Actor, type AggregateType } from '../api/types';

/** Who did it: the name, else the e-mail, else the bare user id; "System" for the platform's own events. */
export function actorName(actor: Actor | null | undefined): string {
  if (!actor) return 'System';
  return actor.name || actor.email || actor.userId;
}

export function aggregateTypeLabel(type: string): string {
  return aggregateTypeLabels[type as AggregateType] ?? type;
}

/** The first 8 characters of a UUID are enough to tell rows apart at a glance; the full id goes in a title. */
export function shortId(id: string, length = 8): string {
  return id.length > length + 1 ? `${id.slice(0, length)}…` : id;
}

export function historyPath(type: string, id: string): string {
  return `/audit/${encodeURIComponent(type)}/${encodeURIComponent(id)}`;
}

/** What the history page calls the aggregate: its name in the latest state, if it has one. */
export function aggregateName(state: Record<string, unknown> | null | undefined): string | undefined {
  const name = state?.name ?? state?.title;
  return typeof name === 'string' && name.trim() ? name : undefined;
}
