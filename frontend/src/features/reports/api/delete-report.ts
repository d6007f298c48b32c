import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CommandResult } from '@/lib/api';
import { reportKeys } from './types';

/** The report and its schedule go; delivered files and the delivery history stay. */
export function deleteReport(id: string): Promise<CommandResult> {
  return api.delete<CommandResult>(`/api/reports/${encodeURIComponent(id)}`);
}

export function useDeleteReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteReport,
    onSuccess: (_result, id) => {
      // the detail would answer 404 now: drop it rather than refetch it
      queryClient.removeQueries({ queryKey: reportKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: reportKeys.lists });
    },
  });
}
