"use client";
// The header's bell: the signed-in member's unread inbox entries, server-rendered, then live: each
// `notification:created` on their private channel adds one, each (re)subscription reads the count again, and the inbox
// sends NOTIFICATIONS_UNREAD_EVENT with the count after marking entries read.
import { useCallback, useEffect, useMemo, useState } from "react";
import { OutlineIcon } from "@/components/ui/icons";
import { useUserChannel } from "@/components/realtime/use-user-channel";
import { notificationCreatedSchema, USER_EVENTS } from "@/lib/realtime/event-schemas";
import { HeaderCountLink } from "../header-count-link";

/** Sent on `window` (detail: { unread }) by whoever learns the member's unread count. */
export const NOTIFICATIONS_UNREAD_EVENT = "roomful:notifications-unread";

/** Sent on `window` (detail: the parsed event) when a notification arrives, for the inbox to show it. */
export const NOTIFICATION_ARRIVED_EVENT = "roomful:notification-arrived";

export interface NotificationBellProps {
  /** Null for the placeholder shown while the count streams in: it subscribes to nothing, so the streamed bell's
   * subscription is the page's only one. */
  userId: string | null;
  /** Null while unknown (streaming, or unreadable). */
  unread: number | null;
}

export function NotificationBell({ userId, unread: rendered }: NotificationBellProps) {
  const [unread, setUnread] = useState(rendered);
  // A new server-rendered number wins (React's pattern for "reset on prop change").
  const [seen, setSeen] = useState(rendered);
  if (seen !== rendered) {
    setSeen(rendered);
    setUnread(rendered);
  }

  const handlers = useMemo(
    () => ({
      [USER_EVENTS.notificationCreated]: (data: unknown) => {
        const parsed = notificationCreatedSchema.safeParse(data);
        if (!parsed.success) return;
        setUnread((count) => (count ?? 0) + 1);
        window.dispatchEvent(new CustomEvent(NOTIFICATION_ARRIVED_EVENT, { detail: parsed.data }));
      },
    }),
    [],
  );
  // Catch-up: an entry stored before the subscription (or during a reconnect) told nobody.
  const resync = useCallback(() => {
    void fetch("/api/me/notifications/unread", { credentials: "same-origin" })
      .then((response) => (response.ok ? (response.json() as Promise<{ unread?: unknown }>) : null))
      .then((body) => {
        if (typeof body?.unread === "number") setUnread(body.unread);
      })
      .catch(() => undefined);
  }, []);
  const { subscribed } = useUserChannel(userId, handlers, { onSubscribed: resync });

  useEffect(() => {
    function onUnread(event: Event) {
      const next = (event as CustomEvent<{ unread?: unknown }>).detail?.unread;
      if (typeof next === "number" && Number.isInteger(next) && next >= 0) setUnread(next);
    }
    window.addEventListener(NOTIFICATIONS_UNREAD_EVENT, onUnread);
    return () => window.removeEventListener(NOTIFICATIONS_UNREAD_EVENT, onUnread);
  }, []);

  return (
    <HeaderCountLink
      href="/notifications"
      count={unread}
      noun={["unread notification", "unread notifications"]}
      pendingLabel="Notifications"
      testId="notification-bell"
      live={subscribed}
      icon={
        <OutlineIcon className="size-5">
          <path d="M10 3.25a4.75 4.75 0 0 0-4.75 4.75v2.6L4 13.25h12l-1.25-2.65V8A4.75 4.75 0 0 0 10 3.25z" />
          <path d="M8.25 15.5a1.9 1.9 0 0 0 3.5 0" />
        </OutlineIcon>
      }
    />
  );
}
