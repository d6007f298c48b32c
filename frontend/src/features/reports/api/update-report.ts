import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CommandResult } from '@/lib/api';
import { reportKeys, type ReportPatch } from './types';

export function updateReport(id: string, patch: ReportPatch): Promise<CommandResult> {
  return api.patch<CommandResult>(`/api/reports/${encodeURIComponent(id)}`, patch);
}

export function useUpdateReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ReportPatch) => updateReport(id, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
