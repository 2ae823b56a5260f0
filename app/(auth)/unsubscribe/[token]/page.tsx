import type { Metadata } from "next";
import { describeUnsubscribeToken } from "@/lib/notifications/unsubscribe";
import { Unsubscribe } from "./_components/unsubscribe";

// strict-origin: requests from this page carry no token in Referer (no-referrer would fail the server action check).
export const metadata: Metadata = {
  title: "Unsubscribe from away emails",
  referrer: "strict-origin",
  robots: { index: false },
};
export const dynamic = "force-dynamic";

interface UnsubscribePageProps {
  params: Promise<{ token: string }>;
}

/** Opening an email's unsubscribe link only reads it (mail scanners open links); the button unsubscribes. */
export default async function UnsubscribePage({ params }: UnsubscribePageProps) {
  const { token } = await params;
  const link = await describeUnsubscribeToken(token);
  return <Unsubscribe token={token} link={link} />;
}
