import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { OAUTH_RETURN_PARAMS, readOAuthReturn, type OAuthReturn } from '../utils/oauth-return';

/**
 * The outcome of an OAuth round trip the callback put in the query string. It is kept in state and the query
 * string is cleaned (replace, no history entry), so a reload or a shared link does not repeat the message.
 */
export function useOAuthReturn(): { ret: OAuthReturn | null; dismiss: () => void } {
  const [params, setParams] = useSearchParams();
  const [ret, setRet] = useState<OAuthReturn | null>(() => readOAuthReturn(params));
  const queryClient = useQueryClient();

  useEffect(() => {
    const current = readOAuthReturn(params);
    if (!current) return;
    setRet(current);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const name of OAUTH_RETURN_PARAMS) next.delete(name);
        return next;
      },
      { replace: true },
    );
    // the integration changed state while the browser was away
    void queryClient.invalidateQueries({ queryKey: ['integrations'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  }, [params, setParams, queryClient]);

  return { ret, dismiss: () => setRet(null) };
}
