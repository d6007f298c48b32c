import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { MANAGER_ROLES, hasAnyRole, useAuth } from '@/lib/auth';
import { useBillingDetails } from '../api/billing-details';
import { usePlans, useSubscription } from '../api/get-billing';
import { BillingDetailsForm } from '../components/billing-details-form';
import { CurrentPlan } from '../components/current-plan';
import { Invoices } from '../components/invoices';
import { PaymentMethod } from '../components/payment-method';
import { PlansTable } from '../components/plans-table';

export function BillingRoute() {
  const { user } = useAuth();
  const canManage = hasAnyRole(user, MANAGER_ROLES);
  const plans = usePlans();
  const subscription = useSubscription();
  const details = useBillingDetails(canManage);
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
      {plans.data && subscription.data && (
        <CurrentPlan subscription={subscription.data} plans={plans.data} canManage={canManage} />
      )}
      {subscription.data && (
        <PaymentMethod subscription={subscription.data} canManage={canManage} refetch={subscription.refetch} />
      )}
      {canManage && subscription.data && <Invoices />}
      {plans.data && <PlansTable plans={plans.data} subscription={subscription.data} canManage={canManage} />}
      {details.isError && <ErrorBanner error={details.error} onRetry={() => void details.refetch()} />}
      {details.data && <BillingDetailsForm details={details.data} canEdit={canManage} />}
    </section>
  );
}
