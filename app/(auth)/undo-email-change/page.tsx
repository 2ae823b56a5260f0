import type { Metadata } from "next";
import { inspectUndoLink } from "@/lib/auth/email-change-undo";
import { UndoEmailChange } from "./_components/undo-email-change";

// strict-origin: requests from this page (even to our own server) carry no token in Referer.
// Not no-referrer, which makes browsers send "Origin: null" and fails the server action check.
export const metadata: Metadata = { title: "Undo the email change", referrer: "strict-origin" };

interface UndoEmailChangePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Opening the link only reads it (mail scanners open links); the button's action does the undo. */
export default async function UndoEmailChangePage({ searchParams }: UndoEmailChangePageProps) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  const link = await inspectUndoLink(token);
  // One component whatever the link's state: the action's refresh (it clears the session cookie) re-reads the link
  // as used, and the component keeps showing the outcome it holds instead.
  return <UndoEmailChange key={token ?? "none"} token={token ?? ""} link={link} />;
}
