import { describe, expect, it } from 'vitest';
import { daysLeft, fromMinorUnits } from '../types';

describe('daysLeft', () => {
  const now = Date.parse('2026-12-05T12:00:00Z');

  it('counts a part day as a day', () => {
    expect(daysLeft('2026-12-19T12:00:00Z', now)).toBe(14);
    expect(daysLeft('2026-12-06T01:00:00Z', now)).toBe(1);
  });

  it('is zero once the end has passed, and null without an end', () => {
    expect(daysLeft('2026-12-01T00:00:00Z', now)).toBe(0);
    expect(daysLeft(null, now)).toBeNull();
    expect(daysLeft('not a date', now)).toBeNull();
  });
});

describe('fromMinorUnits', () => {
  it('divides by the currency’s minor unit', () => {
    expect(fromMinorUnits(2900, 'EUR')).toBe(29);
    expect(fromMinorUnits(1500, 'JPY')).toBe(1500);
  });
});
