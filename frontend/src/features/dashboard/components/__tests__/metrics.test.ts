import { describe, expect, it } from 'vitest';
import { describeChange, formatMetric, metricLabel, toNumber } from '../metrics';

describe('KPI change arrow', () => {
  it('should point up in green when a metric grows', () => {
    expect(describeChange('sessions', 12.5)).toEqual({ direction: 'up', arrow: '▲', tone: 'good' });
  });

  it('should point down in red when a metric shrinks', () => {
    expect(describeChange('revenue', -3)).toEqual({ direction: 'down', arrow: '▼', tone: 'bad' });
  });

  it('should treat rising cost and CPC as bad and falling cost as good', () => {
    expect(describeChange('cost', 10)).toEqual({ direction: 'up', arrow: '▲', tone: 'bad' });
    expect(describeChange('cpc', -10)).toEqual({ direction: 'down', arrow: '▼', tone: 'good' });
  });

  it('should show no arrow for no change and nothing without a previous value', () => {
    expect(describeChange('sessions', 0)).toEqual({ direction: 'flat', arrow: '', tone: 'neutral' });
    expect(describeChange('sessions', null)).toBeNull();
    expect(describeChange('sessions', undefined)).toBeNull();
  });

  it('should accept decimals serialised as strings', () => {
    expect(describeChange('sessions', '-0.50')?.direction).toBe('down');
    expect(toNumber('12.30')).toBe(12.3);
    expect(toNumber('x')).toBeNull();
  });
});

describe('metric formatting', () => {
  it('should format each metric by its kind', () => {
    expect(formatMetric('sessions', 12345, null, 'en-US')).toBe('12,345');
    expect(formatMetric('revenue', 99.5, 'USD', 'en-US')).toBe('$99.50');
    expect(formatMetric('cpc', '0.4', 'USD', 'en-US')).toBe('$0.40');
    expect(formatMetric('ctr', 0.021, null, 'en-US')).toBe('2.10%');
    expect(formatMetric('conversion_rate', '0.5', null, 'en-US')).toBe('50.00%');
    expect(formatMetric('roas', 4, null, 'en-US')).toBe('4.00x');
    expect(formatMetric('roas', null, null, 'en-US')).toBe('—');
  });

  it('should label known and unknown metrics', () => {
    expect(metricLabel('conversion_rate')).toBe('Conversion rate');
    expect(metricLabel('roas')).toBe('ROAS');
    expect(metricLabel('video_views')).toBe('Video views');
  });
});
