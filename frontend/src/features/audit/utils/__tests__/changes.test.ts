import { describe, expect, it } from 'vitest';
import { changeRows, formatJson, formatValue, stateRows } from '../changes';

describe('formatValue', () => {
  it('should show values as a table cell reads them', () => {
    expect(formatValue('Acme Ltd')).toBe('Acme Ltd');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue('')).toBe('(empty)');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(['sessions', 'revenue'])).toBe('sessions, revenue');
    expect(formatValue([])).toBe('(none)');
    expect(formatValue([{ a: 1 }])).toBe('[{"a":1}]');
    expect(formatValue({ day: 1, hour: 6 })).toBe('{"day":1,"hour":6}');
  });
});

describe('changeRows', () => {
  it('should list field, before and after in the server order', () => {
    expect(changeRows({ name: { from: 'Acme Ltd', to: 'Acme Group' }, website: { from: null, to: 'https://acme.example' } })).toEqual([
      { field: 'name', before: 'Acme Ltd', after: 'Acme Group' },
      { field: 'website', before: '—', after: 'https://acme.example' },
    ]);
  });

  it('should take a created field without "from" and a removed one without "to"', () => {
    expect(changeRows({ name: { to: 'Acme Ltd' }, notes: { from: 'old' } })).toEqual([
      { field: 'name', before: '—', after: 'Acme Ltd' },
      { field: 'notes', before: 'old', after: '—' },
    ]);
    expect(changeRows(undefined)).toEqual([]);
  });
});

describe('stateRows', () => {
  it('should spread nested objects into dotted keys and keep arrays whole', () => {
    expect(stateRows({ name: 'Acme Ltd', settings: { propertyId: '123', extra: {} }, metrics: ['sessions'], archived: false })).toEqual([
      { key: 'name', value: 'Acme Ltd' },
      { key: 'settings.propertyId', value: '123' },
      { key: 'settings.extra', value: '{}' },
      { key: 'metrics', value: 'sessions' },
      { key: 'archived', value: 'false' },
    ]);
    expect(stateRows(null)).toEqual([]);
  });
});

describe('formatJson', () => {
  it('should indent a payload for reading', () => {
    expect(formatJson({ name: 'Acme', tags: [1] })).toBe('{\n  "name": "Acme",\n  "tags": [\n    1\n  ]\n}');
    expect(formatJson(undefined)).toBe('{}');
  });
});
