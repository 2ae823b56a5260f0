import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/session";
import { ConfirmEmail } from "./_components/confirm-email";

// strict-origin: requests from this page (even to our own server) carry no token in Referer.
// Not no-referrer, which makes browsers send "Origin: null" and fails the server action check.
export const metadata: Metadata = { title: "Confirm your email", referrer: "strict-origin" };

interface VerifyEmailPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.trim() || null;
  const user = await getCurrentUser();
  // Keyed by the token: a second link opened in the same tab starts over.
  return <ConfirmEmail key={token ?? "none"} token={token} signedIn={user !== null} />;
}
