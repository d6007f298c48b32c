export type FieldErrors = Record<string, string>;

/** An RFC 9457 problem, flattened for the UI. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldErrors;
  /** Seconds, from the Retry-After header (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    type?: string;
    title: string;
    detail?: string;
    fieldErrors?: FieldErrors;
    retryAfter?: number;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfter = init.retryAfter;
  }

  /** The slug at the end of the problem type, e.g. `plan-limit`. */
  get slug(): string {
    return this.type.split('/').pop() ?? '';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Retry-After as seconds; accepts delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function fieldErrorsFrom(errors: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!Array.isArray(errors)) return result;
  for (const entry of errors) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, message } = entry as { field?: unknown; message?: unknown };
    const name = asString(field);
    const text = asString(message);
    // the first message per field wins; later ones are usually restatements
    if (name && text && !(name in result)) result[name] = text;
  }
  return result;
}

const defaultTitles: Record<number, string> = {
  400: 'Bad request',
  401: 'Please log in again',
  403: 'You do not have permission to do that',
  404: 'Not found',
  409: 'Conflict',
  429: 'Too many attempts',
  500: 'Something went wrong on our side',
  502: 'The service is unavailable',
  503: 'The service is busy',
};

/** Builds an ApiError from a response status, headers and its (maybe) problem+json body. */
export function problemToError(status: number, body: unknown, retryAfterHeader: string | null): ApiError {
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return new ApiError({
    status,
    type: asString(problem.type),
    title: asString(problem.title) ?? defaultTitles[status] ?? `Request failed (${status})`,
    detail: asString(problem.detail),
    fieldErrors: fieldErrorsFrom(problem.errors),
    retryAfter: parseRetryAfter(retryAfterHeader),
  });
}

/** The one sentence a banner shows for an error. */
export function describeError(error: unknown): { title: string; detail?: string } {
  if (isApiError(error)) {
    if (error.status === 429) {
      const wait = error.retryAfter ?? 60;
      return { title: `Too many attempts, try again in ${wait} s` };
    }
    return { title: error.title, detail: error.detail };
  }
  if (error instanceof TypeError) {
    return { title: 'Cannot reach the server', detail: 'Check your connection and try again.' };
  }
  return { title: 'Something went wrong', detail: error instanceof Error ? error.message : undefined };
}
