import { useState } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { MANAGER_ROLES, hasAnyRole, useAuth } from '@/lib/auth';
import { formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { useBillingDetails } from '../api/billing-details';
import { useChangePlan } from '../api/change-plan';
import { usePlans, useSubscription } from '../api/get-billing';
import { BillingDetailsForm } from '../components/billing-details-form';
import { PaymentMethod } from '../components/payment-method';
import { daysLeft, fromMinorUnits, statusLabels, type Plan, type Subscription } from '../api/types';

function price(cents: number | null, currency: string): string {
  return cents === null ? '—' : formatMoney(fromMinorUnits(cents, currency), currency);
}

function CurrentPlan({ subscription, plans }: { subscription: Subscription; plans: Plan[] }) {
  const plan = plans.find((p) => p.key === subscription.plan);
  const left = subscription.status === 'trialing' ? daysLeft(subscription.trialEndsAt) : null;
  return (
    <div className="card card--accent" aria-label="Current plan">
      <h2 className="billing-plan__title">
        {plan?.name ?? subscription.plan}{' '}
        <span className={`badge badge--${subscription.status}`}>{statusLabels[subscription.status]}</span>
      </h2>
      {left !== null && (
        <p data-testid="trial-days-left">
          {left === 1 ? '1 day' : `${left} days`} left in your free trial (until {formatDateTime(subscription.trialEndsAt)}).
          No card is needed until then.
        </p>
      )}
      {subscription.status !== 'trialing' && (
        <p>
          Current period {formatDateTime(subscription.currentPeriodStart)} – {formatDateTime(subscription.currentPeriodEnd)}
        </p>
      )}
      <p>
        {price(subscription.monthlyPriceCents, subscription.currency)} a month ·{' '}
        {formatNumber(subscription.clientsUsed)} of {formatNumber(subscription.clientLimit)} clients ·{' '}
        {formatNumber(subscription.seatsUsed)} of {formatNumber(subscription.seatLimit)} seats
      </p>
    </div>
  );
}

function SwitchPlan({ plan, subscription }: { plan: Plan; subscription: Subscription }) {
  const [confirming, setConfirming] = useState(false);
  const change = useChangePlan();
  if (!confirming) {
    return (
      <button type="button" className="button button--ghost" onClick={() => setConfirming(true)}>
        Switch to {plan.name}
      </button>
    );
  }
  const trial = subscription.status === 'trialing';
  return (
    <div role="group" aria-label={`Switch to ${plan.name}`}>
      <p>
        {trial
          ? `Your trial moves to ${plan.name} now, at no cost; ${price(plan.monthlyPriceCents, plan.currency)} a month after it ends.`
          : `Move to ${plan.name}?`}
      </p>
      {change.isError && <ErrorBanner error={change.error} />}
      <button
        type="button"
        className="button button--primary"
        disabled={change.isPending}
        onClick={() => change.mutate(plan.key, { onSuccess: () => setConfirming(false) })}
      >
        Confirm
      </button>{' '}
      <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  );
}

function PlansTable({ plans, subscription, canManage }: { plans: Plan[]; subscription?: Subscription; canManage: boolean }) {
  const current = subscription?.plan;
  return (
    <div className="table-wrap">
    <table className="table" aria-label="Plans">
      <thead>
        <tr>
          <th scope="col">Plan</th>
          <th scope="col">Monthly</th>
          <th scope="col">Yearly</th>
          <th scope="col">Clients</th>
          <th scope="col">Seats</th>
          {canManage && <th scope="col"><span className="visually-hidden">Change</span></th>}
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.key} aria-current={p.key === current ? 'true' : undefined}>
            <th scope="row">
              {p.name} {p.key === current && <span className="badge badge--active">Your plan</span>}
            </th>
            <td>{price(p.monthlyPriceCents, p.currency)}</td>
            <td>{price(p.yearlyPriceCents, p.currency)}</td>
            <td>{formatNumber(p.clientLimit)}</td>
            <td>{formatNumber(p.seatLimit)}</td>
            {canManage && (
              <td>{subscription && p.key !== current && <SwitchPlan plan={p} subscription={subscription} />}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

export function BillingRoute() {
  const { user } = useAuth();
  const canManage = hasAnyRole(user, MANAGER_ROLES);
  const plans = usePlans();
  const subscription = useSubscription();
  const details = useBillingDetails();
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Billing</h1>
          <p className="page__subtitle">Your plan, its limits and what it costs.</p>
        </div>
      </header>
      {(plans.isPending || subscription.isPending) && <Spinner label="Loading billing…" />}
      {plans.isError && <ErrorBanner error={plans.error} onRetry={() => void plans.refetch()} />}
      {subscription.isError && <ErrorBanner error={subscription.error} onRetry={() => void subscription.refetch()} />}
      {plans.data && subscription.data && <CurrentPlan subscription={subscription.data} plans={plans.data} />}
      {subscription.data && (
        <PaymentMethod subscription={subscription.data} canManage={canManage} refetch={subscription.refetch} />
      )}
      {plans.data && <PlansTable plans={plans.data} subscription={subscription.data} canManage={canManage} />}
      {details.isError && <ErrorBanner error={details.error} onRetry={() => void details.refetch()} />}
      {details.data && <BillingDetailsForm details={details.data} canEdit={canManage} />}
    </section>
  );
}
