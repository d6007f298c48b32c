import type { FieldChange } from '../api/types';

/** A field's value for a table cell: "—" for none, JSON for structures, text as it is. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value.every((v) => typeof v === 'string' || typeof v === 'number') ? value.join(', ') : JSON.stringify(value);
  }
  return JSON.stringify(value);
}

export type ChangeRow = { field: string; before: string; after: string };

/** The diff table of one event: field, before, after, in the order the server lists them. */
export function changeRows(changes: Record<string, FieldChange> | null | undefined): ChangeRow[] {
  return Object.entries(changes ?? {}).map(([field, change]) => ({
    field,
    before: formatValue(change?.from),
    after: formatValue(change?.to),
  }));
}

export type StateRow = { key: string; value: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A state as key/value rows; nested objects spread into dotted keys ("settings.propertyId"). */
export function stateRows(state: Record<string, unknown> | null | undefined, prefix = ''): StateRow[] {
  return Object.entries(state ?? {}).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isPlainObject(value) && Object.keys(value).length > 0
      ? stateRows(value, path)
      : [{ key: path, value: formatValue(value) }];
  });
}

/** An event's payload, indented for reading. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2);
}
