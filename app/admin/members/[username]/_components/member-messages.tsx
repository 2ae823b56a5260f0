// A member's latest messages on their admin page, each with a Delete button for whoever may act on them.
import Link from "next/link";
import { Section } from "@/components/admin/page-header";
import { linkClass } from "@/components/admin/styles";
import { Timestamp } from "@/components/admin/timestamp";
import { excerpt } from "@/lib/admin/audit";
import { DeleteMessageForm } from "../../../_components/message-delete-forms";

export interface MemberMessagesProps {
  member: {
    username: string;
    messageCount: number;
    recentMessages: Array<{ id: number; body: string; createdAt: Date; room: { slug: string; name: string } }>;
  };
  /** mayActOn (lib/admin/access.ts): a moderator's or an admin's words are only an admin's to delete. */
  mayDelete: boolean;
}

export function MemberMessages({ member, mayDelete }: MemberMessagesProps) {
  const more = member.messageCount > member.recentMessages.length;
  return (
    <Section
      title="Latest messages"
      description={
        more ? (
          <Link className={linkClass} href={`/admin/messages?member=${member.username}`}>
            See all {member.messageCount} →
          </Link>
        ) : undefined
      }
    >
      {member.recentMessages.length === 0 ? (
        <p className="text-sm text-ink-muted">No messages.</p>
      ) : (
        <ul className="divide-y divide-line" data-testid="member-messages">
          {member.recentMessages.map((m) => (
            <li key={m.id} className="flex items-start justify-between gap-3 py-2.5">
              <div className="min-w-0 text-sm">
                <p className="break-words text-ink">{excerpt(m.body, 200)}</p>
                <p className="mt-0.5 text-xs text-ink-subtle">
                  in{" "}
                  <Link href={`/rooms/${m.room.slug}`} className={linkClass}>
                    {m.room.name}
                  </Link>{" "}
                  · <Timestamp date={m.createdAt} />
                </p>
              </div>
              {mayDelete ? <DeleteMessageForm id={m.id} /> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
