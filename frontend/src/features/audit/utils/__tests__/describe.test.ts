import { describe, expect, it } from 'vitest';
import { actorName, aggregateName, aggregateTypeLabel, historyPath, shortId } from '../describe';
import { exportRange } from '../export-range';
import { dayIn, formatDateTimeIn, formatTimeIn } from '../time';

describe('describing events', () => {
  it('should name the actor by name, e-mail, id, or the system', () => {
    expect(actorName({ userId: 'u-1', name: 'Dana Lee', email: 'dana@acme.test' })).toBe('Dana Lee');
    expect(actorName({ userId: 'u-1', name: null, email: 'dana@acme.test' })).toBe('dana@acme.test');
    expect(actorName({ userId: 'u-1', name: null, email: null })).toBe('u-1');
    expect(actorName(null)).toBe('System');
  });

  it('should label aggregates and link their history', () => {
    expect(aggregateTypeLabel('client')).toBe('Client');
    expect(aggregateTypeLabel('something-new')).toBe('something-new');
    expect(historyPath('client', 'c 1/2')).toBe('/audit/client/c%201%2F2');
    expect(shortId('3f2a9c1e-0000-4000-8000-000000000000')).toBe('3f2a9c1e…');
    expect(shortId('short')).toBe('short');
    expect(aggregateName({ name: 'Acme Group' })).toBe('Acme Group');
    expect(aggregateName({ title: 'Weekly' })).toBe('Weekly');
    expect(aggregateName({ name: '  ' })).toBeUndefined();
    expect(aggregateName(undefined)).toBeUndefined();
  });
});

describe('times on the agency clock', () => {
  it('should show times to the second and days in the zone', () => {
    expect(formatTimeIn('2026-12-05T17:00:05Z', 'Europe/Berlin')).toBe('18:00:05');
    expect(formatDateTimeIn('2026-12-05T17:00:05Z', 'Europe/Berlin')).toMatch(/5 Dec 2026.*18:00:05/);
    expect(dayIn('2026-12-05T23:30:00Z', 'Europe/Berlin')).toBe('2026-12-06');
    expect(formatTimeIn('nonsense', 'UTC')).toBe('—');
  });

  it('should export whole agency days, the last one included', () => {
    expect(exportRange('2026-12-01', '2026-12-05', 'Europe/Berlin')).toEqual({
      from: '2026-11-30T23:00:00.000Z',
      to: '2026-12-05T23:00:00.000Z',
    });
    expect(exportRange('', '', 'UTC')).toEqual({ from: undefined, to: undefined });
  });
});
