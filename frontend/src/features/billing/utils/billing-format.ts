import { formatMoney } from '@/lib/format';
import { fromMinorUnits, type NextStep, type SubscriptionStatus } from '../api/types';

/** Minor units with the currency, as the plans table shows prices: 2900 EUR → "€29.00". */
export function formatCents(cents: number | null | undefined, currency: string): string {
  return typeof cents === 'number' ? formatMoney(fromMinorUnits(cents, currency), currency) : '—';
}

const billingDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The (UTC) day of a billing instant, as invoices print it: "1 Jan 2027". */
export function billingDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '—' : billingDayFormat.format(at);
}

export type BillingBannerText = { message: string; link: string };

/** What the app-wide banner says about a subscription in trouble; null while all is well. */
export function billingBannerText(status: SubscriptionStatus | null | undefined): BillingBannerText | null {
  switch (status) {
    case 'past_due':
      return { message: 'Payment failed — update your card or pay the open invoice', link: 'Go to billing' };
    case 'suspended':
      return {
        message: 'Your subscription is suspended: the agency is read-only until the open invoice is paid',
        link: 'Go to billing',
      };
    case 'canceled':
      return { message: 'Your subscription is canceled', link: 'Go to billing' };
    default:
      return null;
  }
}

const nextStepWords: Record<Exclude<NextStep, 'none'>, string> = {
  'trial-end': 'The trial ends on',
  renewal: 'Renews on',
  retry: 'Next payment attempt on',
  cancellation: 'Ends on',
};

/** "Renews on 1 Jan 2027"; null when nothing is scheduled. */
export function nextStepText(step: NextStep | null | undefined, at: string | null | undefined): string | null {
  if (!step || step === 'none' || !at || !(step in nextStepWords)) return null;
  return `${nextStepWords[step]} ${billingDay(at)}`;
}
