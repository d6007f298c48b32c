import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CommandResult } from '@/lib/api';
import { reportKeys, type CreateReportRequest } from './types';

export function createReport(input: CreateReportRequest): Promise<CommandResult> {
  return api.post<CommandResult>('/api/reports', input);
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
