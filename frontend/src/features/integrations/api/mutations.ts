import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type CommandResult } from '@/lib/api';
import { staleAfterIntegrationChange, type ConnectInput, type ConnectResult, type ImportResult, type SyncResult } from './types';

export function connectIntegration(clientId: string, input: ConnectInput): Promise<ConnectResult> {
  // the answer of an OAuth connect sets the cookie that binds the round trip to this browser: api keeps it
  return api.post<ConnectResult>(`/api/clients/${encodeURIComponent(clientId)}/integrations`, input);
}

/** A new authorization round trip for an OAuth integration (revoked grant, abandoned consent). */
export function reconnectIntegration(id: string): Promise<ConnectResult> {
  return api.post<ConnectResult>(`/api/integrations/${encodeURIComponent(id)}/reconnect`);
}

/** 202 once the sync has started; it finishes in the background. */
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

export function invalidateAfterIntegrationChange(queryClient: QueryClient) {
  return Promise.all(staleAfterIntegrationChange.map((queryKey) => queryClient.invalidateQueries({ queryKey: [...queryKey] })));
}

export function useConnectIntegration(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectInput) => connectIntegration(clientId, input),
    onSuccess: () => invalidateAfterIntegrationChange(queryClient),
  });
}

export function useReconnectIntegration() {
  // no invalidation: the browser leaves for the provider's consent page right away
  return useMutation({ mutationFn: reconnectIntegration });
}

export function useSyncIntegration() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: syncIntegration, onSuccess: () => invalidateAfterIntegrationChange(queryClient) });
}

export function useDisconnectIntegration() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: disconnectIntegration, onSuccess: () => invalidateAfterIntegrationChange(queryClient) });
}

export function useImportCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => importCsv(id, file),
    onSuccess: () => invalidateAfterIntegrationChange(queryClient),
  });
}
