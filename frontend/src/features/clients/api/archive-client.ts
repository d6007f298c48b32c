import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CommandResult } from '@/lib/api';
import { clientKeys } from './types';

export function archiveClient(id: string): Promise<CommandResult> {
  return api.post<CommandResult>(`/api/clients/${encodeURIComponent(id)}/archive`);
}

export function restoreClient(id: string): Promise<CommandResult> {
  return api.post<CommandResult>(`/api/clients/${encodeURIComponent(id)}/restore`);
}

export function useSetClientArchived(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => (archived ? archiveClient(id) : restoreClient(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all }),
  });
}
