import { useMutation } from '@tanstack/react-query';
import { api, type DownloadedFile } from '@/lib/api';
import { saveBlob } from '@/lib/download';
import type { ReportFormat } from './types';

/** The CSV or PDF of a report, fetched with the bearer token (a plain link could not carry it). */
export function exportReport(id: string, format: ReportFormat): Promise<DownloadedFile> {
  return api.download(`/api/reports/${encodeURIComponent(id)}/export`, {
    query: { format },
    fallbackName: `report.${format}`,
  });
}

/** Fetches the export and hands it to the browser's downloads under the name the server suggests. */
export function useExportReport(id: string) {
  return useMutation({
    mutationFn: (format: ReportFormat) => exportReport(id, format),
    onSuccess: (file) => saveBlob(file.blob, file.filename),
  });
}
