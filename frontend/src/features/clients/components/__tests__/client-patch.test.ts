import { describe, expect, it } from 'vitest';
import { emptyClientForm } from '../client-form';
import { diffClient } from '../client-patch';

describe('diffClient', () => {
  const before = { ...emptyClientForm, name: 'Acme Bakery', website: 'https://acme.test', industry: 'Food' };

  it('should send only the fields that changed', () => {
    expect(diffClient(before, { ...before, name: 'Acme Bakery & Café ' })).toEqual({ name: 'Acme Bakery & Café' });
  });

  it('should clear an emptied optional field with null', () => {
    expect(diffClient(before, { ...before, website: '', notes: 'Bread' })).toEqual({ website: null, notes: 'Bread' });
  });

  it('should produce an empty patch when nothing changed', () => {
    expect(diffClient(before, { ...before, industry: ' Food ' })).toEqual({});
  });
});
