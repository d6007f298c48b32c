import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CommandResult } from '@/lib/api';
import { clientKeys, type ClientInput } from './types';

/** Only the fields that changed; `null` clears an optional field. */
export type ClientPatch = { [K in keyof ClientInput]?: ClientInput[K] | null };

export function updateClient(id: string, patch: ClientPatch): Promise<CommandResult> {
  return api.patch<CommandResult>(`/api/clients/${encodeURIComponent(id)}`, patch);
}

export function useUpdateClient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ClientPatch) => updateClient(id, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all }),
  });
}
