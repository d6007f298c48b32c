import { useState } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { useCancelSubscription, useEndTrial, useResumeSubscription } from '../api/cancel-subscription';
import type { Subscription } from '../api/types';
import { billingDay } from '../utils/billing-format';

/** When a cancellation asked for now takes effect: the trial's end while trialing, else the period's. */
function endOf(subscription: Subscription): string | null {
  return subscription.status === 'trialing' ? subscription.trialEndsAt : subscription.currentPeriodEnd;
}

/** "Start paying now": the trial ends and the first month is charged to the saved card at once. */
function EndTrialNow() {
  const endTrial = useEndTrial();
  return (
    <>
      <button type="button" className="button" disabled={endTrial.isPending} onClick={() => endTrial.mutate()}>
        Start paying now
      </button>
      {endTrial.isError && <ErrorBanner error={endTrial.error} />}
    </>
  );
}

/**
 * "Cancel subscription" (at the period's end, after a confirmation) while trialing or active, and "Resume
 * subscription" once a cancellation is scheduled or done. For owners and admins.
 */
export function SubscriptionActions({ subscription }: { subscription: Subscription }) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useCancelSubscription();
  const resume = useResumeSubscription();
  const canResume = subscription.cancelAtPeriodEnd || subscription.status === 'canceled';
  const canCancel = !canResume && (subscription.status === 'trialing' || subscription.status === 'active');

  if (canResume) {
    return (
      <div className="button-row">
        <button type="button" className="button" disabled={resume.isPending} onClick={() => resume.mutate()}>
          Resume subscription
        </button>
        {resume.isError && <ErrorBanner error={resume.error} />}
      </div>
    );
  }
  if (!canCancel) return null;
  if (!confirming) {
    return (
      <div className="button-row">
        {subscription.status === 'trialing' && subscription.paymentMethod && <EndTrialNow />}
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          Cancel subscription
        </button>
      </div>
    );
  }
  return (
    <div role="group" aria-label="Cancel subscription">
      <p>
        Your subscription ends on {billingDay(endOf(subscription))} and will not renew. Until then everything works as
        now, and you can resume it.
      </p>
      {cancel.isError && <ErrorBanner error={cancel.error} />}
      <button
        type="button"
        className="button button--danger"
        disabled={cancel.isPending}
        onClick={() => cancel.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      >
        Confirm cancellation
      </button>{' '}
      <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
        Keep subscription
      </button>
    </div>
  );
}
