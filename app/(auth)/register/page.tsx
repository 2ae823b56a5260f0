import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/oauth-buttons";
import { getCurrentUser } from "@/lib/auth/session";
import { AuthCard, textLinkClass } from "../_components/auth-card";
import { OrDivider } from "../_components/or-divider";
import { RegisterForm } from "./_components/register-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function RegisterPage() {
  if (await getCurrentUser()) redirect("/");

  return (
    <AuthCard
      title="Create your account"
      description="Join rooms about what you care about, or open your own."
      footer={
        <>
          Already have an account?{" "}
          <Link href="/login" className={textLinkClass}>
            Sign in
          </Link>
        </>
      }
    >
      <OrDivider>
        <OAuthButtons callbackUrl="/" />
      </OrDivider>
      <RegisterForm />
      <p className="mt-5 text-center text-xs text-ink-subtle">We&apos;ll email you a link to confirm your address.</p>
    </AuthCard>
  );
}
