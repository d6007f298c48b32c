import { useQuery } from '@tanstack/react-query';
import { getIntegrationsQueryOptions } from '../api/get-integrations';
import { useProviderNames } from '../api/get-providers';
import { useOAuthReturn } from '../hooks/use-oauth-return';
import { oauthReturnMessage } from '../utils/oauth-return';

/** The success or error banner after the provider's consent page sent the browser back. */
export function OAuthReturnNotice({ clientId }: { clientId?: string }) {
  const { ret, dismiss } = useOAuthReturn();
  const providerName = useProviderNames();
  const integrations = useQuery({ ...getIntegrationsQueryOptions(clientId ?? ''), enabled: !!clientId && !!ret });
  if (!ret) return null;
  const provider = integrations.data?.find((i) => i.id === ret.integrationId)?.provider;
  const message = oauthReturnMessage(ret, provider ? providerName(provider) : undefined);
  return (
    <div className={`banner banner--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
      <div>
        <strong className="banner__title">{message.title}</strong>
        {message.detail && <p className="banner__detail">{message.detail}</p>}
      </div>
      <button type="button" className="button button--ghost button--small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
