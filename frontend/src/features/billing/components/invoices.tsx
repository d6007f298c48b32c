import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { useDownloadInvoice, useInvoices, usePayInvoice } from '../api/invoices';
import type { Invoice } from '../api/types';
import { billingDay, formatCents } from '../utils/billing-format';

function PayOutcome({ pay }: { pay: ReturnType<typeof usePayInvoice> }) {
  if (pay.isError) return <ErrorBanner error={pay.error} />;
  if (!pay.data || !pay.variables) return null;
  if (pay.data.paid) {
    return (
      <p className="banner banner--success" role="status" data-testid="pay-success">
        Invoice {pay.variables.number} is paid. Thank you.
      </p>
    );
  }
  return (
    <div className="banner banner--error" role="alert" data-testid="pay-failure">
      <div>
        <strong className="banner__title">The payment of invoice {pay.variables.number} failed</strong>
        <p className="banner__detail">{pay.data.failure || 'The card was not charged.'}</p>
      </div>
    </div>
  );
}

function InvoiceRow({ invoice, pay, download }: {
  invoice: Invoice;
  pay: ReturnType<typeof usePayInvoice>;
  download: ReturnType<typeof useDownloadInvoice>;
}) {
  const open = invoice.status === 'open';
  return (
    <tr>
      <th scope="row">
        {invoice.number}
        {invoice.kind === 'credit-note' && <span className="badge"> Credit note</span>}
      </th>
      <td>{billingDay(invoice.issuedAt)}</td>
      <td>{invoice.periodStart ? `${billingDay(invoice.periodStart)} – ${billingDay(invoice.periodEnd)}` : '—'}</td>
      <td>{formatCents(invoice.totalCents, invoice.currency)}</td>
      <td>
        <span className={`badge ${open ? 'badge--pending' : 'badge--active'}`}>{open ? 'Open' : 'Paid'}</span>
      </td>
      <td className="table__actions">
        <span className="button-row">
          <button
            type="button"
            className="button button--small"
            disabled={download.isPending && download.variables?.id === invoice.id}
            onClick={() => download.mutate(invoice)}
          >
            Download PDF
          </button>
          {open && (
            <button
              type="button"
              className="button button--small button--primary"
              disabled={pay.isPending}
              onClick={() => pay.mutate(invoice)}
            >
              {pay.isPending && pay.variables?.id === invoice.id ? 'Paying…' : 'Pay now'}
            </button>
          )}
        </span>
      </td>
    </tr>
  );
}

/** The agency's invoices, newest first, with their PDFs; an open one can be paid with the saved card. */
export function Invoices() {
  const invoices = useInvoices();
  const pay = usePayInvoice();
  const download = useDownloadInvoice();
  const items = invoices.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card" aria-labelledby="invoices-heading">
      <h2 className="billing-plan__title" id="invoices-heading">
        Invoices
      </h2>
      <PayOutcome pay={pay} />
      <ErrorBanner error={download.error} />
      {invoices.isPending && <Spinner label="Loading invoices…" />}
      {invoices.isError && <ErrorBanner error={invoices.error} onRetry={() => void invoices.refetch()} />}
      {invoices.isSuccess && items.length === 0 && (
        <EmptyState title="No invoices yet">The first one is issued when the trial ends.</EmptyState>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Invoices">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Date</th>
                <th scope="col">Period</th>
                <th scope="col">Total</th>
                <th scope="col">Status</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((invoice) => (
                <InvoiceRow key={invoice.id} invoice={invoice} pay={pay} download={download} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {invoices.hasNextPage && (
        <button
          type="button"
          className="button button--ghost"
          disabled={invoices.isFetchingNextPage}
          onClick={() => void invoices.fetchNextPage()}
        >
          Show older invoices
        </button>
      )}
    </section>
  );
}
