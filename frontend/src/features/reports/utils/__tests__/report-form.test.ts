import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import type { Report } from '../../api/types';
import {
  emptyReportForm,
  normalizeReportErrors,
  parseRecipients,
  reportToForm,
  splitReportError,
  toCreateRequest,
  toPatch,
  validateReportForm,
  type ReportFormValues,
} from '../report-form';

const saved: Report = {
  id: 'r1',
  clientId: 'c1',
  clientName: 'Acme',
  title: 'Monthly KPIs',
  metrics: ['sessions', 'revenue', 'roas'],
  from: null,
  to: null,
  range: 'last_30_days',
  schedule: { frequency: 'weekly', format: 'pdf', recipients: ['ana@acme.test'] },
  timeZone: 'Europe/Berlin',
  createdAt: '2026-11-01T10:00:00Z',
  createdBy: 'u1',
  updatedAt: '2026-11-01T10:00:00Z',
  lastDeliveredAt: null,
};

function values(overrides: Partial<ReportFormValues> = {}): ReportFormValues {
  return { ...emptyReportForm('c1'), title: 'Weekly', metrics: ['sessions', 'ctr'], ...overrides };
}

describe('report form → create request', () => {
  it('should send a rolling range without dates and no schedule when none is wanted', () => {
    expect(toCreateRequest(values({ title: '  Weekly  ', range: 'last_7_days' }))).toEqual({
      clientId: 'c1',
      title: 'Weekly',
      metrics: ['sessions', 'ctr'],
      range: 'last_7_days',
    });
  });

  it('should send fixed dates without a range, and the schedule with parsed recipients', () => {
    const request = toCreateRequest(
      values({
        rangeMode: 'fixed',
        from: '2026-10-01',
        to: '2026-10-31',
        scheduled: true,
        frequency: 'monthly',
        format: 'csv',
        recipients: 'ana@acme.test, bo@acme.test;\nANA@acme.test ',
      }),
    );
    expect(request).toEqual({
      clientId: 'c1',
      title: 'Weekly',
      metrics: ['sessions', 'ctr'],
      from: '2026-10-01',
      to: '2026-10-31',
      schedule: { frequency: 'monthly', format: 'csv', recipients: ['ana@acme.test', 'bo@acme.test'] },
    });
  });

  it('should catch what is missing or reversed before asking the server', () => {
    expect(validateReportForm(values({ clientId: '', title: ' ', metrics: [] }))).toEqual({
      clientId: 'Choose the client this report is for.',
      title: 'Give the report a title.',
      metrics: 'Choose at least one metric.',
    });
    expect(validateReportForm(values({ rangeMode: 'fixed', from: '2026-10-31', to: '2026-10-01' }))).toEqual({
      from: 'The first day must not be after the last day.',
    });
    expect(validateReportForm(values({ scheduled: true, recipients: ' , ' }))).toEqual({
      'schedule.recipients': 'Add at least one e-mail address.',
    });
    // whether an address is valid is the server's call
    expect(validateReportForm(values({ scheduled: true, recipients: 'not-an-email' }))).toEqual({});
  });

  it('should split recipients on commas, semicolons and new lines', () => {
    expect(parseRecipients('a@x.test;b@x.test\n c@x.test,,')).toEqual(['a@x.test', 'b@x.test', 'c@x.test']);
  });
});

describe('report form → patch', () => {
  it('should send nothing when nothing changed', () => {
    expect(toPatch(saved, reportToForm(saved))).toEqual({});
  });

  it('should send only the changed title and metrics (order counts)', () => {
    const v = { ...reportToForm(saved), title: 'Monthly KPIs (v2)', metrics: ['revenue', 'sessions', 'roas'] };
    expect(toPatch(saved, v)).toEqual({ title: 'Monthly KPIs (v2)', metrics: ['revenue', 'sessions', 'roas'] });
  });

  it('should switch a rolling report to fixed dates with from and to, and back with range', () => {
    const fixed = { ...reportToForm(saved), rangeMode: 'fixed' as const, from: '2026-10-01', to: '2026-10-31' };
    expect(toPatch(saved, fixed)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    const savedFixed: Report = { ...saved, range: null, from: '2026-10-01', to: '2026-10-31' };
    expect(reportToForm(savedFixed).rangeMode).toBe('fixed');
    expect(toPatch(savedFixed, { ...reportToForm(savedFixed), rangeMode: 'relative', range: 'last_month' })).toEqual({
      range: 'last_month',
    });
  });

  it('should cancel a schedule with null and replace a changed one whole', () => {
    expect(toPatch(saved, { ...reportToForm(saved), scheduled: false })).toEqual({ schedule: null });
    expect(toPatch(saved, { ...reportToForm(saved), recipients: 'ana@acme.test, bo@acme.test' })).toEqual({
      schedule: { frequency: 'weekly', format: 'pdf', recipients: ['ana@acme.test', 'bo@acme.test'] },
    });
    const unscheduled: Report = { ...saved, schedule: null };
    expect(toPatch(unscheduled, { ...reportToForm(unscheduled), scheduled: true, recipients: 'x@y.test' })).toEqual({
      schedule: { frequency: 'weekly', format: 'pdf', recipients: ['x@y.test'] },
    });
  });
});

describe('server field errors at the form inputs', () => {
  const v = values({ metrics: ['sessions', 'bogus'], scheduled: true, recipients: 'ok@x.test, nope' });

  it('should move list-item errors to their list and name the item', () => {
    expect(
      normalizeReportErrors(
        {
          title: 'must not be blank',
          'metrics[1]': 'is not a metric: bogus',
          'schedule.recipients[1]': 'must be an e-mail address',
        },
        v,
        (key) => (key === 'sessions' ? 'Sessions' : key),
      ),
    ).toEqual({
      title: 'Must not be blank.',
      metrics: '“bogus” is not a metric.',
      'schedule.recipients': '“nope” must be an e-mail address.',
    });
  });

  it('should keep the banner only for errors without an input', () => {
    const atFields = new ApiError({ status: 400, title: 'Invalid request', fieldErrors: { 'schedule.recipients[1]': 'must be an e-mail address' } });
    expect(splitReportError(atFields, v)).toEqual({
      fieldErrors: { 'schedule.recipients': '“nope” must be an e-mail address.' },
      bannerError: null,
    });
    const conflict = new ApiError({ status: 409, title: 'Conflict', detail: 'The client is archived.' });
    expect(splitReportError(conflict, v).bannerError).toBe(conflict);
  });
});
