// Sign-in buttons for the OAuth providers that are configured (none yet: filled in by the OAuth work).
export interface OAuthButtonsProps {
  /** Where to go after signing in. */
  callbackUrl?: string;
}

export function OAuthButtons(_props: OAuthButtonsProps) {
  return null;
}
