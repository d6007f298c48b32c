import { describeError } from '@/lib/api-error';

type ErrorBannerProps = { error: unknown; onRetry?: () => void };

export function ErrorBanner({ error, onRetry }: ErrorBannerProps) {
  if (!error) return null;
  const { title, detail } = describeError(error);
  return (
    <div className="banner banner--error" role="alert">
      <div>
        <strong className="banner__title">{title}</strong>
        {detail && detail !== title && <p className="banner__detail">{detail}</p>}
      </div>
      {onRetry && (
        <button type="button" className="button button--ghost" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
