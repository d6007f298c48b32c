import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CommandResult } from '@/lib/api';
import { reportKeys, type DeliveryStatus, type SendNowRequest } from './types';

export type DeliveryAccepted = CommandResult & { reportId: string; status: DeliveryStatus };

/** "Send now": 202 at once, e-mailed in the background; the history shows how it went. */
export function sendReport(id: string, input: SendNowRequest): Promise<DeliveryAccepted> {
  return api.post<DeliveryAccepted>(`/api/reports/${encodeURIComponent(id)}/deliveries`, input);
}

export function useSendReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendNowRequest) => sendReport(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.deliveries(id) }),
  });
}
