import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

/** Keeps this browser's session; every other session of the account ends. */
export function changePassword(input: ChangePasswordInput): Promise<{ position: number }> {
  return api.post<{ position: number }>('/api/auth/password', input);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

/** Always accepted: the answer says nothing about whether the address has an account. */
export function requestPasswordReset(email: string): Promise<unknown> {
  return api.post('/api/auth/password-reset', { email }, { auth: false });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export type ResetPasswordInput = { token: string; newPassword: string };

export function resetPassword(input: ResetPasswordInput): Promise<{ position: number }> {
  return api.post<{ position: number }>('/api/auth/password-reset/confirm', input, { auth: false });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
