import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api';
import { ApiError } from '../api-error';

type Call = { url: string; method: string; headers: Record<string, string>; body?: string };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

function fakeServer(responses: Response[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    return next;
  });
  return { calls, fetch: fetch as unknown as typeof globalThis.fetch };
}

describe('api client', () => {
  it('should send FormData as multipart, leaving the Content-Type (boundary) to fetch', async () => {
    let sent: RequestInit | undefined;
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent = init;
      return json(200, { rowsAccepted: 1, rowsRejected: 0, daysRecorded: 1, errors: [], position: 7 });
    }) as unknown as typeof globalThis.fetch;
    const api = createApiClient({ fetch });
    const form = new FormData();
    form.append('file', new Blob(['date,sessions\n2026-01-01,3\n'], { type: 'text/csv' }), 'data.csv');

    await api.post('/api/integrations/i1/import', form);

    expect(sent?.body).toBe(form);
    expect((sent?.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    expect(api.minPosition).toBe(7);
  });

  it('should send the bearer token and encode the query string', async () => {
    const server = fakeServer([json(200, { items: [], page: 0, size: 20, total: 0 })]);
    const api = createApiClient({ fetch: server.fetch });
    api.setSessionHooks({ getAccessToken: () => 'tok', refresh: async () => false, onSessionExpired: () => {} });

    await api.get('/api/clients', { query: { q: 'Acme & Co', status: 'active', page: 0, empty: '' } });

    expect(server.calls[0]?.url).toBe('/api/clients?q=Acme+%26+Co&status=active&page=0');
    expect(server.calls[0]?.headers.Authorization).toBe('Bearer tok');
    expect(server.calls[0]?.headers['X-Min-Position']).toBeUndefined();
  });

  it('should send the highest command position as X-Min-Position on later reads', async () => {
    const server = fakeServer([
      json(201, { id: 'a', position: 17 }),
      json(200, { id: 'b', position: 9 }),
      json(200, { items: [] }),
    ]);
    const api = createApiClient({ fetch: server.fetch });

    await api.post('/api/clients', { name: 'Acme' });
    await api.post('/api/clients/b/archive');
    await api.get('/api/clients');

    expect(server.calls[2]?.headers['X-Min-Position']).toBe('17');
    expect(server.calls[0]?.headers['X-Min-Position']).toBeUndefined();
  });

  it('should refresh once on 401 and retry with the new token', async () => {
    const server = fakeServer([json(401, { title: 'Unauthorized' }), json(200, { ok: true })]);
    const api = createApiClient({ fetch: server.fetch });
    let token = 'old';
    const refresh = vi.fn(async () => {
      token = 'new';
      return true;
    });
    const onSessionExpired = vi.fn();
    api.setSessionHooks({ getAccessToken: () => token, refresh, onSessionExpired });

    await expect(api.get('/api/auth/me')).resolves.toEqual({ ok: true });

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.calls.map((c) => c.headers.Authorization)).toEqual(['Bearer old', 'Bearer new']);
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('should end the session when the retried request is still unauthorized', async () => {
    const server = fakeServer([json(401, { title: 'Unauthorized' }), json(401, { title: 'Unauthorized' })]);
    const api = createApiClient({ fetch: server.fetch });
    const refresh = vi.fn(async () => true);
    const onSessionExpired = vi.fn();
    api.setSessionHooks({ getAccessToken: () => 't', refresh, onSessionExpired });

    await expect(api.get('/api/team')).rejects.toMatchObject({ status: 401 });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('should not try to refresh for anonymous calls such as login', async () => {
    const server = fakeServer([json(401, { title: 'Invalid credentials', detail: 'E-mail or password is wrong' })]);
    const api = createApiClient({ fetch: server.fetch });
    const refresh = vi.fn(async () => true);
    api.setSessionHooks({ getAccessToken: () => 't', refresh, onSessionExpired: () => {} });

    const error = await api.post('/api/auth/login', { email: 'a@b.c', password: 'x' }, { auth: false }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).detail).toBe('E-mail or password is wrong');
    expect(refresh).not.toHaveBeenCalled();
    expect(server.calls[0]?.headers.Authorization).toBeUndefined();
  });

  it('should wait Retry-After and retry once when a read is stale', async () => {
    const server = fakeServer([
      json(201, { id: 'a', position: 5 }),
      json(503, { type: 'https://webprometrics.dev/problems/stale-read', title: 'Stale read' }, { 'Retry-After': '1' }),
      json(200, { id: 'a', name: 'Acme' }),
    ]);
    const sleep = vi.fn(async () => {});
    const api = createApiClient({ fetch: server.fetch, sleep });

    await api.post('/api/clients', { name: 'Acme' });
    await expect(api.get('/api/clients/a')).resolves.toEqual({ id: 'a', name: 'Acme' });

    expect(sleep).toHaveBeenCalledWith(1000);
    expect(server.calls).toHaveLength(3);
  });

  it('should give up after one stale-read retry', async () => {
    const stale = () => json(503, { title: 'Stale read' }, { 'Retry-After': '1' });
    const server = fakeServer([json(201, { id: 'a', position: 5 }), stale(), stale()]);
    const api = createApiClient({ fetch: server.fetch, sleep: async () => {} });

    await api.post('/api/clients', { name: 'Acme' });
    await expect(api.get('/api/clients/a')).rejects.toMatchObject({ status: 503, retryAfter: 1 });
    expect(server.calls).toHaveLength(3);
  });

  it('should resolve empty 204 bodies to undefined', async () => {
    const server = fakeServer([new Response(null, { status: 204 })]);
    const api = createApiClient({ fetch: server.fetch });
    await expect(api.post('/api/auth/logout', { refreshToken: 'r' })).resolves.toBeUndefined();
  });
});

describe('api client position store', () => {
  it('should resume from a stored position and save higher ones', async () => {
    const server = fakeServer([json(200, { items: [] }), json(201, { id: 'a', position: 40 })]);
    const saved: number[] = [];
    const api = createApiClient({ fetch: server.fetch, positions: { load: () => 33, save: (p) => saved.push(p) } });

    await api.get('/api/clients');
    await api.post('/api/clients', { name: 'Acme' });

    expect(server.calls[0]?.headers['X-Min-Position']).toBe('33');
    expect(saved).toEqual([40]);
  });

  it('should keep cookies the server sets: every request is same-origin with credentials', async () => {
    let sent: RequestInit | undefined;
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent = init;
      return json(201, { id: 'i1', status: 'pending', authorizeUrl: 'https://accounts.example/auth', position: 3 }, {
        'Set-Cookie': 'wpm_oauth_x=1; Path=/api/integrations/oauth/callback; HttpOnly',
      });
    }) as unknown as typeof globalThis.fetch;
    const api = createApiClient({ fetch });

    await api.post('/api/clients/c1/integrations', { provider: 'ga4', settings: { propertyId: '1' } });

    expect(sent?.credentials).toBe('same-origin');
  });

  it('should download a file with the bearer token and the name from Content-Disposition', async () => {
    const server = fakeServer([
      new Response(new Blob(['%PDF-1.5 …'], { type: 'application/pdf' }), {
        status: 200,
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="weekly_2026-11-01_2026-11-07.pdf"' },
      }),
    ]);
    const api = createApiClient({ fetch: server.fetch });
    api.setSessionHooks({ getAccessToken: () => 'tok', refresh: async () => false, onSessionExpired: () => {} });

    const file = await api.download('/api/reports/r1/export', { query: { format: 'pdf' }, fallbackName: 'report.pdf' });

    expect(server.calls[0]?.url).toBe('/api/reports/r1/export?format=pdf');
    expect(server.calls[0]?.headers.Authorization).toBe('Bearer tok');
    expect(server.calls[0]?.headers.Accept).toBe('*/*');
    expect(file.filename).toBe('weekly_2026-11-01_2026-11-07.pdf');
    expect(await file.blob.text()).toBe('%PDF-1.5 …');
  });

  it('should refresh once on 401 during a download and turn a problem into an ApiError', async () => {
    const server = fakeServer([
      json(401, { title: 'Unauthorized' }),
      json(404, { type: 'https://webprometrics.dev/problems/not-found', title: 'Not found', detail: 'No such report' }),
    ]);
    const api = createApiClient({ fetch: server.fetch });
    let token = 'old';
    api.setSessionHooks({
      getAccessToken: () => token,
      refresh: async () => {
        token = 'new';
        return true;
      },
      onSessionExpired: () => {},
    });

    const failure = await api.download('/api/reports/gone/export').catch((e: unknown) => e);

    expect(server.calls[1]?.headers.Authorization).toBe('Bearer new');
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).detail).toBe('No such report');
  });
});
