export { useProviderNames } from './api/get-providers';
export { IntegrationsPanel } from './components/integrations-panel';
export { OAuthReturnNotice } from './components/oauth-return-notice';
