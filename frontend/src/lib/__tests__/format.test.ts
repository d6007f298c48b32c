import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatRange, formatRelative } from '../format';

describe('format', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it('should describe recent instants relative to now', () => {
    expect(formatRelative('2026-03-10T11:59:50Z', now, 'en')).toBe('just now');
    expect(formatRelative('2026-03-10T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelative('2026-03-09T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatRelative('2026-02-24T12:00:00Z', now, 'en')).toBe('2 weeks ago');
    expect(formatRelative('2026-02-05T12:00:00Z', now, 'en')).toBe('last month');
  });

  it('should show a dash for missing or broken dates instead of "Invalid Date"', () => {
    expect(formatRelative(null, now)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });

  it('should format a real instant with its year', () => {
    expect(formatDateTime('2026-03-10T12:00:00Z')).toMatch(/2026/);
  });

  it('should format counts and page ranges', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatRange(0, 20, 0)).toBe('0 of 0');
    expect(formatRange(0, 20, 45)).toBe('1–20 of 45');
    expect(formatRange(2, 20, 45)).toBe('41–45 of 45');
  });
});
