import type { Query } from '@/lib/api';
import { instantToZonedLocal, zonedLocalToInstant } from '@/lib/time-zone';
import { AGGREGATE_TYPES, type AggregateType } from '../api/types';

/** What the event search asks for; `from` and `to` are ISO instants. Lives in the URL so a search can be shared. */
export type AuditFilters = {
  aggregateType?: AggregateType;
  aggregateId?: string;
  eventType?: string;
  actor?: string;
  correlationId?: string;
  from?: string;
  to?: string;
};

/** The URL's order of the parameters, which is also the API's. */
const KEYS = ['aggregateType', 'aggregateId', 'eventType', 'actor', 'correlationId', 'from', 'to'] as const;

function isAggregateType(value: string): value is AggregateType {
  return (AGGREGATE_TYPES as readonly string[]).includes(value);
}

function instant(value: string): string | undefined {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Reads filters from a query string, dropping what the API would refuse (unknown types, unreadable instants). */
export function filtersFromSearch(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (key === 'aggregateType') {
      if (isAggregateType(value)) filters.aggregateType = value;
    } else if (key === 'from' || key === 'to') {
      const at = instant(value);
      if (at) filters[key] = at;
    } else {
      filters[key] = value;
    }
  }
  return filters;
}

export function filtersToSearch(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

export function hasFilters(filters: AuditFilters): boolean {
  return KEYS.some((key) => !!filters[key]);
}

/** One page of the search for the API: the filters, the page size and where the previous page ended. */
export function eventsQuery(filters: AuditFilters, after: string | null, limit: number): Query {
  return { ...filters, after, limit };
}

/** "Same request": every event one HTTP request caused, whatever else was filtered. */
export function sameRequest(correlationId: string): AuditFilters {
  return { correlationId };
}

/** The filter form's fields: text as typed, and `from`/`to` as the agency's wall clock for datetime-local inputs. */
export type FilterDraft = Record<(typeof KEYS)[number], string>;

export function draftFromFilters(filters: AuditFilters, timeZone: string): FilterDraft {
  return {
    aggregateType: filters.aggregateType ?? '',
    aggregateId: filters.aggregateId ?? '',
    eventType: filters.eventType ?? '',
    actor: filters.actor ?? '',
    correlationId: filters.correlationId ?? '',
    from: instantToZonedLocal(filters.from, timeZone) ?? '',
    to: instantToZonedLocal(filters.to, timeZone) ?? '',
  };
}

export function filtersFromDraft(draft: FilterDraft, timeZone: string): AuditFilters {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = key === 'from' || key === 'to' ? zonedLocalToInstant(draft[key], timeZone) : draft[key];
    if (value?.trim()) params.set(key, value.trim());
  }
  return filtersFromSearch(params);
}
