import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { teamKeys } from './types';

export type InviteInput = { email: string; role: string };
export type InviteResult = { invitationId: string; inviteToken: string; position?: number };

export function inviteMember(input: InviteInput): Promise<InviteResult> {
  return api.post<InviteResult>('/api/team/invitations', input);
}

/** The token rides in the fragment (#token=…), which a browser never sends: no server or proxy log holds it. */
export function inviteLink(inviteToken: string, origin: string = window.location.origin): string {
  return `${origin}/accept-invitation#token=${encodeURIComponent(inviteToken)}`;
}

export function useInviteMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.all }),
  });
}
