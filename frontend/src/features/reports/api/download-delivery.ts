import { useMutation } from '@tanstack/react-query';
import { api, type DownloadedFile } from '@/lib/api';
import { saveBlob } from '@/lib/download';
import type { Delivery } from './types';

/** The exact bytes that were e-mailed (served by command-side from the kept file). */
export function downloadDelivery(delivery: Delivery): Promise<DownloadedFile> {
  const path =
    delivery.fileUrl && delivery.fileUrl.startsWith('/api/')
      ? delivery.fileUrl
      : `/api/reports/${encodeURIComponent(delivery.reportId)}/deliveries/${encodeURIComponent(delivery.id)}/file`;
  return api.download(path, { fallbackName: delivery.fileName ?? `report.${delivery.format}` });
}

export function useDownloadDelivery() {
  return useMutation({
    mutationFn: downloadDelivery,
    onSuccess: (file) => saveBlob(file.blob, file.filename),
  });
}
