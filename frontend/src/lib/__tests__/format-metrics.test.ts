import { describe, expect, it } from 'vitest';
import { daysBetween, formatChangePct, formatMoney, formatMultiplier, formatPercent, lastDays, toIsoDate } from '../format';

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
    expect(formatMultiplier(3.456, 'en-US')).toBe('3.46x');
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
});
