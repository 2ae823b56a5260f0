// Tells members live that their inbox has new entries (the bell's count), once the entries are stored. Grouped by
// kind, so a message that mentions twenty people costs one trigger, not twenty.
import "server-only";
import type { NotificationKind } from "../db/generated/prisma/enums";
import { publishNotificationCreated } from "../realtime/events";
import type { NotificationCreatedEvent } from "../realtime/event-schemas";

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
}

const KIND_NAMES: Record<NotificationKind, NotificationCreatedEvent["kind"]> = {
  MENTION: "mention",
  REPLY: "reply",
  REPORT: "report",
  ACCEPTED: "accepted",
};

/** Never rejects: an undelivered event is logged, and the bell finds the entry on the next page it loads. */
export async function announceNotifications(messageId: number, created: NewNotification[]): Promise<void> {
  const byKind = new Map<NotificationKind, string[]>();
  for (const { userId, kind } of created) byKind.set(kind, [...(byKind.get(kind) ?? []), userId]);
  await Promise.all(
    [...byKind].map(([kind, userIds]) => publishNotificationCreated(userIds, { kind: KIND_NAMES[kind], messageId })),
  );
}
