import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** Asks for the provider's hosted page to save a card, and goes there; the provider sends the browser back here. */
export function useAddCard() {
  return useMutation({
    mutationFn: () =>
      api.post<{ redirectUrl: string }>('/api/subscriptions/payment-method', {
        returnUrl: `${window.location.origin}/billing`,
      }),
    onSuccess: ({ redirectUrl }) => {
      window.location.assign(redirectUrl);
    },
  });
}
