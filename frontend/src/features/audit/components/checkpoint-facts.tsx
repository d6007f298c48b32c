import { CopyButton } from '@/components/copy-button';
import { formatNumber } from '@/lib/format';
import type { Checkpoint } from '../api/types';
import { shortId } from '../utils/describe';
import { formatDateTimeIn } from '../utils/time';

/** The signed checkpoint the log was checked against. */
export function CheckpointFacts({ checkpoint, timeZone }: { checkpoint: Checkpoint; timeZone: string }) {
  return (
    <dl className="facts" aria-label="Latest checkpoint">
      <div>
        <dt>Checkpoint size</dt>
        <dd>{formatNumber(checkpoint.size)}</dd>
      </div>
      <div>
        <dt>Root hash</dt>
        <dd>
          <code title={checkpoint.rootHash}>{shortId(checkpoint.rootHash, 12)}</code>{' '}
          <CopyButton value={checkpoint.rootHash} label="Copy root hash" />
        </dd>
      </div>
      <div>
        <dt>Signed</dt>
        <dd>
          <time dateTime={checkpoint.timestamp}>{formatDateTimeIn(checkpoint.timestamp, timeZone)}</time>
        </dd>
      </div>
      <div>
        <dt>Key id</dt>
        <dd>
          <code title={checkpoint.keyId}>{shortId(checkpoint.keyId, 12)}</code>
        </dd>
      </div>
    </dl>
  );
}
