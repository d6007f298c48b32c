import { Link } from 'react-router';
import { formatNumber } from '@/lib/format';
import { useSubscription } from '../api/get-billing';

/**
 * "3 of 10 clients on your plan" where clients or members are added; full, it says so and points to the billing
 * page. Renders nothing until the subscription is known (an agency from before subscriptions has none).
 */
export function PlanUsage({ kind }: { kind: 'clients' | 'seats' }) {
  const subscription = useSubscription();
  const s = subscription.data;
  if (!s) return null;
  const used = kind === 'clients' ? s.clientsUsed : s.seatsUsed;
  const limit = kind === 'clients' ? s.clientLimit : s.seatLimit;
  const noun = kind === 'clients' ? 'active clients' : 'seats';
  const full = used >= limit;
  return (
    <p className={full ? 'plan-usage plan-usage--full' : 'plan-usage'} data-testid={`plan-usage-${kind}`}>
      {formatNumber(used)} of {formatNumber(limit)} {noun} on your plan
      {full && (
        <>
          {' '}— the limit is reached. <Link to="/billing">See plans</Link>
        </>
      )}
    </p>
  );
}
