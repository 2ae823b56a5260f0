import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/oauth-buttons";
import { FormAlert } from "@/components/ui/form-alert";
import { getCurrentUserForChrome } from "@/lib/auth/session";
import { AuthCard, textLinkClass } from "../_components/auth-card";
import { OrDivider } from "../_components/or-divider";
import { ResendByEmailForm } from "../_components/resend-by-email-form";
import { safeCallbackUrl } from "../_lib/callback-url";
import { SignInForm } from "./_components/sign-in-form";
import { signInErrorMessage } from "./_components/sign-in-messages";
import { OutlineIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Sign in" };

interface LoginPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const error = signInErrorMessage(first(params.error), first(params.provider));
  // Someone already signed in has nothing to do here (unless a sign-in attempt just failed). Without the database the
  // form still renders, so that signing in can say why it fails.
  if (!error && (await getCurrentUserForChrome())) redirect(callbackUrl);

  return (
    <AuthCard
      title="Sign in to Roomful"
      description="Welcome back. Pick up your conversations where you left them."
      footer={
        <>
          New to Roomful?{" "}
          <Link href="/register" className={textLinkClass}>
            Create an account
          </Link>
        </>
      }
    >
      {first(params.reset) === "1" ? (
        <FormAlert tone="success" dismissible className="mb-6">
          Your password was changed. Sign in with your new password.
        </FormAlert>
      ) : null}
      <OrDivider>
        <OAuthButtons callbackUrl={callbackUrl} />
      </OrDivider>
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
      <details className="group mt-7 border-t border-line pt-5">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-md text-sm font-medium text-ink-muted transition hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
          Didn&apos;t get the confirmation email?
          <OutlineIcon strokeWidth="1.75" className="size-4 shrink-0 transition group-open:rotate-180">
            <path d="m5 7.5 5 5 5-5" />
          </OutlineIcon>
        </summary>
        <div className="mt-4 space-y-4">
          <p className="text-sm text-ink-muted">
            Enter the address you signed up with and we&apos;ll send a new confirmation link.
          </p>
          <ResendByEmailForm />
        </div>
      </details>
    </AuthCard>
  );
}
