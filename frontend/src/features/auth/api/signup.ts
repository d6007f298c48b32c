import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Tokens } from '@/lib/auth';

/** `timeZone`: the agency's IANA zone; its days are the days of every dashboard and report (UTC when left out). */
export type SignupInput = { agencyName: string; name: string; email: string; password: string; timeZone?: string };
export type SignupResult = Tokens & { agencyId: string; userId: string };

export const PASSWORD_MIN_LENGTH = 12;

export function signup(input: SignupInput): Promise<SignupResult> {
  return api.post<SignupResult>('/api/auth/signup', input, { auth: false });
}

export function useSignup() {
  return useMutation({ mutationFn: signup });
}
