import { describe, expect, it } from 'vitest';
import type { MetricCatalogue } from '../../api/types';
import { buildLookup, describeChange, formatMetricValue, formatUnitValue, headlineOf, toNumber } from '../catalogue';

const catalogue: MetricCatalogue = {
  base: [
    { key: 'sessions', label: 'Sessions', unit: 'count', whole: true, hidden: false, lowerIsBetter: false },
    { key: 'engagement_seconds', label: 'Engagement time', unit: 'seconds', whole: false, hidden: false, lowerIsBetter: false },
    { key: 'revenue', label: 'Revenue', unit: 'money', whole: false, hidden: false, lowerIsBetter: false },
    { key: 'cost', label: 'Cost', unit: 'money', whole: false, hidden: false, lowerIsBetter: true },
    { key: 'clicks', label: 'Clicks', unit: 'count', whole: true, hidden: false, lowerIsBetter: false },
    { key: 'impressions', label: 'Impressions', unit: 'count', whole: true, hidden: false, lowerIsBetter: false },
    { key: 'organic_impressions', label: 'Organic impressions', unit: 'count', whole: true, hidden: false, lowerIsBetter: false },
    { key: 'position_x_impressions', label: 'Position × impressions', unit: 'number', whole: false, hidden: true, lowerIsBetter: false },
  ],
  derived: [
    { key: 'ctr', label: 'CTR', unit: 'ratio', numerator: 'clicks', denominator: 'impressions', factor: 1, lowerIsBetter: false },
    { key: 'cpm', label: 'CPM', unit: 'money', numerator: 'cost', denominator: 'impressions', factor: 1000, lowerIsBetter: true },
    { key: 'roas', label: 'ROAS', unit: 'multiplier', numerator: 'revenue', denominator: 'cost', factor: 1, lowerIsBetter: false },
    {
      key: 'position',
      label: 'Avg. search position',
      unit: 'number',
      numerator: 'position_x_impressions',
      denominator: 'organic_impressions',
      factor: 1,
      lowerIsBetter: true,
    },
  ],
};

describe('metric catalogue', () => {
  const lookup = buildLookup(catalogue);

  it('should take labels, units and formulas from the catalogue', () => {
    expect(lookup.label('engagement_seconds')).toBe('Engagement time');
    expect(lookup.info('ctr')).toMatchObject({ unit: 'ratio', derived: true, formula: 'Clicks ÷ Impressions' });
    expect(lookup.info('cpm').formula).toBe('Cost ÷ Impressions × 1000');
  });

  it('should offer visible base metrics, then derived ones, never hidden inputs', () => {
    const keys = lookup.selectable.map((m) => m.key);
    expect(keys).toEqual(['sessions', 'engagement_seconds', 'revenue', 'cost', 'clicks', 'impressions', 'organic_impressions', 'ctr', 'cpm', 'roas', 'position']);
    expect(lookup.isHidden('position_x_impressions')).toBe(true);
  });

  it('should humanize keys it does not know, as counts', () => {
    expect(lookup.info('video_views')).toMatchObject({ label: 'Video views', unit: 'count', lowerIsBetter: false });
    expect(buildLookup(undefined).label('new_users')).toBe('New users');
  });

  it('should format each value by its unit', () => {
    expect(formatMetricValue(lookup, 'sessions', 67622, null, 'en-US')).toBe('67,622');
    expect(formatMetricValue(lookup, 'revenue', '107841.61', 'USD', 'en-US')).toBe('$107,841.61');
    expect(formatMetricValue(lookup, 'revenue', 99.5, 'EUR', 'de-DE')).toBe('99,50\u00a0€');
    expect(formatMetricValue(lookup, 'engagement_seconds', 155, null, 'en-US')).toBe('2m 35s');
    expect(formatMetricValue(lookup, 'ctr', 0.040842, null, 'en-US')).toBe('4.08%');
    expect(formatMetricValue(lookup, 'roas', 3.2, null, 'en-US')).toBe('3.2×');
    expect(formatMetricValue(lookup, 'position', 14.216541, null, 'en-US')).toBe('14.2');
    expect(formatMetricValue(lookup, 'position', null, null, 'en-US')).toBe('—');
    expect(formatUnitValue('seconds', '46.146165')).toBe('46s');
  });

  it('should colour a change by whether lower is better', () => {
    expect(describeChange(false, 12.5)).toEqual({ direction: 'up', arrow: '▲', tone: 'good' });
    expect(describeChange(false, -3)).toEqual({ direction: 'down', arrow: '▼', tone: 'bad' });
    expect(describeChange(lookup.info('cost').lowerIsBetter, 10)).toMatchObject({ tone: 'bad' });
    expect(describeChange(lookup.info('position').lowerIsBetter, -0.29)).toMatchObject({ direction: 'down', tone: 'good' });
    expect(describeChange(false, 0)).toEqual({ direction: 'flat', arrow: '', tone: 'neutral' });
    expect(describeChange(false, null)).toBeNull();
    expect(toNumber('x')).toBeNull();
  });

  it('should pick the headline metrics that are present, in headline order', () => {
    expect(headlineOf(['clicks', 'position', 'revenue', 'sessions', 'cpm'])).toEqual(['sessions', 'revenue', 'position']);
    expect(headlineOf(['leads', 'calls'])).toEqual(['leads', 'calls']);
  });
});
