import { isApiError, type FieldErrors } from './api-error';

export type SplitError = {
  /** Messages for inputs the form shows. */
  fieldErrors: FieldErrors;
  /** What the banner shows: the error itself unless every message found its input. */
  bannerError: unknown;
};

/** Routes a mutation error: field messages to their inputs, everything else to the banner. */
export function splitError(error: unknown, fields: readonly string[]): SplitError {
  if (!error) return { fieldErrors: {}, bannerError: null };
  if (!isApiError(error)) return { fieldErrors: {}, bannerError: error };
  const fieldErrors: FieldErrors = {};
  let unmatched = 0;
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    if (fields.includes(field)) fieldErrors[field] = message;
    else unmatched++;
  }
  const matched = Object.keys(fieldErrors).length;
  return { fieldErrors, bannerError: matched > 0 && unmatched === 0 ? null : error };
}

/** Empty optional text becomes undefined, so create requests omit it. */
export function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
