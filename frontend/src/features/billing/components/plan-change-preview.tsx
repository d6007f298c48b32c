import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { usePlanChangePreview } from '../api/change-plan';
import type { Plan, Subscription } from '../api/types';
import { billingDay, formatCents } from '../utils/billing-format';

/** What a switch costs, asked of the server when the confirmation opens: prorated now, or nothing until period end. */
export function PlanChangePreview({ plan, subscription }: { plan: Plan; subscription: Subscription }) {
  const preview = usePlanChangePreview(plan.key);
  if (preview.isPending) return <Spinner label="Working out the cost…" />;
  if (preview.isError) return <ErrorBanner error={preview.error} onRetry={() => void preview.refetch()} />;
  const p = preview.data;
  if (subscription.status === 'trialing') {
    return <p data-testid="plan-change-preview">Free during your trial</p>;
  }
  return (
    <div data-testid="plan-change-preview">
      {p.lines.length > 0 && (
        <table className="table" aria-label={`Cost of switching to ${plan.name}`}>
          <tbody>
            {p.lines.map((line, i) => (
              <tr key={i}>
                <td>{line.description}</td>
                <td>{formatCents(line.amountCents, p.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.effective === 'now' ? (
        <p>
          <strong>Due now: {formatCents(p.totalCents, p.currency)}</strong>
        </p>
      ) : (
        <p>Takes effect at the end of the period on {billingDay(p.effectiveAt ?? subscription.currentPeriodEnd)}</p>
      )}
    </div>
  );
}
