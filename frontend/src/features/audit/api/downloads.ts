import { useMutation } from '@tanstack/react-query';
import { api, type DownloadedFile } from '@/lib/api';
import { saveBlob } from '@/lib/download';

/** `from`/`to`: ISO instants, either may be left out. */
export type ExportRange = { from?: string; to?: string };

/** The agency's events with their proofs and the signed checkpoint, as NDJSON; the server names the file. */
export function exportAuditLog(range: ExportRange): Promise<DownloadedFile> {
  return api.download('/api/audit/export', { query: range, fallbackName: 'audit-export.ndjson' });
}

/** The public key checkpoints are signed with (a JWK), for verifying an export offline. */
export function downloadCheckpointKey(): Promise<DownloadedFile> {
  return api.download('/api/audit/checkpoint-key', { fallbackName: 'audit-checkpoint-key.jwk.json' });
}

export function useExportAuditLog() {
  return useMutation({ mutationFn: exportAuditLog, onSuccess: (file) => saveBlob(file.blob, file.filename) });
}

export function useDownloadCheckpointKey() {
  return useMutation({ mutationFn: downloadCheckpointKey, onSuccess: (file) => saveBlob(file.blob, file.filename) });
}
