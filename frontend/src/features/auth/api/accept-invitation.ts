import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Tokens } from '@/lib/auth';

export type AcceptInvitationInput = { inviteToken: string; name: string; password: string };
export type AcceptInvitationResult = Tokens & { agencyId: string; userId: string };

export function acceptInvitation(input: AcceptInvitationInput): Promise<AcceptInvitationResult> {
  return api.post<AcceptInvitationResult>('/api/auth/accept-invitation', input, { auth: false });
}

export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
