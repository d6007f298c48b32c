export const REFRESH_LEAD_MS = 60_000;
const MIN_DELAY_MS = 5_000;

/**
 * How long to wait before renewing a token that expires in `expiresInSeconds`: a minute early,
 * or at half its life when it lives less than two minutes.
 */
export function refreshDelayMs(expiresInSeconds: number): number {
  const lifetime = Math.max(0, expiresInSeconds) * 1000;
  const delay = lifetime > 2 * REFRESH_LEAD_MS ? lifetime - REFRESH_LEAD_MS : lifetime / 2;
  return Math.max(MIN_DELAY_MS, Math.round(delay));
}

export type RefreshScheduler = {
  schedule: (expiresInSeconds: number) => void;
  cancel: () => void;
};

export function createRefreshScheduler(onDue: () => void): RefreshScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule(expiresInSeconds) {
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        onDue();
      }, refreshDelayMs(expiresInSeconds));
    },
    cancel,
  };
}
