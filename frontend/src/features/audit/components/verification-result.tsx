import { formatNumber } from '@/lib/format';
import type { Verification } from '../api/types';
import { CheckpointFacts } from './checkpoint-facts';

/** Intact (checked against a signed checkpoint), not sealed yet, or broken with where and why. */
export function VerificationResult({ result, timeZone }: { result: Verification; timeZone: string }) {
  const sealed = result.checkpoint !== null;
  return (
    <div className="verification" role="status">
      {!result.ok ? (
        <h3 className="verification__status verification__status--broken">
          Broken <span aria-hidden="true">✗</span>
        </h3>
      ) : sealed ? (
        <h3 className="verification__status verification__status--intact">
          Intact <span aria-hidden="true">✓</span>
        </h3>
      ) : (
        <h3 className="verification__status">Not sealed yet</h3>
      )}
      {result.ok && !sealed && (
        <p className="notice">The log has not been sealed yet; the first checkpoint is written within a minute.</p>
      )}
      {!result.ok && (
        <dl className="facts verification__problem" aria-label="What is broken">
          <div>
            <dt>Reason</dt>
            <dd>{result.reason ?? 'Not given'}</dd>
          </div>
          {result.kind && (
            <div>
              <dt>Kind</dt>
              <dd>{result.kind}</dd>
            </div>
          )}
          {result.firstBrokenPosition !== undefined && (
            <div>
              <dt>First broken position</dt>
              <dd>{formatNumber(result.firstBrokenPosition)}</dd>
            </div>
          )}
        </dl>
      )}
      <dl className="facts">
        <div>
          <dt>Events checked</dt>
          <dd>{formatNumber(result.eventsChecked)}</dd>
        </div>
        <div>
          <dt>Verified up to</dt>
          <dd>{formatNumber(result.verifiedUpTo)}</dd>
        </div>
      </dl>
      {result.checkpoint && <CheckpointFacts checkpoint={result.checkpoint} timeZone={timeZone} />}
    </div>
  );
}
