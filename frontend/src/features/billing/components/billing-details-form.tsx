import { useEffect, useState, type FormEvent } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { isEmail, optional, splitError } from '@/lib/form';
import { useSaveBillingDetails } from '../api/billing-details';
import type { BillingDetails } from '../api/types';

const FIELDS = ['legalName', 'addressLines', 'postalCode', 'city', 'country', 'vatId', 'billingEmail'] as const;

type Draft = { legalName: string; address: string; postalCode: string; city: string; country: string; vatId: string; billingEmail: string };

function draftOf(d: BillingDetails): Draft {
  return {
    legalName: d.legalName ?? '',
    address: d.addressLines.join('\n'),
    postalCode: d.postalCode ?? '',
    city: d.city ?? '',
    country: d.country ?? '',
    vatId: d.vatId ?? '',
    billingEmail: d.billingEmail ?? '',
  };
}

/** Who invoices are made out to; the country decides the tax, and an EU VAT id the reverse charge. */
export function BillingDetailsForm({ details, canEdit }: { details: BillingDetails; canEdit: boolean }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(details));
  const [emailError, setEmailError] = useState<string>();
  const save = useSaveBillingDetails();
  const { fieldErrors, bannerError } = splitError(save.error, FIELDS);
  useEffect(() => setDraft(draftOf(details)), [details]);

  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problem = isEmail(draft.billingEmail) ? undefined : 'Enter a valid e-mail address.';
    setEmailError(problem);
    if (problem) return;
    save.mutate({
      legalName: draft.legalName.trim(),
      addressLines: draft.address.split('\n').map((line) => line.trim()).filter((line) => line !== ''),
      postalCode: draft.postalCode.trim(),
      city: draft.city.trim(),
      country: draft.country.trim().toUpperCase(),
      vatId: optional(draft.vatId),
      billingEmail: draft.billingEmail.trim(),
    });
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="Billing details">
      <h2 className="billing-plan__title">Billing details</h2>
      <ErrorBanner error={bannerError} />
      <fieldset disabled={!canEdit} className="form__fieldset">
        <FormField label="Legal name" name="legalName" value={draft.legalName} onChange={set('legalName')} error={fieldErrors.legalName} />
        <FormField label="Address" name="address" multiline rows={3} value={draft.address} onChange={set('address')} error={fieldErrors.addressLines} hint="One line per line of the address, up to four." />
        <div className="form__row">
          <FormField label="Postal code" name="postalCode" value={draft.postalCode} onChange={set('postalCode')} error={fieldErrors.postalCode} />
          <FormField label="City" name="city" value={draft.city} onChange={set('city')} error={fieldErrors.city} />
          <FormField label="Country" name="country" maxLength={2} value={draft.country} onChange={set('country')} error={fieldErrors.country} hint="Two letters, e.g. DE" />
        </div>
        <FormField label="VAT id" name="vatId" value={draft.vatId} onChange={set('vatId')} error={fieldErrors.vatId} hint="Optional. An EU business's VAT id puts the reverse charge on its invoices." />
        <FormField label="Billing e-mail" name="billingEmail" type="email" value={draft.billingEmail} onChange={set('billingEmail')} error={emailError ?? fieldErrors.billingEmail} />
      </fieldset>
      {canEdit && (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            Save billing details
          </button>
          {save.isSuccess && <span role="status">Saved.</span>}
        </div>
      )}
    </form>
  );
}
