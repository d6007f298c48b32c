import { Link } from 'react-router';
import { useSubscription } from '../api/get-billing';
import { billingBannerText } from '../utils/billing-format';

/** Across the whole app while the subscription is past due, suspended or canceled; nothing otherwise. */
export function BillingBanner() {
  const subscription = useSubscription();
  const text = billingBannerText(subscription.data?.status);
  if (!text) return null;
  return (
    <div className="banner banner--error billing-banner" role="alert" data-testid="billing-banner">
      <strong className="banner__title">{text.message}</strong>
      <Link to="/billing">{text.link}</Link>
    </div>
  );
}
