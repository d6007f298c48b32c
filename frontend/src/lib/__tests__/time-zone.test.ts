import { describe, expect, it } from 'vitest';
import { instantToZonedLocal, zonedLocalToInstant } from '../time-zone';

describe('zonedLocalToInstant', () => {
  it('should read a wall-clock time in the agency zone, winter and summer', () => {
    expect(zonedLocalToInstant('2026-12-05T18:00', 'Europe/Berlin')).toBe('2026-12-05T17:00:00.000Z');
    expect(zonedLocalToInstant('2026-07-01T09:30:15', 'Europe/Berlin')).toBe('2026-07-01T07:30:15.000Z');
    expect(zonedLocalToInstant('2026-07-01T09:30:15.250', 'America/New_York')).toBe('2026-07-01T13:30:15.250Z');
    expect(zonedLocalToInstant('2026-01-10T00:00', 'Asia/Kolkata')).toBe('2026-01-09T18:30:00.000Z');
  });

  it('should handle the days the clocks change', () => {
    // Berlin springs forward at 02:00 on 29 March 2026: 01:59 is still CET, 03:00 already CEST
    expect(zonedLocalToInstant('2026-03-29T01:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:00.000Z');
    expect(zonedLocalToInstant('2026-03-29T03:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 does not exist there: it lands after the jump
    expect(zonedLocalToInstant('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    // it falls back at 03:00 on 25 October 2026: 02:30 happens twice, the first (CEST) is meant
    expect(zonedLocalToInstant('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('should treat a missing or unknown zone as UTC', () => {
    expect(zonedLocalToInstant('2026-12-05T18:00', undefined)).toBe('2026-12-05T18:00:00.000Z');
    expect(zonedLocalToInstant('2026-12-05T18:00', 'Mars/Olympus_Mons')).toBe('2026-12-05T18:00:00.000Z');
  });

  it('should refuse what is not a wall-clock time', () => {
    expect(zonedLocalToInstant('', 'UTC')).toBeUndefined();
    expect(zonedLocalToInstant('2026-12-05', 'UTC')).toBeUndefined();
    expect(zonedLocalToInstant('2026-02-30T10:00', 'UTC')).toBeUndefined();
    expect(zonedLocalToInstant('yesterday', 'UTC')).toBeUndefined();
  });
});

describe('instantToZonedLocal', () => {
  it('should show an instant as the agency wall clock, with seconds', () => {
    expect(instantToZonedLocal('2026-12-05T17:00:00Z', 'Europe/Berlin')).toBe('2026-12-05T18:00:00');
    expect(instantToZonedLocal('2026-07-01T13:30:15.250Z', 'America/New_York')).toBe('2026-07-01T09:30:15');
    expect(instantToZonedLocal('2026-12-31T23:30:00Z', 'Asia/Tokyo')).toBe('2027-01-01T08:30:00');
  });

  it('should round-trip with zonedLocalToInstant', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Australia/Adelaide']) {
      const local = instantToZonedLocal('2026-11-02T00:45:30Z', zone)!;
      expect(zonedLocalToInstant(local, zone)).toBe('2026-11-02T00:45:30.000Z');
    }
  });

  it('should give nothing for a missing or broken instant', () => {
    expect(instantToZonedLocal(null, 'UTC')).toBeUndefined();
    expect(instantToZonedLocal('soon', 'UTC')).toBeUndefined();
  });
});
