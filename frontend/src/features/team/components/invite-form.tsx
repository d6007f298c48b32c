import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { FormField, SelectField } from '@/components/form-field';
import { isEmail, splitError } from '@/lib/form';
import { inviteLink, useInviteMember } from '../api/invite-member';
import { INVITABLE_ROLES, roleLabels } from '../api/types';

const FIELDS = ['email', 'role'] as const;

export function InviteForm({ onClose }: { onClose: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('ANALYST');
  const [localError, setLocalError] = useState<string>();
  const [created, setCreated] = useState<{ email: string; link: string }>();
  const [copied, setCopied] = useState(false);
  const invite = useInviteMember();
  const { fieldErrors, bannerError } = splitError(invite.error, FIELDS);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problem = isEmail(email) ? undefined : 'Enter a valid e-mail address.';
    setLocalError(problem);
    if (problem) return;
    setCreated(undefined);
    setCopied(false);
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (result) => {
          setCreated({ email: email.trim(), link: inviteLink(result.inviteToken) });
          setEmail('');
        },
      },
    );
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="card card--accent">
      <form className="form form--inline" onSubmit={onSubmit} noValidate aria-label="Invite a teammate">
        <ErrorBanner error={bannerError} />
        <div className="form__row">
          <FormField label="Email" name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={localError ?? fieldErrors.email} />
          <SelectField label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value)} error={fieldErrors.role}>
            {INVITABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={invite.isPending}>
            Send invitation
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
      {created && (
        <div className="invite-result" role="status">
          <p>
            Invitation created for <strong>{created.email}</strong>. Send them this link:
          </p>
          <div className="invite-result__row">
            <label className="visually-hidden" htmlFor="invite-link">
              Invite link
            </label>
            <input id="invite-link" className="input" readOnly value={created.link} onFocus={(e) => e.target.select()} />
            <button type="button" className="button" onClick={copy}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
