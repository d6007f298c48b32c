export type Plan = {
  key: string;
  name: string;
  monthlyPriceCents: number;
  yearlyPriceCents: number | null;
  currency: string;
  clientLimit: number;
  seatLimit: number;
  trialPlan: boolean;
};

export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'suspended' | 'canceled';

export type Subscription = {
  plan: string;
  status: SubscriptionStatus;
  trialEndsAt: string | null;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  cancelAtPeriodEnd: boolean;
  pendingPlan: string | null;
  monthlyPriceCents: number;
  currency: string;
  clientLimit: number;
  clientsUsed: number;
  seatLimit: number;
  seatsUsed: number;
  paymentMethod: { brand: string; last4: string; expMonth: number; expYear: number } | null;
  /** The newest invoice not paid yet. */
  openInvoiceId: string | null;
  /** What the subscription does next: `trial-end`, `renewal`, `retry`, `cancellation` or `none`. */
  nextStep: NextStep | null;
  nextStepAt: string | null;
  pastDueSince: string | null;
  suspendedAt: string | null;
  /** When a scheduled cancellation or an unpaid suspension ends the subscription. */
  cancelsAt: string | null;
  canceledAt: string | null;
  /** The agency's billing clock now (ahead of the wall clock once a test clock was advanced). */
  billingNow: string;
};

export type NextStep = 'trial-end' | 'renewal' | 'retry' | 'cancellation' | 'none';

export type InvoiceStatus = 'open' | 'paid';

export type Invoice = {
  id: string;
  number: string;
  issuedAt: string;
  status: InvoiceStatus;
  /** `first` (the trial ended), `renewal` or `upgrade` (proration). */
  kind: string;
  totalCents: number;
  taxCents: number;
  currency: string;
  periodStart: string | null;
  periodEnd: string | null;
};

export type InvoicePage = { items: Invoice[]; next: string | null };

export type InvoiceParty = {
  name: string;
  addressLines: string[];
  postalCode: string | null;
  city: string | null;
  country: string | null;
  vatId: string | null;
  email: string | null;
};

export type InvoiceDetail = Invoice & {
  sequence: number;
  plan: string | null;
  lines: { description: string; amountCents: number }[];
  subtotalCents: number;
  taxRateBasisPoints: number;
  reverseCharge: boolean;
  taxNote: string | null;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  paidAt: string | null;
  paymentIntentId: string | null;
  attempts: number;
  lastFailure: string | null;
  nextRetryAt: string | null;
  refundedCents: number;
  disputed: boolean;
};

export type PayResult = { position?: number; paid: boolean; failure?: string | null };

/** What switching plans costs: at once with proration lines, or nothing until the period ends. */
export type PlanChangePreview = {
  effective: 'now' | 'period_end';
  effectiveAt?: string | null;
  lines: { description: string; amountCents: number }[];
  totalCents: number;
  currency: string;
};

export const billingKeys = {
  all: ['billing'] as const,
  plans: ['billing', 'plans'] as const,
  current: ['billing', 'current'] as const,
  details: ['billing', 'details'] as const,
  invoices: ['billing', 'invoices'] as const,
  // outside 'billing': a change invalidating the billing queries must not ask for the preview again
  preview: (plan: string) => ['billing-preview', plan] as const,
};

export const statusLabels: Record<SubscriptionStatus, string> = {
  trialing: 'Trial',
  active: 'Active',
  past_due: 'Past due',
  suspended: 'Suspended',
  canceled: 'Canceled',
};

/** Whole days left until `iso` (a trial's end), never negative; rounds up so "ends tomorrow morning" reads 1. */
export function daysLeft(iso: string | null, now: number = Date.now()): number | null {
  if (!iso) return null;
  const end = new Date(iso).getTime();
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.ceil((end - now) / 86_400_000));
}

/** Minor units to the currency's major units (2900 EUR cents → 29). */
export function fromMinorUnits(cents: number, currency: string): number {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  return cents / 10 ** digits;
}

export type BillingDetails = {
  legalName: string | null;
  addressLines: string[];
  postalCode: string | null;
  city: string | null;
  country: string | null;
  vatId: string | null;
  billingEmail: string | null;
};
