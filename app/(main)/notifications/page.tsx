import type { Metadata } from "next";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { readInbox } from "@/lib/notifications/inbox";
import { Inbox } from "./_components/inbox";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

export default async function NotificationsPage() {
  const user = await requireUserOrRedirect("/notifications");
  const first = await readInbox({ reader: user, query: {} });
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8 pb-16 sm:px-6 sm:pt-12">
      <Inbox initial={first} />
    </div>
  );
}
