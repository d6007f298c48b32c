import { describe, expect, it } from 'vitest';
import {
  draftFromFilters,
  eventsQuery,
  filtersFromDraft,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  sameRequest,
} from '../filters';

describe('audit filters in the query string', () => {
  it('should read every filter and write them back in a stable order', () => {
    const search = 'to=2026-12-05T23:00:00.000Z&actor=u-1&aggregateType=client&aggregateId=c-1&eventType=ClientRenamed&correlationId=r-1&from=2026-12-01T00:00:00.000Z';
    const filters = filtersFromSearch(new URLSearchParams(search));
    expect(filters).toEqual({
      aggregateType: 'client',
      aggregateId: 'c-1',
      eventType: 'ClientRenamed',
      actor: 'u-1',
      correlationId: 'r-1',
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-05T23:00:00.000Z',
    });
    expect(filtersToSearch(filters).toString()).toBe(
      'aggregateType=client&aggregateId=c-1&eventType=ClientRenamed&actor=u-1&correlationId=r-1&from=2026-12-01T00%3A00%3A00.000Z&to=2026-12-05T23%3A00%3A00.000Z',
    );
  });

  it('should drop unknown aggregate types, unreadable instants, blanks and strangers', () => {
    const filters = filtersFromSearch(new URLSearchParams('aggregateType=invoice&from=last+week&aggregateId=+&page=2&to=2026-12-05T18:00:00%2B01:00'));
    expect(filters).toEqual({ to: '2026-12-05T17:00:00.000Z' });
    expect(filtersToSearch({ aggregateId: '  ', eventType: '' }).toString()).toBe('');
  });

  it('should tell whether anything is filtered', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ actor: 'u-1' })).toBe(true);
  });

  it('should keep only the correlation id for "Same request"', () => {
    expect(filtersToSearch(sameRequest('r-9')).toString()).toBe('correlationId=r-9');
  });

  it('should ask the API for a page after a cursor', () => {
    expect(eventsQuery({ actor: 'u-1' }, 'cursor-2', 50)).toEqual({ actor: 'u-1', after: 'cursor-2', limit: 50 });
    expect(eventsQuery({}, null, 50)).toEqual({ after: null, limit: 50 });
  });
});

describe('the filter form', () => {
  it('should show from/to on the agency clock and send them back as instants', () => {
    const filters = { aggregateType: 'client' as const, from: '2026-12-01T07:00:00.000Z', to: '2026-12-05T17:30:15.000Z' };
    const draft = draftFromFilters(filters, 'Europe/Berlin');
    expect(draft).toEqual({
      aggregateType: 'client', aggregateId: '', eventType: '', actor: '', correlationId: '',
      from: '2026-12-01T08:00:00', to: '2026-12-05T18:30:15',
    });
    expect(filtersFromDraft(draft, 'Europe/Berlin')).toEqual(filters);
  });

  it('should read a minute-only input and trim text', () => {
    const draft = { ...draftFromFilters({}, 'UTC'), from: '2026-12-01T09:15', aggregateId: '  c-1 ' };
    expect(filtersFromDraft(draft, 'America/New_York')).toEqual({ aggregateId: 'c-1', from: '2026-12-01T14:15:00.000Z' });
  });
});
