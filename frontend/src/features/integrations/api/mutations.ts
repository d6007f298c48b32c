import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type CommandResult } from '@/lib/api';
import { staleAfterIntegrationChange, type ConnectInput, type ImportResult } from './types';

export type ConnectResult = CommandResult & { status?: string };
export type SyncResult = CommandResult & { syncId?: string };

export function connectIntegration(clientId: string, input: ConnectInput): Promise<ConnectResult> {
  return api.post<ConnectResult>(`/api/clients/${encodeURIComponent(clientId)}/integrations`, input);
}

export function syncIntegration(id: string): Promise<SyncResult> {
  return api.post<SyncResult>(`/api/integrations/${encodeURIComponent(id)}/sync`);
}

export function disconnectIntegration(id: string): Promise<CommandResult> {
  return api.delete<CommandResult>(`/api/integrations/${encodeURIComponent(id)}`);
}

export function importCsv(id: string, file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  return api.post<ImportResult>(`/api/integrations/${encodeURIComponent(id)}/import`, form);
}

function invalidateAll(queryClient: QueryClient) {
  return Promise.all(staleAfterIntegrationChange.map((queryKey) => queryClient.invalidateQueries({ queryKey: [...queryKey] })));
}

export function useConnectIntegration(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectInput) => connectIntegration(clientId, input),
    onSuccess: () => invalidateAll(queryClient),
  });
}

export function useSyncIntegration() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: syncIntegration, onSuccess: () => invalidateAll(queryClient) });
}

export function useDisconnectIntegration() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: disconnectIntegration, onSuccess: () => invalidateAll(queryClient) });
}

export function useImportCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => importCsv(id, file),
    onSuccess: () => invalidateAll(queryClient),
  });
}
