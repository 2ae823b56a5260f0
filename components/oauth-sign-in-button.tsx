"use client";
// One "Continue with <provider>" button: starts next-auth's OAuth round trip in the browser
// (it needs next-auth's CSRF cookie, which only the browser holds).
import { signIn } from "next-auth/react";
import { useEffect, useState } from "react";
import { Button } from "./ui/button";

export interface OAuthProviderIconProps {
  providerId: string;
  className?: string;
}

/** The provider's mark; a key for providers without one (the test issuer). */
export function OAuthProviderIcon({ providerId, className = "size-5" }: OAuthProviderIconProps) {
  if (providerId === "google") {
    return (
      <svg viewBox="0 0 24 24" aria-hidden="true" className={className}>
        <path
          fill="#4285F4"
          d="M23.5 12.27c0-.8-.07-1.57-.2-2.3H12v4.35h6.45a5.5 5.5 0 0 1-2.39 3.62v3h3.87c2.26-2.09 3.57-5.16 3.57-8.67z"
        />
        <path
          fill="#34A853"
          d="M12 24c3.24 0 5.95-1.07 7.93-2.9l-3.87-3c-1.07.72-2.45 1.15-4.06 1.15-3.13 0-5.78-2.11-6.72-4.95H1.28v3.1A12 12 0 0 0 12 24z"
        />
        <path fill="#FBBC05" d="M5.28 14.3a7.2 7.2 0 0 1 0-4.6V6.6H1.28a12 12 0 0 0 0 10.8l4-3.1z" />
        <path
          fill="#EA4335"
          d="M12 4.75c1.76 0 3.34.6 4.59 1.8l3.43-3.43A11.96 11.96 0 0 0 12 0 12 12 0 0 0 1.28 6.6l4 3.1C6.22 6.86 8.87 4.75 12 4.75z"
        />
      </svg>
    );
  }
  if (providerId === "github") {
    return (
      <svg viewBox="0 0 24 24" aria-hidden="true" className={className} fill="currentColor">
        <path d="M12 .3a12 12 0 0 0-3.8 23.38c.6.11.82-.26.82-.58v-2.03c-3.34.73-4.04-1.6-4.04-1.6-.55-1.4-1.34-1.77-1.34-1.77-1.09-.74.08-.73.08-.73 1.2.09 1.84 1.24 1.84 1.24 1.07 1.83 2.8 1.3 3.49 1 .1-.78.42-1.3.76-1.6-2.67-.3-5.47-1.33-5.47-5.93 0-1.31.47-2.38 1.24-3.22-.13-.3-.54-1.52.12-3.18 0 0 1-.32 3.3 1.23a11.5 11.5 0 0 1 6 0c2.28-1.55 3.29-1.23 3.29-1.23.66 1.66.25 2.88.12 3.18.77.84 1.23 1.91 1.23 3.22 0 4.61-2.8 5.62-5.48 5.92.43.37.82 1.1.82 2.22v3.29c0 .32.21.7.82.58A12 12 0 0 0 12 .3z" />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={className} fill="currentColor">
      <path
        fillRule="evenodd"
        clipRule="evenodd"
        d="M8 7a5 5 0 1 1 3.61 4.81l-1.28 1.28a.75.75 0 0 1-.53.22H8.5v1.19a.75.75 0 0 1-.75.75H6.5v1.19a.75.75 0 0 1-.75.75h-2.5a.75.75 0 0 1-.75-.75v-2.19c0-.2.08-.39.22-.53l5.06-5.06A5 5 0 0 1 8 7zm5-1.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2z"
      />
    </svg>
  );
}

export interface OAuthSignInButtonProps {
  provider: { id: string; name: string };
  callbackUrl?: string;
}

export function OAuthSignInButton({ provider, callbackUrl }: OAuthSignInButtonProps) {
  const [pending, setPending] = useState(false);

  // Coming back with the browser's Back button restores this page as it was: pending.
  useEffect(() => {
    const reset = (event: PageTransitionEvent) => {
      if (event.persisted) setPending(false);
    };
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);

  return (
    <Button
      variant="secondary"
      size="lg"
      block
      pending={pending}
      data-testid={`oauth-sign-in-${provider.id}`}
      onClick={() => {
        setPending(true);
        signIn(provider.id, { callbackUrl: callbackUrl ?? "/" }).catch(() => setPending(false));
      }}
    >
      <OAuthProviderIcon providerId={provider.id} />
      Continue with {provider.name}
    </Button>
  );
}
