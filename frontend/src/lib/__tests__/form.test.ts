import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error';
import { isEmail, optional, splitError } from '../form';

describe('splitError', () => {
  const fields = ['name', 'contactEmail'] as const;

  it('should put field messages next to inputs and hide the banner when all found a home', () => {
    const error = new ApiError({ status: 400, title: 'Validation failed', fieldErrors: { name: 'must not be blank' } });
    expect(splitError(error, fields)).toEqual({ fieldErrors: { name: 'must not be blank' }, bannerError: null });
  });

  it('should keep the banner when a message is for a field the form does not show', () => {
    const error = new ApiError({ status: 400, title: 'Validation failed', fieldErrors: { name: 'x', tenant: 'y' } });
    const split = splitError(error, fields);
    expect(split.fieldErrors).toEqual({ name: 'x' });
    expect(split.bannerError).toBe(error);
  });

  it('should show problems without field errors (409, 402) in the banner', () => {
    const error = new ApiError({ status: 409, title: 'E-mail already registered' });
    expect(splitError(error, fields)).toEqual({ fieldErrors: {}, bannerError: error });
    expect(splitError(null, fields)).toEqual({ fieldErrors: {}, bannerError: null });
  });
});

describe('form helpers', () => {
  it('should drop blank optional values and check e-mail shape', () => {
    expect(optional('  ')).toBeUndefined();
    expect(optional(' acme.com ')).toBe('acme.com');
    expect(isEmail('ana@acme.com')).toBe(true);
    expect(isEmail('ana@acme')).toBe(false);
  });
});
