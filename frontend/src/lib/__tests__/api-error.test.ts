import { describe, expect, it } from 'vitest';
import { ApiError, describeError, parseRetryAfter, problemToError } from '../api-error';

describe('problemToError', () => {
  it('should turn a validation problem into field errors keyed by request field', () => {
    const error = problemToError(
      400,
      {
        type: 'https://webprometrics.dev/problems/validation',
        title: 'Validation failed',
        status: 400,
        detail: 'Some fields are invalid',
        errors: [
          { field: 'password', message: 'must have at least 12 characters' },
          { field: 'email', message: 'must be a well-formed e-mail address' },
          { field: 'email', message: 'second message is ignored' },
          { message: 'no field' },
        ],
      },
      null,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.slug).toBe('validation');
    expect(error.title).toBe('Validation failed');
    expect(error.detail).toBe('Some fields are invalid');
    expect(error.fieldErrors).toEqual({
      password: 'must have at least 12 characters',
      email: 'must be a well-formed e-mail address',
    });
  });

  it('should fall back to a readable title when the body is not a problem', () => {
    const error = problemToError(502, '<html>Bad gateway</html>', null);
    expect(error.title).toBe('The service is unavailable');
    expect(error.type).toBe('about:blank');
    expect(error.fieldErrors).toEqual({});
  });

  it('should read Retry-After for rate limits and say how long to wait', () => {
    const error = problemToError(429, { title: 'Too Many Requests', status: 429 }, '42');
    expect(error.retryAfter).toBe(42);
    expect(describeError(error)).toEqual({ title: 'Too many attempts, try again in 42 s' });
  });
});

describe('parseRetryAfter', () => {
  it('should accept delta seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('describeError', () => {
  it('should explain network failures without leaking internals', () => {
    expect(describeError(new TypeError('Failed to fetch')).title).toBe('Cannot reach the server');
  });
});
