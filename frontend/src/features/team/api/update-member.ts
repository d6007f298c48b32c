import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CommandResult } from '@/lib/api';
import { teamKeys } from './types';

export function changeRole(userId: string, role: string): Promise<CommandResult> {
  return api.patch<CommandResult>(`/api/team/${encodeURIComponent(userId)}`, { role });
}

export function deactivateMember(userId: string): Promise<CommandResult> {
  return api.delete<CommandResult>(`/api/team/${encodeURIComponent(userId)}`);
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: string }) => changeRole(userId, role),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.all }),
  });
}

export function useDeactivateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.all }),
  });
}
