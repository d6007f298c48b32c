import { describe, expect, it } from 'vitest';
import { summarizeHealth } from '../health';

describe('overview integration health', () => {
  it('should say nothing for a client without integrations', () => {
    expect(summarizeHealth({ total: 0, healthy: 0, failing: 0 })).toBeNull();
    expect(summarizeHealth(undefined)).toBeNull();
  });

  it('should put failures first', () => {
    expect(summarizeHealth({ total: 3, healthy: 1, failing: 1 })).toEqual({ tone: 'error', label: '1 failing' });
  });

  it('should not call a client healthy while an integration waits for authorization', () => {
    expect(summarizeHealth({ total: 2, healthy: 1, failing: 0 })).toEqual({ tone: 'pending', label: '1 waiting' });
  });

  it('should call a client healthy when every integration is', () => {
    expect(summarizeHealth({ total: 2, healthy: 2, failing: 0 })).toEqual({ tone: 'connected', label: 'Healthy' });
  });
});
