import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorBanner } from '@/components/error-banner';
import { useAddCard } from '../api/payment-method';
import type { Subscription } from '../api/types';

const brandNames: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express' };

/**
 * The saved card, and a button to save one (or another) on the provider's hosted page. Back from there with
 * `?card=saved`, the card shows once the provider's webhook has reached us: until then the subscription is polled.
 */
export function PaymentMethod({ subscription, canManage, refetch }: { subscription: Subscription; canManage: boolean; refetch: () => unknown }) {
  const [params] = useSearchParams();
  const returned = params.get('card');
  const card = subscription.paymentMethod;
  const waiting = returned === 'saved' && !card;
  const addCard = useAddCard();

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void refetch(), 1_000);
    return () => clearInterval(timer);
  }, [waiting, refetch]);

  return (
    <div className="card" aria-label="Payment method">
      <h2 className="billing-plan__title">Payment method</h2>
      {card ? (
        <p data-testid="saved-card">
          {brandNames[card.brand] ?? card.brand} •••• {card.last4}, expires {String(card.expMonth).padStart(2, '0')}/{card.expYear}
        </p>
      ) : waiting ? (
        <p role="status">Saving your card…</p>
      ) : (
        <p>No card yet. {subscription.status === 'trialing' ? 'Add one before the trial ends to keep your plan.' : ''}</p>
      )}
      {returned === 'cancelled' && !card && <p role="status">No card was saved.</p>}
      {addCard.isError && <ErrorBanner error={addCard.error} />}
      {canManage && (
        <button type="button" className="button" disabled={addCard.isPending} onClick={() => addCard.mutate()}>
          {card ? 'Replace card' : 'Add a card'}
        </button>
      )}
    </div>
  );
}
