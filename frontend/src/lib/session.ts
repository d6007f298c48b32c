import { api } from './api';
import { isApiError } from './api-error';
import { createRefreshScheduler } from './refresh-scheduler';

// Shared by every feature, so it lives in lib rather than features/auth.
/** Where earlier versions kept the refresh token; read once to move such a session to the cookie, then removed. */
export const LEGACY_REFRESH_TOKEN_KEY = 'wpm.refreshToken';

/** The refresh token is not among them: the server keeps it in an HttpOnly cookie this code never sees. */
export type Tokens = { accessToken: string; expiresIn: number };

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

/** A refresh token an earlier version left in localStorage: sent once, so the server moves it to the cookie. */
function takeLegacyRefreshToken(): string | null {
  try {
    const token = localStorage.getItem(LEGACY_REFRESH_TOKEN_KEY);
    localStorage.removeItem(LEGACY_REFRESH_TOKEN_KEY);
    return token;
  } catch {
    return null;
  }
}

function storeTokens(tokens: Tokens) {
  accessToken = tokens.accessToken;
  scheduler.schedule(tokens.expiresIn);
}

function clearSession() {
  accessToken = null;
  scheduler.cancel();
  setState({ status: 'anonymous', user: null });
}

/**
 * Trades the refresh token in the session cookie for a new access token (and a new cookie). Refresh tokens work once
 * and reusing a spent one revokes the whole family, so concurrent callers share one request.
 */
export function refresh(): Promise<boolean> {
  if (inflightRefresh) return inflightRefresh;
  const legacy = takeLegacyRefreshToken();
  inflightRefresh = api
    .post<Tokens>('/api/auth/refresh', legacy ? { refreshToken: legacy } : {}, { auth: false })
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
  try {
    // ends the cookie's refresh family on the server and clears the cookie
    if (accessToken) await api.post('/api/auth/logout', {});
  } catch {
    // the local session ends regardless; the server-side token expires on its own
  } finally {
    clearSession();
  }
}

/** Restores the session on app load from the session cookie (once per page). */
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
