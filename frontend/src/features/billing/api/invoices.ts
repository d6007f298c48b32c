import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type DownloadedFile } from '@/lib/api';
import { saveBlob } from '@/lib/download';
import { billingKeys, type Invoice, type InvoicePage, type PayResult } from './types';

const PAGE_SIZE = 12;

/** Newest first, a page at a time; `next` of one page is `after` of the next. */
export function useInvoices() {
  return useInfiniteQuery({
    queryKey: billingKeys.invoices,
    queryFn: ({ signal, pageParam }) =>
      api.get<InvoicePage>('/api/subscriptions/invoices', { signal, query: { limit: PAGE_SIZE, after: pageParam } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}

/** The invoice's PDF, fetched with the bearer token (a plain link could not carry it). */
export function downloadInvoice(invoice: Invoice): Promise<DownloadedFile> {
  return api.download(`/api/subscriptions/invoices/${encodeURIComponent(invoice.id)}`, {
    query: { format: 'pdf' },
    fallbackName: `invoice-${invoice.number}.pdf`,
  });
}

export function useDownloadInvoice() {
  return useMutation({
    mutationFn: downloadInvoice,
    onSuccess: (file) => saveBlob(file.blob, file.filename),
  });
}

/** Charges the saved card now; a declined card answers `paid: false` with the reason, not an error. */
export function usePayInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoice: Invoice) =>
      api.post<PayResult>(`/api/subscriptions/invoices/${encodeURIComponent(invoice.id)}/pay`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: billingKeys.all }),
  });
}
