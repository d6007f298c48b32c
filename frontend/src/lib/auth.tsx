import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { inGroup } from './roles';
import { bootstrap, getState, logout, startSession, subscribe, type AuthState, type Me, type Tokens } from './session';

export type { Me, Tokens };

export { MANAGERS as MANAGER_ROLES } from './roles';

export function hasAnyRole(user: Me | null, roles: readonly string[]): boolean {
  return inGroup(user, roles);
}

/** The zone the agency's days are counted in (UTC until the server says otherwise). */
export function useAgencyTimeZone(): string {
  const { user } = useAuth();
  return user?.timeZone || 'UTC';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  useEffect(() => {
    void bootstrap();
  }, []);
  return <>{children}</>;
}

export function useAuth(): AuthState & {
  startSession: (tokens: Tokens) => Promise<void>;
  logout: () => Promise<void>;
} {
  const state = useSyncExternalStore(subscribe, getState, getState);
  const queryClient = useQueryClient();
  const start = useCallback(
    async (tokens: Tokens) => {
      queryClient.clear();
      await startSession(tokens);
    },
    [queryClient],
  );
  const end = useCallback(async () => {
    await logout();
    queryClient.clear();
  }, [queryClient]);
  return useMemo(() => ({ ...state, startSession: start, logout: end }), [state, start, end]);
}
