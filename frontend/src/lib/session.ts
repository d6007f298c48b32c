import { api } from './api';
import { isApiError } from './api-error';
import { createRefreshScheduler } from './refresh-scheduler';

// Shared by every feature, so it lives in lib rather than features/auth.
export const REFRESH_TOKEN_KEY = 'wpm.refreshToken';

export type Tokens = { accessToken: string; refreshToken: string; expiresIn: number };

export type Me = {
  userId: string;
  agencyId: string;
  agencyName: string;
  /** The agency's IANA time zone: the days of every dashboard and report are its days. */
  timeZone?: string;
  email: string;
  name: string;
  roles: string[];
};

export type AuthState =
  | { status: 'loading'; user: null }
  | { status: 'anonymous'; user: null }
  | { status: 'authenticated'; user: Me };

let state: AuthState = { status: 'loading', user: null };
const listeners = new Set<() => void>();
let accessToken: string | null = null;
let inflightRefresh: Promise<boolean> | null = null;
let bootstrapped: Promise<void> | null = null;

const scheduler = createRefreshScheduler(() => {
  void refresh().catch(() => {
    // network trouble: the next API call's 401 will try again
  });
});

function setState(next: AuthState) {
  state = next;
  listeners.forEach((listener) => listener());
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getState(): AuthState {
  return state;
}

function storedRefreshToken(): string | null {
  try {
    return localStorage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return null;
  }
}

function storeTokens(tokens: Tokens) {
  accessToken = tokens.accessToken;
  localStorage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
  scheduler.schedule(tokens.expiresIn);
}

function clearSession() {
  accessToken = null;
  scheduler.cancel();
  localStorage.removeItem(REFRESH_TOKEN_KEY);
  setState({ status: 'anonymous', user: null });
}

/**
 * Trades the stored refresh token for a new pair. Refresh tokens work once and reusing a spent one
 * revokes the whole family, so concurrent callers share one request.
 */
export function refresh(): Promise<boolean> {
  if (inflightRefresh) return inflightRefresh;
  const refreshToken = storedRefreshToken();
  if (!refreshToken) return Promise.resolve(false);
  inflightRefresh = api
    .post<Tokens>('/api/auth/refresh', { refreshToken }, { auth: false })
    .then((tokens) => {
      storeTokens(tokens);
      return true;
    })
    .catch((error: unknown) => {
      if (isApiError(error) && (error.status === 401 || error.status === 400)) {
        clearSession();
        return false;
      }
      throw error;
    })
    .finally(() => {
      inflightRefresh = null;
    });
  return inflightRefresh;
}

async function loadUser(): Promise<void> {
  const user = await api.get<Me>('/api/auth/me');
  setState({ status: 'authenticated', user });
}

/** Adopts the tokens from signup, login or an accepted invitation. */
export async function startSession(tokens: Tokens): Promise<void> {
  storeTokens(tokens);
  await loadUser();
}

export async function logout(): Promise<void> {
  const refreshToken = storedRefreshToken();
  try {
    if (refreshToken && accessToken) await api.post('/api/auth/logout', { refreshToken });
  } catch {
    // the local session ends regardless; the server-side token expires on its own
  } finally {
    clearSession();
  }
}

/** Restores the session on app load from the stored refresh token (once per page). */
export function bootstrap(): Promise<void> {
  bootstrapped ??= (async () => {
    try {
      if (await refresh()) {
        await loadUser();
        return;
      }
    } catch {
      // server unreachable or me failed: fall through to the login page, keep the token for later
    }
    if (state.status === 'loading') setState({ status: 'anonymous', user: null });
  })();
  return bootstrapped;
}

api.setSessionHooks({
  getAccessToken: () => accessToken,
  refresh,
  onSessionExpired: () => {
    if (state.status !== 'anonymous') clearSession();
  },
});
