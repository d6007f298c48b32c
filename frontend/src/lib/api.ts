import { parseRetryAfter, problemToError } from './api-error';
import { filenameFromContentDisposition } from './download';

export type Query = Record<string, string | number | boolean | null | undefined>;

export type RequestOptions = {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** false for signup, login, refresh and other anonymous calls: no bearer, no silent refresh. */
  auth?: boolean;
  /** Downloads only: the file name when the response suggests none. */
  fallbackName?: string;
};

export type DownloadedFile = { blob: Blob; filename: string; headers: Headers };

const JSON_ACCEPT = 'application/json, application/problem+json';

export type SessionHooks = {
  getAccessToken: () => string | null;
  /** Obtains a new access token; resolves false when the session cannot be renewed. */
  refresh: () => Promise<boolean>;
  onSessionExpired: () => void;
};

type PositionStore = { load: () => number; save: (position: number) => void };

type Deps = {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  baseUrl: string;
  positions: PositionStore;
};

const POSITION_KEY = 'wpm.minPosition';

/** Per tab, so a reload still reads its own writes. */
const sessionPositions: PositionStore = {
  load: () => {
    try {
      return Number(globalThis.sessionStorage?.getItem(POSITION_KEY) ?? 0) || 0;
    } catch {
      return 0;
    }
  },
  save: (position) => {
    try {
      globalThis.sessionStorage?.setItem(POSITION_KEY, String(position));
    } catch {
      // storage unavailable (private mode): the position still lives in memory
    }
  },
};

const memoryPositions: PositionStore = { load: () => 0, save: () => {} };

const MAX_STALE_WAIT_S = 10;

export function createApiClient(overrides: Partial<Deps> = {}) {
  const deps: Deps = {
    fetch: (input, init) => globalThis.fetch(input, init),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    baseUrl: '',
    positions: memoryPositions,
    ...overrides,
  };
  let hooks: SessionHooks = {
    getAccessToken: () => null,
    refresh: async () => false,
    onSessionExpired: () => {},
  };
  // Highest event position any command of this tab produced; queries wait for it (read your writes).
  let minPosition = deps.positions.load();

  function url(path: string, query?: Query): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    return `${deps.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  function send(method: string, path: string, opts: RequestOptions, accept: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    const multipart = typeof FormData !== 'undefined' && opts.body instanceof FormData;
    // multipart: the browser sets Content-Type with the boundary itself
    if (opts.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
    const token = opts.auth === false ? null : hooks.getAccessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (method === 'GET' && minPosition > 0) headers['X-Min-Position'] = String(minPosition);
    // the refresh token lives in an HttpOnly cookie the auth endpoints set and read, never in script reach
    if (path.startsWith('/api/auth/')) headers['X-Session-Cookie'] = '1';
    return deps.fetch(url(path, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : multipart ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
      // Same origin: the browser keeps cookies a response sets (the OAuth connect answer binds the round trip to
      // this browser with one) and sends them back; never 'omit'.
      credentials: 'same-origin',
    });
  }

  async function readBody(res: Response): Promise<unknown> {
    const text = await res.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  /** One exchange with the silent refresh on 401 and one wait on a stale read (503 + Retry-After). */
  async function exchange(method: string, path: string, opts: RequestOptions, accept: string): Promise<Response> {
    let res = await send(method, path, opts, accept);

    if (res.status === 401 && opts.auth !== false) {
      if (await hooks.refresh()) res = await send(method, path, opts, accept);
      if (res.status === 401) hooks.onSessionExpired();
    }

    const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
    if (res.status === 503 && method === 'GET' && minPosition > 0 && retryAfter !== undefined) {
      await deps.sleep(Math.min(retryAfter, MAX_STALE_WAIT_S) * 1000);
      res = await send(method, path, opts, accept);
    }
    return res;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await exchange(method, path, opts, JSON_ACCEPT);
    const body = await readBody(res);
    if (!res.ok) throw problemToError(res.status, body, res.headers.get('Retry-After'));

    if (method !== 'GET' && typeof body === 'object' && body !== null) {
      const position = (body as { position?: unknown }).position;
      if (typeof position === 'number' && position > minPosition) {
        minPosition = position;
        deps.positions.save(position);
      }
    }
    return body as T;
  }

  /**
   * A file from the API (an export, a delivered report): the bytes as a Blob and the name the server suggests in
   * Content-Disposition. Goes through the same token, refresh and read-your-writes path as every other call.
   */
  async function download(path: string, opts: Omit<RequestOptions, 'body'> = {}): Promise<DownloadedFile> {
    const res = await exchange('GET', path, opts, '*/*');
    if (!res.ok) throw problemToError(res.status, await readBody(res), res.headers.get('Retry-After'));
    const blob = await res.blob();
    return {
      blob,
      filename: filenameFromContentDisposition(res.headers.get('Content-Disposition'), opts.fallbackName),
      headers: res.headers,
    };
  }

  return {
    get: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, opts),
    download,
    post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
    put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
    patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
    delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
    setSessionHooks: (next: SessionHooks) => {
      hooks = next;
    },
    get minPosition() {
      return minPosition;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's one API client; the gateway serves the SPA and the API from the same origin. */
export const api = createApiClient({ positions: sessionPositions });

/** Every command answers with the id it touched and the event position it produced. */
export type CommandResult = { id: string; position?: number };

export type Page<T> = { items: T[]; page: number; size: number; total: number };
