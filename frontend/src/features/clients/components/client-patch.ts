import type { ClientPatch } from '../api/update-client';
import { CLIENT_FIELDS, type ClientFormValues } from './client-form';

/** The PATCH body: changed fields only, a cleared optional field as null. */
export function diffClient(before: ClientFormValues, after: ClientFormValues): ClientPatch {
  const patch: ClientPatch = {};
  for (const field of CLIENT_FIELDS) {
    const next = after[field].trim();
    if (next === before[field].trim()) continue;
    patch[field] = field === 'name' ? next : next || null;
  }
  return patch;
}
