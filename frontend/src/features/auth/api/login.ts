import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Tokens } from '@/lib/auth';

export type LoginInput = { email: string; password: string };
export type LoginResult = Tokens & { tokenType: string };

export function login(input: LoginInput): Promise<LoginResult> {
  return api.post<LoginResult>('/api/auth/login', input, { auth: false });
}

export function useLogin() {
  return useMutation({ mutationFn: login });
}
