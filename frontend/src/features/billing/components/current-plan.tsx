import { formatDateTime, formatNumber } from '@/lib/format';
import { daysLeft, statusLabels, type Plan, type Subscription } from '../api/types';
import { billingDay, formatCents, nextStepText } from '../utils/billing-format';
import { SubscriptionActions } from './subscription-actions';

function planName(plans: Plan[], key: string): string {
  return plans.find((p) => p.key === key)?.name ?? key;
}

/** Where the subscription stands: plan, status, period, what is scheduled, and (for managers) cancel or resume. */
export function CurrentPlan({ subscription: s, plans, canManage }: { subscription: Subscription; plans: Plan[]; canManage: boolean }) {
  // the billing clock, so a test clock's days count too
  const now = s.billingNow ? Date.parse(s.billingNow) : Date.now();
  const left = s.status === 'trialing' ? daysLeft(s.trialEndsAt, Number.isNaN(now) ? Date.now() : now) : null;
  const next = s.status === 'canceled' || s.cancelAtPeriodEnd ? null : nextStepText(s.nextStep, s.nextStepAt);
  return (
    <div className="card card--accent" aria-label="Current plan">
      <h2 className="billing-plan__title">
        {planName(plans, s.plan)} <span className={`badge badge--${s.status}`}>{statusLabels[s.status]}</span>
      </h2>
      {left !== null && (
        <p data-testid="trial-days-left">
          {left === 1 ? '1 day' : `${left} days`} left in your free trial (until {formatDateTime(s.trialEndsAt)}).
          No card is needed until then.
        </p>
      )}
      {s.status !== 'trialing' && s.status !== 'canceled' && (
        <p>
          Current period {formatDateTime(s.currentPeriodStart)} – {formatDateTime(s.currentPeriodEnd)}
        </p>
      )}
      <p>
        {formatCents(s.monthlyPriceCents, s.currency)} a month · {formatNumber(s.clientsUsed)} of{' '}
        {formatNumber(s.clientLimit)} clients · {formatNumber(s.seatsUsed)} of {formatNumber(s.seatLimit)} seats
      </p>
      {s.pendingPlan && s.status !== 'canceled' && (
        <p className="notice" data-testid="pending-plan">
          Switches to {planName(plans, s.pendingPlan)} on {billingDay(s.currentPeriodEnd)}
        </p>
      )}
      {s.cancelAtPeriodEnd && (
        <p className="notice" data-testid="cancel-at-period-end">
          Canceled at the end of the period: the subscription ends on{' '}
          {billingDay(s.cancelsAt ?? (s.status === 'trialing' ? s.trialEndsAt : s.currentPeriodEnd))} and will not renew.
        </p>
      )}
      {s.status === 'past_due' && (
        <p className="notice" data-testid="past-due">
          A payment failed{s.pastDueSince ? ` on ${billingDay(s.pastDueSince)}` : ''}. Pay the open invoice or update
          your card.
        </p>
      )}
      {s.status === 'suspended' && (
        <p className="notice" data-testid="suspended">
          Suspended since {billingDay(s.suspendedAt)}: the agency is read-only until the open invoice is paid
          {s.cancelsAt ? `, and is canceled on ${billingDay(s.cancelsAt)} if it is not` : ''}.
        </p>
      )}
      {s.status === 'canceled' && (
        <p data-testid="canceled">The subscription was canceled{s.canceledAt ? ` on ${billingDay(s.canceledAt)}` : ''}.</p>
      )}
      {next && <p data-testid="next-step">{next}</p>}
      {canManage && <SubscriptionActions subscription={s} />}
    </div>
  );
}
