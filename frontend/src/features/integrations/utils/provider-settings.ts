/** What connecting a provider asks for: the account to read, named the way the provider's own UI names it. */
export type SettingField = {
  name: string;
  label: string;
  hint: string;
  required: boolean;
  placeholder?: string;
  inputMode?: 'numeric' | 'text' | 'url';
};

export const PROVIDER_SETTINGS: Record<string, SettingField[]> = {
  ga4: [
    {
      name: 'propertyId',
      label: 'GA4 property ID',
      hint: 'The digits under Admin → Property settings, e.g. 412345678.',
      required: true,
      placeholder: '412345678',
      inputMode: 'numeric',
    },
  ],
  'google-ads': [
    {
      name: 'customerId',
      label: 'Customer ID',
      hint: 'The 10-digit account number at the top of Google Ads, dashes allowed.',
      required: true,
      placeholder: '123-456-7890',
      inputMode: 'numeric',
    },
    {
      name: 'loginCustomerId',
      label: 'Manager account ID (optional)',
      hint: 'Only when you reach this account through a manager (MCC) account.',
      required: false,
      placeholder: '987-654-3210',
      inputMode: 'numeric',
    },
  ],
  'meta-ads': [
    {
      name: 'adAccountId',
      label: 'Ad account ID',
      hint: 'From Meta Business Settings → Ad accounts: act_1234567890 or just the digits.',
      required: true,
      placeholder: 'act_1234567890',
    },
  ],
  'search-console': [
    {
      name: 'siteUrl',
      label: 'Search Console property',
      hint: 'A domain property (sc-domain:example.com) or a URL prefix (https://www.example.com/).',
      required: true,
      placeholder: 'sc-domain:example.com',
      inputMode: 'url',
    },
  ],
};

export function settingsFor(provider: string): SettingField[] {
  return PROVIDER_SETTINGS[provider] ?? [];
}

/** Trimmed values, empty optional ones left out; the missing required ones as field errors keyed like the API's. */
export function toSettings(
  provider: string,
  values: Record<string, string>,
): { settings: Record<string, string>; errors: Record<string, string> } {
  const settings: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const field of settingsFor(provider)) {
    const value = (values[field.name] ?? '').trim();
    if (value) settings[field.name] = value;
    else if (field.required) errors[`settings.${field.name}`] = `Enter the ${field.label.replace(/ \(optional\)$/, '')}.`;
  }
  return { settings, errors };
}

/** Only http(s) consent pages: a connect answer must never make the SPA run a `javascript:` URL. */
export function isSafeAuthorizeUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A top-level navigation to the provider's consent page (the round trip comes back to /clients/{id}). */
export function goToConsentPage(url: string): void {
  window.location.assign(url);
}
