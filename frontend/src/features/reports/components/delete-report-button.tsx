import { useState } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { useDeleteReport } from '../api/delete-report';

type Props = { reportId: string; title: string; onDeleted: () => void };

/** Two steps: a report and its schedule go for good (delivered files and their history stay). */
export function DeleteReportButton({ reportId, title, onDeleted }: Props) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteReport();
  if (!confirming) {
    return (
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        Delete
      </button>
    );
  }
  return (
    <div className="confirm-box" role="group" aria-label="Confirm deletion">
      <p className="confirm-box__text">
        Delete “{title}”? Its schedule stops; files already sent stay in the history.
      </p>
      <span className="confirm">
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(reportId, { onSuccess: onDeleted })}
        >
          {remove.isPending ? 'Deleting…' : 'Delete report'}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </span>
      <ErrorBanner error={remove.error} />
    </div>
  );
}
