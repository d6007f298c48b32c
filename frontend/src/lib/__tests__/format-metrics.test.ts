import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatChangePct,
  formatCount,
  formatDay,
  formatDayRange,
  formatDecimal,
  formatDuration,
  formatMoney,
  formatMultiplier,
  formatPercent,
  lastDays,
  todayIn,
  toIsoDate,
} from '../format';

describe('number, money and percentage formatting', () => {
  it('should format money with its currency', () => {
    expect(formatMoney(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(0, 'GBP', 'en-GB')).toBe('£0.00');
  });

  it('should format money without a currency as a plain two-decimal number', () => {
    expect(formatMoney(1234.5, null, 'en-US')).toBe('1,234.50');
    expect(formatMoney(12, 'NOPE', 'en-US')).toBe('12.00 NOPE');
  });

  it('should format fractions as percentages and ROAS as a multiplier', () => {
    expect(formatPercent(0.0345, 'en-US')).toBe('3.45%');
    expect(formatPercent(1, 'en-US')).toBe('100.00%');
    expect(formatMultiplier(3.2, 'en-US')).toBe('3.2×');
    expect(formatMultiplier(3.456, 'en-US')).toBe('3.5×');
    expect(formatMultiplier(0.04, 'en-US')).toBe('0.04×');
  });

  it('should show a dash for missing values', () => {
    for (const f of [formatPercent, formatMultiplier, formatChangePct]) {
      expect(f(null)).toBe('—');
      expect(f(undefined)).toBe('—');
      expect(f(Number.NaN)).toBe('—');
    }
    expect(formatMoney(null, 'USD')).toBe('—');
  });

  it('should format a change in percent without its sign', () => {
    expect(formatChangePct(12.345, 'en-US')).toBe('12.3%');
    expect(formatChangePct(-4, 'en-US')).toBe('4%');
    expect(formatChangePct(0, 'en-US')).toBe('0%');
  });

  it('should compute date ranges inclusively', () => {
    expect(toIsoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(lastDays(7, new Date(2026, 2, 3))).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(lastDays(1, new Date(2026, 2, 3))).toEqual({ from: '2026-03-03', to: '2026-03-03' });
    expect(daysBetween('2026-02-25', '2026-03-03')).toBe(7);
    expect(daysBetween('2026-03-03', '2026-02-25')).toBe(0);
    expect(daysBetween('bad', '2026-02-25')).toBe(0);
  });

  it('should format seconds as a duration with its two largest parts', () => {
    expect(formatDuration(155)).toBe('2m 35s');
    expect(formatDuration(46.14)).toBe('46s');
    expect(formatDuration(60)).toBe('1m');
    expect(formatDuration(3_720)).toBe('1h 2m');
    expect(formatDuration(3_605)).toBe('1h');
    expect(formatDuration(3_120_496)).toBe('36d 2h');
    expect(formatDuration(0.44)).toBe('0.4s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(null)).toBe('—');
  });

  it('should format counts with separators and plain numbers with one decimal', () => {
    expect(formatCount(1234567, 'en-US')).toBe('1,234,567');
    expect(formatCount(12.345, 'en-US')).toBe('12.35');
    expect(formatDecimal(14.216541, 'en-US')).toBe('14.2');
    expect(formatDecimal(3, 'en-US')).toBe('3.0');
  });

  it('should write calendar days and ranges for people', () => {
    expect(formatDay('2026-11-30')).toBe('30 Nov 2026');
    expect(formatDayRange('2026-11-01', '2026-11-30')).toBe('1 – 30 Nov 2026');
    expect(formatDayRange('2026-10-28', '2026-11-03')).toBe('28 Oct – 3 Nov 2026');
    expect(formatDayRange('2025-12-28', '2026-01-03')).toBe('28 Dec 2025 – 3 Jan 2026');
    expect(formatDayRange('2026-11-05', '2026-11-05')).toBe('5 Nov 2026');
  });

  it("should count days in the agency's time zone, not the browser's", () => {
    const lateEvening = new Date('2026-03-03T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2026-03-03');
    expect(todayIn('Europe/Berlin', lateEvening)).toBe('2026-03-04');
    expect(todayIn('America/Los_Angeles', lateEvening)).toBe('2026-03-03');
    expect(lastDays(7, '2026-03-04')).toEqual({ from: '2026-02-26', to: '2026-03-04' });
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
