import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/types';
import { groupByDay } from '../timeline';

function event(position: number, timestamp: string): AuditEvent {
  return {
    position, timestamp, aggregateType: 'client', aggregateId: 'c-1', sequence: position, type: 'ClientRenamed',
    summary: `event ${position}`, actor: null, correlationId: null, causationId: null, ip: null, userAgent: null, payload: {},
  };
}

const positions = (days: ReturnType<typeof groupByDay>) => days.map((d) => [d.day, d.events.map((e) => e.position)]);

describe('groupByDay', () => {
  it('should group by the agency day, newest day and newest event first', () => {
    const events = [
      event(1, '2026-12-04T10:00:00Z'),
      event(3, '2026-12-05T09:00:00Z'),
      event(2, '2026-12-04T22:30:00Z'),
      event(4, '2026-12-05T09:00:01Z'),
    ];
    expect(positions(groupByDay(events, 'UTC'))).toEqual([
      ['2026-12-05', [4, 3]],
      ['2026-12-04', [2, 1]],
    ]);
  });

  it('should count days in the agency time zone, not in UTC', () => {
    // 22:30 UTC on the 4th is already the 5th in Berlin
    const events = [event(1, '2026-12-04T10:00:00Z'), event(2, '2026-12-04T23:30:00Z')];
    expect(positions(groupByDay(events, 'Europe/Berlin'))).toEqual([
      ['2026-12-05', [2]],
      ['2026-12-04', [1]],
    ]);
  });

  it('should order events of the same instant by their position', () => {
    const events = [event(7, '2026-12-05T09:00:00Z'), event(9, '2026-12-05T09:00:00Z'), event(8, '2026-12-05T09:00:00Z')];
    expect(positions(groupByDay(events, 'UTC'))).toEqual([['2026-12-05', [9, 8, 7]]]);
  });

  it('should leave the input alone and give nothing for nothing', () => {
    const events = [event(1, '2026-12-04T10:00:00Z'), event(2, '2026-12-05T10:00:00Z')];
    groupByDay(events, 'UTC');
    expect(events.map((e) => e.position)).toEqual([1, 2]);
    expect(groupByDay([], 'UTC')).toEqual([]);
  });
});
