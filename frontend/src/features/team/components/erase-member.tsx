import { useId, useState, type FormEvent } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { splitError } from '@/lib/form';
import { useEraseMember } from '../api/request-erasure';
import type { TeamMember } from '../api/types';

const FIELDS = ['reason'] as const;

/** For a deactivated member: erases their personal data after the owner confirms and gives a reason. */
export function EraseMember({ member }: { member: TeamMember }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string>();
  const erase = useEraseMember();
  const titleId = useId();
  const { fieldErrors, bannerError } = splitError(erase.error, FIELDS);
  const who = member.name || member.email;

  if (erase.isSuccess) {
    return <span role="status">Erasure requested</span>;
  }
  if (!confirming) {
    return (
      <button type="button" className="button button--danger" aria-label={`Erase personal data of ${who}`} onClick={() => setConfirming(true)}>
        Erase personal data
      </button>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problem = reason.trim() ? undefined : 'Say why, e.g. the person asked for it. The audit log keeps the reason.';
    setMissing(problem);
    if (!problem) erase.mutate({ userId: member.userId, reason: reason.trim() });
  };

  return (
    <form className="confirm-box" role="dialog" aria-labelledby={titleId} onSubmit={onSubmit} noValidate>
      <p className="confirm-box__text" id={titleId}>
        Erase {who}’s personal data? Their name and e-mail address are removed from every record for good; the audit log
        keeps that it happened, and why.
      </p>
      <FormField
        label="Reason"
        multiline
        rows={2}
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={missing ?? fieldErrors.reason}
      />
      <ErrorBanner error={bannerError} />
      <span className="confirm">
        <button type="submit" className="button button--danger" disabled={erase.isPending}>
          {erase.isPending ? 'Erasing…' : 'Erase for good'}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </span>
    </form>
  );
}
