import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefreshScheduler, refreshDelayMs } from '../refresh-scheduler';

describe('refreshDelayMs', () => {
  it('should renew a minute before a 15-minute token expires', () => {
    expect(refreshDelayMs(900)).toBe(840_000);
  });

  it('should renew short-lived tokens at half their life, but not in a tight loop', () => {
    expect(refreshDelayMs(60)).toBe(30_000);
    expect(refreshDelayMs(2)).toBe(5_000);
    expect(refreshDelayMs(-1)).toBe(5_000);
  });
});

describe('createRefreshScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should fire once when the refresh is due', () => {
    const onDue = vi.fn();
    const scheduler = createRefreshScheduler(onDue);
    scheduler.schedule(900);

    vi.advanceTimersByTime(839_999);
    expect(onDue).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onDue).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * 60_000);
    expect(onDue).toHaveBeenCalledTimes(1);
  });

  it('should replace the pending timer when rescheduled', () => {
    const onDue = vi.fn();
    const scheduler = createRefreshScheduler(onDue);
    scheduler.schedule(900);
    vi.advanceTimersByTime(600_000);
    scheduler.schedule(900);
    vi.advanceTimersByTime(300_000);
    expect(onDue).not.toHaveBeenCalled();
    vi.advanceTimersByTime(540_000);
    expect(onDue).toHaveBeenCalledTimes(1);
  });

  it('should not fire after cancel (logout)', () => {
    const onDue = vi.fn();
    const scheduler = createRefreshScheduler(onDue);
    scheduler.schedule(900);
    scheduler.cancel();
    vi.advanceTimersByTime(3_600_000);
    expect(onDue).not.toHaveBeenCalled();
  });
});
