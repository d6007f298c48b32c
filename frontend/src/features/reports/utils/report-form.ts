import { ApiError, isApiError, type FieldErrors } from '@/lib/api-error';
import { splitError, type SplitError } from '@/lib/form';
import type {
  CreateReportRequest,
  Frequency,
  RelativeRange,
  Report,
  ReportFormat,
  ReportPatch,
  Schedule,
} from '../api/types';

export type RangeMode = 'relative' | 'fixed';

/** What the report form edits; text inputs stay strings until they become a request. */
export type ReportFormValues = {
  clientId: string;
  title: string;
  /** in the order the report shows them (the order they were picked) */
  metrics: string[];
  rangeMode: RangeMode;
  range: RelativeRange;
  from: string;
  to: string;
  scheduled: boolean;
  frequency: Frequency;
  format: ReportFormat;
  /** e-mail addresses separated by commas, semicolons, spaces or new lines */
  recipients: string;
};

/** The API's field names the form has an input for; everything else goes to the banner. */
export const REPORT_FIELDS = [
  'clientId',
  'title',
  'metrics',
  'from',
  'to',
  'range',
  'schedule.frequency',
  'schedule.format',
  'schedule.recipients',
] as const;

export const MAX_METRICS = 20;
export const MAX_RECIPIENTS = 20;

export function emptyReportForm(clientId = ''): ReportFormValues {
  return {
    clientId,
    title: '',
    metrics: [],
    rangeMode: 'relative',
    range: 'last_30_days',
    from: '',
    to: '',
    scheduled: false,
    frequency: 'weekly',
    format: 'pdf',
    recipients: '',
  };
}

export function reportToForm(report: Report): ReportFormValues {
  const fixed = report.range === null && report.from !== null && report.to !== null;
  return {
    clientId: report.clientId,
    title: report.title,
    metrics: [...report.metrics],
    rangeMode: fixed ? 'fixed' : 'relative',
    range: report.range ?? 'last_30_days',
    from: report.from ?? '',
    to: report.to ?? '',
    scheduled: report.schedule !== null,
    frequency: report.schedule?.frequency ?? 'weekly',
    format: report.schedule?.format ?? 'pdf',
    recipients: report.schedule?.recipients.join(', ') ?? '',
  };
}

/** "a@x.com; b@y.com\nc@z.com" → three addresses, trimmed, duplicates (any case) dropped. */
export function parseRecipients(text: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const address = part.trim();
    if (!address || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    result.push(address);
  }
  return result;
}

/**
 * The obvious mistakes, caught before a request: what is missing or reversed. Whether an address is an e-mail
 * address, how long a range may be and which metrics exist are the server's rules; its answers show at the same
 * fields (see `splitReportError`).
 */
export function validateReportForm(v: ReportFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.clientId) errors.clientId = 'Choose the client this report is for.';
  if (!v.title.trim()) errors.title = 'Give the report a title.';
  if (v.metrics.length === 0) errors.metrics = 'Choose at least one metric.';
  else if (v.metrics.length > MAX_METRICS) errors.metrics = `Choose at most ${MAX_METRICS} metrics.`;
  if (v.rangeMode === 'fixed') {
    if (!v.from) errors.from = 'Choose the first day.';
    if (!v.to) errors.to = 'Choose the last day.';
    if (v.from && v.to && v.from > v.to) errors.from = 'The first day must not be after the last day.';
  }
  if (v.scheduled) {
    const recipients = parseRecipients(v.recipients);
    if (recipients.length === 0) errors['schedule.recipients'] = 'Add at least one e-mail address.';
    else if (recipients.length > MAX_RECIPIENTS) errors['schedule.recipients'] = `At most ${MAX_RECIPIENTS} recipients.`;
  }
  return errors;
}

function scheduleOf(v: ReportFormValues): Schedule {
  return { frequency: v.frequency, format: v.format, recipients: parseRecipients(v.recipients) };
}

/** The create request: a relative range or a fixed one (never both), the schedule only when one is wanted. */
export function toCreateRequest(v: ReportFormValues): CreateReportRequest {
  return {
    clientId: v.clientId,
    title: v.title.trim(),
    metrics: [...v.metrics],
    ...(v.rangeMode === 'fixed' ? { from: v.from, to: v.to } : { range: v.range }),
    ...(v.scheduled ? { schedule: scheduleOf(v) } : {}),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameSchedule(a: Schedule, b: Schedule): boolean {
  return a.frequency === b.frequency && a.format === b.format && sameList(a.recipients, b.recipients);
}

/**
 * Only what changed, the way PATCH reads it: `range` switches to a relative range, `from` + `to` to a fixed one,
 * `schedule: null` cancels the schedule. An empty object means there is nothing to save.
 */
export function toPatch(initial: Report, v: ReportFormValues): ReportPatch {
  const patch: ReportPatch = {};
  if (v.title.trim() !== initial.title) patch.title = v.title.trim();
  if (!sameList(v.metrics, initial.metrics)) patch.metrics = [...v.metrics];
  if (v.rangeMode === 'relative') {
    if (initial.range !== v.range) patch.range = v.range;
  } else if (initial.range !== null || initial.from !== v.from || initial.to !== v.to) {
    patch.from = v.from;
    patch.to = v.to;
  }
  if (v.scheduled) {
    const next = scheduleOf(v);
    if (!initial.schedule || !sameSchedule(initial.schedule, next)) patch.schedule = next;
  } else if (initial.schedule) {
    patch.schedule = null;
  }
  return patch;
}

/**
 * The server names list items (`metrics[2]`, `schedule.recipients[0]`); a form has one input per list. Item
 * errors move to their list's field and name the item: "“nope” must be an e-mail address."
 */
export function normalizeListErrors(
  errors: FieldErrors,
  lists: Record<string, readonly string[]>,
  describe: (list: string, value: string) => string = (_list, value) => value,
): FieldErrors {
  const result: FieldErrors = {};
  const add = (field: string, message: string) => {
    result[field] = result[field] ? `${result[field]} ${message}` : message;
  };
  for (const [field, message] of Object.entries(errors)) {
    const item = /^(.+)\[(\d+)\]$/.exec(field);
    const list = item?.[1];
    if (!item || !list || !(list in lists)) {
      add(field, sentence(message));
      continue;
    }
    const value = lists[list]?.[Number(item[2])];
    // "is not a metric: bogus" already names the value the sentence starts with
    const text = message.replace(/:\s*\S+$/, '');
    add(list, sentence(value === undefined ? message : `“${describe(list, value)}” ${text}`));
  }
  return result;
}

export function normalizeReportErrors(
  errors: FieldErrors,
  v: ReportFormValues,
  metricLabel: (key: string) => string = (key) => key,
): FieldErrors {
  return normalizeListErrors(
    errors,
    { metrics: v.metrics, 'schedule.recipients': parseRecipients(v.recipients) },
    (list, value) => (list === 'metrics' ? metricLabel(value) : value),
  );
}

function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** Like `splitError`, after moving list-item errors to their list's input. */
export function splitListError(
  error: unknown,
  fields: readonly string[],
  normalize: (errors: FieldErrors) => FieldErrors,
): SplitError {
  if (!isApiError(error)) return splitError(error, fields);
  const normalized = new ApiError({
    status: error.status,
    type: error.type,
    title: error.title,
    detail: error.detail,
    fieldErrors: normalize(error.fieldErrors),
    retryAfter: error.retryAfter,
  });
  const split = splitError(normalized, fields);
  // the banner shows the error as it came
  return { fieldErrors: split.fieldErrors, bannerError: split.bannerError === null ? null : error };
}

/** Server errors at the report form's inputs, the rest in the banner. */
export function splitReportError(error: unknown, v: ReportFormValues, metricLabel?: (key: string) => string): SplitError {
  return splitListError(error, REPORT_FIELDS, (errors) => normalizeReportErrors(errors, v, metricLabel));
}
