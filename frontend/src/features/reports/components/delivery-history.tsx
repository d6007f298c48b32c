import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Pagination } from '@/components/pagination';
import { Spinner } from '@/components/spinner';
import { formatDateTime, formatDayRange, formatRelative } from '@/lib/format';
import { useDeliveries } from '../api/get-deliveries';
import { useDownloadDelivery } from '../api/download-delivery';
import type { Delivery } from '../api/types';
import { DELIVERY_STATUS_LABELS, describeDeliveryProblem, formatBytes } from '../utils/report-summary';

const STATUS_BADGE: Record<Delivery['status'], string> = {
  requested: 'badge--syncing',
  retrying: 'badge--pending',
  delivered: 'badge--connected',
  failed: 'badge--error',
  cancelled: 'badge--disconnected',
};

/** What was sent, to whom, how it went, and the exact file that went out. */
export function DeliveryHistory({ reportId }: { reportId: string }) {
  const [page, setPage] = useState(0);
  const deliveries = useDeliveries(reportId, page);
  const download = useDownloadDelivery();
  const data = deliveries.data;

  if (deliveries.isPending) return <Spinner label="Loading deliveries…" />;
  if (deliveries.isError) return <ErrorBanner error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (!data || data.items.length === 0) {
    return <EmptyState title="Nothing sent yet">Scheduled and “Send now” e-mails show up here with their files.</EmptyState>;
  }
  return (
    <>
      <ErrorBanner error={download.error} />
      <div className="table-wrap">
        <table className="table" aria-label="Delivery history">
          <thead>
            <tr>
              <th scope="col">Requested</th>
              <th scope="col">How</th>
              <th scope="col">Recipients</th>
              <th scope="col">Status</th>
              <th scope="col">File</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => {
              const problem = d.status === 'delivered' ? null : describeDeliveryProblem(d.lastReason, d.lastError);
              return (
                <tr key={d.id}>
                  <td>
                    <time dateTime={d.requestedAt} title={formatDateTime(d.requestedAt)}>
                      {formatRelative(d.requestedAt)}
                    </time>
                  </td>
                  <td>
                    {d.trigger === 'schedule' ? 'Schedule' : 'Send now'} · {d.format.toUpperCase()}
                  </td>
                  <td className="delivery__recipients">{d.recipients.join(', ')}</td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[d.status]}`}>{DELIVERY_STATUS_LABELS[d.status] ?? d.status}</span>
                    {d.deliveredAt && <span className="table__secondary"> {formatDateTime(d.deliveredAt)}</span>}
                    {problem && (
                      <span className="delivery__problem" title={d.lastError ?? undefined}>
                        {problem}
                        {d.attempts > 1 && ` (${d.attempts} attempts)`}
                      </span>
                    )}
                  </td>
                  <td>
                    {d.status === 'delivered' ? (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={download.isPending && download.variables?.id === d.id}
                        onClick={() => download.mutate(d)}
                        aria-label={`Download ${d.fileName ?? 'the delivered file'}`}
                        title={d.sha256 ? `SHA-256 ${d.sha256}` : undefined}
                      >
                        {d.fileName ?? 'Download'}
                      </button>
                    ) : (
                      <span className="table__secondary">—</span>
                    )}
                    {d.status === 'delivered' && (
                      <span className="table__secondary delivery__meta">
                        {formatDayRange(d.from, d.to)} · {formatBytes(d.sizeBytes)}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {data.total > data.size && <Pagination page={data.page} size={data.size} total={data.total} onPageChange={setPage} />}
    </>
  );
}
