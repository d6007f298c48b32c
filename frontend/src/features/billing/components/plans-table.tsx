import { useState } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { formatNumber } from '@/lib/format';
import { useChangePlan } from '../api/change-plan';
import type { Plan, Subscription } from '../api/types';
import { formatCents } from '../utils/billing-format';
import { PlanChangePreview } from './plan-change-preview';

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
          ? `Your trial moves to ${plan.name} now, at no cost; ${formatCents(plan.monthlyPriceCents, plan.currency)} a month after it ends.`
          : `Move to ${plan.name}?`}
      </p>
      <PlanChangePreview plan={plan} subscription={subscription} />
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

/** Withdraws a downgrade waiting for the period's end: choosing the current plan again. */
function KeepPlan({ plan }: { plan: Plan }) {
  const change = useChangePlan();
  return (
    <>
      {change.isError && <ErrorBanner error={change.error} />}
      <button type="button" className="button button--ghost" disabled={change.isPending} onClick={() => change.mutate(plan.key)}>
        Keep {plan.name}
      </button>
    </>
  );
}

export function PlansTable({ plans, subscription, canManage }: { plans: Plan[]; subscription?: Subscription; canManage: boolean }) {
  const current = subscription?.plan;
  // a canceled subscription is taken up again with "Resume subscription", not by switching; one about to end is
  // resumed before it changes plan (the server refuses otherwise)
  const canSwitch = canManage && subscription && subscription.status !== 'canceled' && !subscription.cancelAtPeriodEnd;
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
              <td>{formatCents(p.monthlyPriceCents, p.currency)}</td>
              <td>{formatCents(p.yearlyPriceCents, p.currency)}</td>
              <td>{formatNumber(p.clientLimit)}</td>
              <td>{formatNumber(p.seatLimit)}</td>
              {canManage && (
                <td>
                  {canSwitch && subscription && p.key !== current && <SwitchPlan plan={p} subscription={subscription} />}
                  {canSwitch && subscription?.pendingPlan && p.key === current && <KeepPlan plan={p} />}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
