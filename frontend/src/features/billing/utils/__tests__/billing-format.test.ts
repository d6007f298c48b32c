import { describe, expect, it } from 'vitest';
import { billingBannerText, billingDay, formatCents, nextStepText } from '../billing-format';

describe('formatCents', () => {
  it('should show minor units in the currency’s major units', () => {
    expect(formatCents(2900, 'EUR')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(29));
    expect(formatCents(-1450, 'EUR')).toContain('14.50');
    expect(formatCents(null, 'EUR')).toBe('—');
  });
});

describe('billingDay', () => {
  it('should print the UTC day the way invoices do', () => {
    expect(billingDay('2027-01-01T00:00:00Z')).toBe('1 Jan 2027');
    expect(billingDay('2026-12-31T23:30:00-02:00')).toBe('1 Jan 2027');
  });

  it('should show a dash for nothing or nonsense', () => {
    expect(billingDay(null)).toBe('—');
    expect(billingDay('soon')).toBe('—');
  });
});

describe('billingBannerText', () => {
  it('should warn about a failed payment, a suspension and a cancellation', () => {
    expect(billingBannerText('past_due')?.message).toBe('Payment failed — update your card or pay the open invoice');
    expect(billingBannerText('suspended')?.message).toBe(
      'Your subscription is suspended: the agency is read-only until the open invoice is paid',
    );
    expect(billingBannerText('canceled')?.message).toBe('Your subscription is canceled');
  });

  it('should say nothing while the subscription is in good standing', () => {
    expect(billingBannerText('trialing')).toBeNull();
    expect(billingBannerText('active')).toBeNull();
    expect(billingBannerText(undefined)).toBeNull();
  });
});

describe('nextStepText', () => {
  it('should name the next step and its day', () => {
    expect(nextStepText('renewal', '2027-01-01T00:00:00Z')).toBe('Renews on 1 Jan 2027');
    expect(nextStepText('retry', '2026-12-04T10:00:00Z')).toBe('Next payment attempt on 4 Dec 2026');
  });

  it('should be null when nothing is scheduled', () => {
    expect(nextStepText('none', '2027-01-01T00:00:00Z')).toBeNull();
    expect(nextStepText(null, null)).toBeNull();
    expect(nextStepText('renewal', null)).toBeNull();
  });
});
