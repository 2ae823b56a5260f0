import type { Metadata } from "next";
import { ResendForMember } from "@/app/_components/resend-for-member";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { ROOM_NAME_MAX, TOPIC_NAME_MAX } from "@/lib/validation/rooms";
import { RoomForm } from "../_components/room-form";
import { createRoomAction } from "./actions";
import { prefill } from "./prefill";
import { OutlineIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Open a room", robots: { index: false } };
export const dynamic = "force-dynamic";

interface NewRoomPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NewRoomPage({ searchParams }: NewRoomPageProps) {
  const query = await searchParams;
  // ?name= from the home page's "no rooms match" state, ?topic= from a topic's page.
  const initial = { name: prefill(query.name, ROOM_NAME_MAX), topic: prefill(query.topic, TOPIC_NAME_MAX) };
  const kept = new URLSearchParams(Object.entries(initial).filter(([, value]) => value !== "")).toString();
  const user = await requireUserOrRedirect(kept ? `/rooms/new?${kept}` : "/rooms/new");

  return (
    <div className="mx-auto max-w-2xl px-4 pt-8 pb-16 sm:px-6 sm:pt-12">
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Open a room</h1>
      <p className="mt-1 text-pretty text-ink-muted">
        Start a conversation about a topic. You’ll be its host, and you can change it later.
      </p>
      <div className="mt-6 rounded-2xl border border-line bg-surface p-5 shadow-sm sm:mt-8 sm:p-7">
        {user.emailVerified ? (
          <RoomForm
            action={createRoomAction}
            label="Open a room"
            initial={{ ...initial, description: "" }}
            cancelHref="/"
            submitLabel="Open room"
            pendingText="Opening the room…"
          />
        ) : (
          <ConfirmEmailFirst email={user.email} />
        )}
      </div>
    </div>
  );
}

function ConfirmEmailFirst({ email }: { email: string }) {
  return (
    <div data-testid="confirm-email-first" className="mx-auto max-w-md py-4 text-center">
      <span
        aria-hidden="true"
        className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300"
      >
        <OutlineIcon grid={24} className="size-6">
          <rect x="3" y="5" width="18" height="14" rx="2.5" />
          <path d="m4 7 8 6 8-6" />
        </OutlineIcon>
      </span>
      <h2 className="text-lg font-semibold text-ink">Confirm your email first</h2>
      <p className="mt-2 text-sm text-pretty text-ink-muted">
        To keep rooms free of spam, only members with a confirmed email address can open one. We sent a link to{" "}
        <span className="font-medium break-all text-ink">{email}</span>: open it, then come back here.
      </p>
      <div className="mt-6">
        <ResendForMember />
      </div>
    </div>
  );
}
