/** Where users land after signing in: the agency overview. */
export const HOME = '/';

/** Only same-app paths: an open redirect through ?redirectTo= would be a phishing aid. */
export function safeRedirect(target: string | null): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return HOME;
  return target;
}
