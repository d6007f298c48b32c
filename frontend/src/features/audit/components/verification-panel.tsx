import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { useVerification } from '../api/verify';
import { VerificationResult } from './verification-result';

/** Checks the log once on opening and again on "Verify now". */
export function VerificationPanel({ timeZone }: { timeZone: string }) {
  const verification = useVerification();
  return (
    <section className="card panel" aria-labelledby="verification-title">
      <header className="panel__header">
        <h2 className="panel__title" id="verification-title">
          Verification
        </h2>
        <button
          type="button"
          className="button button--primary"
          disabled={verification.isFetching}
          aria-busy={verification.isFetching}
          onClick={() => void verification.refetch()}
        >
          Verify now
        </button>
      </header>
      <p className="panel__empty">
        Recomputes every event’s hash and checks the agency’s tree against the latest checkpoint signed with the
        platform’s key.
      </p>
      {verification.isFetching && <Spinner label="Verifying…" />}
      {verification.isError && !verification.isFetching && <ErrorBanner error={verification.error} />}
      {verification.data && !verification.isFetching && <VerificationResult result={verification.data} timeZone={timeZone} />}
    </section>
  );
}
