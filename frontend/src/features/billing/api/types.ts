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
};

export const billingKeys = {
  all: ['billing'] as const,
  plans: ['billing', 'plans'] as const,
  current: ['billing', 'current'] as const,
  details: ['billing', 'details'] as const,
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
