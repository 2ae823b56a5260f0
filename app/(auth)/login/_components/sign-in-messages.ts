// What a sign-in error code means to a person. Codes come from our Credentials provider
// ("invalid", "deactivated", "rate_limited:<seconds>", "unavailable:database"), from next-auth's OAuth flows (?error=…)
// and from the OAuth account linking ("oauth-email-exists", with ?provider=google|github).

import { DATABASE_UNAVAILABLE_CODE, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/outage";

const PROVIDER_NAMES: Record<string, string> = { google: "Google", github: "GitHub" };

export const WRONG_CREDENTIALS = "Wrong email/username or password.";

export function providerName(provider: string | null | undefined): string | null {
  if (!provider) return null;
  return PROVIDER_NAMES[provider.toLowerCase()] ?? null;
}

function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return `${n} minute${n === 1 ? "" : "s"}`;
}

/** The message for `code`, or null when there is nothing to say. */
export function signInErrorMessage(code: string | null | undefined, provider?: string | null): string | null {
  if (!code) return null;
  const name = providerName(provider);
  if (code.startsWith("rate_limited")) {
    const seconds = Number(code.split(":")[1]);
    return `Too many attempts. Try again in ${minutes(Number.isFinite(seconds) && seconds > 0 ? seconds : 60)}.`;
  }
  switch (code) {
    case "invalid":
    case "CredentialsSignin":
      return WRONG_CREDENTIALS;
    case DATABASE_UNAVAILABLE_CODE:
      return DATABASE_UNAVAILABLE_MESSAGE;
    case "deactivated":
      return "This account has been deactivated.";
    case "oauth-email-exists":
      return `An account with this email already exists. Sign in with your password, then link ${name ?? "that account"} from Settings.`;
    case "oauth-email-unverified":
      return `${name ?? "That provider"} has not confirmed your email address, so it cannot open a Roomful account. Confirm it there, or sign up with your email and a password.`;
    case "OAuthAccountNotLinked":
      return `This email is already used by another Roomful account. Sign in the way you did before, then link ${name ?? "this account"} from Settings.`;
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "Callback":
      return `We couldn't sign you in with ${name ?? "that provider"}. Please try again.`;
    case "AccessDenied":
      return "Sign-in was cancelled or not allowed.";
    case "SessionRequired":
      return "Please sign in to continue.";
    case "Verification":
      return "That sign-in link is no longer valid. Please sign in again.";
    case "Configuration":
      return "Signing in is unavailable right now. Please try again in a few minutes.";
    default:
      return "We couldn't sign you in. Please try again.";
  }
}
