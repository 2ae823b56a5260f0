"use client";
// "Alice is typing…" under the conversation, from the `client-typing` events of the room's
// presence channel. Each typer stays TYPING_EXPIRY_MS after their last event, and goes at once
// when they send a message or leave. The line keeps its height, so nothing below it jumps.
import { useEffect, useState } from "react";
import { z } from "zod";
import { usePresenceChannel } from "@/components/realtime/use-presence-channel";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import {
  dropTyper,
  nextExpiryIn,
  NO_TYPERS,
  pruneTypers,
  recordTyper,
  resolveTyper,
  TYPING_EVENT,
  typingLabel,
  typingNames,
  type Typers,
} from "@/lib/presence/typing";
import { ROOM_EVENTS } from "@/lib/realtime/event-schemas";

export interface TypingIndicatorProps {
  roomId: string;
  /** The viewer's own typing is never shown. */
  viewerId: string | null;
}

// Only the author matters here; the conversation parses the whole message.
const messageAuthorSchema = z.object({ author: z.object({ id: z.string() }).nullable().optional() });
const memberIdSchema = z.object({ id: z.string() });

export function TypingIndicator({ roomId, viewerId }: TypingIndicatorProps) {
  // Visitors have no realtime connection, so there is nothing to show them.
  return viewerId ? <LiveTypingIndicator roomId={roomId} viewerId={viewerId} /> : null;
}

function LiveTypingIndicator({ roomId, viewerId }: { roomId: string; viewerId: string }) {
  const [typers, setTypers] = useState<Typers>(NO_TYPERS);
  const { channel, subscribed } = usePresenceChannel(roomId, viewerId, {
    "pusher:member_removed": (member) => {
      const parsed = memberIdSchema.safeParse(member);
      if (parsed.success) setTypers((t) => dropTyper(t, parsed.data.id));
    },
  });
  useRoomChannel(roomId, {
    [ROOM_EVENTS.messageCreated]: (message) => {
      const parsed = messageAuthorSchema.safeParse(message);
      const authorId = parsed.success ? parsed.data.author?.id : undefined;
      if (authorId) setTypers((t) => dropTyper(t, authorId));
    },
  });

  // Bound here rather than through usePresenceChannel's handlers, which pass only the payload: the
  // sender's id is in the second argument (the realtime server stamps it; the payload can lie).
  useEffect(() => {
    if (!channel) return;
    const onTyping = (data: unknown, metadata?: unknown) => {
      const typer = resolveTyper({
        data,
        metadata,
        memberName: (id) => {
          const info = (channel.members.get(id) as { info?: { name?: unknown } } | null)?.info;
          return typeof info?.name === "string" ? info.name : null;
        },
      });
      if (!typer || typer.userId === viewerId) return;
      setTypers((t) => recordTyper(t, typer, Date.now()));
    };
    channel.bind(TYPING_EVENT, onTyping);
    return () => {
      channel.unbind(TYPING_EVENT, onTyping);
    };
  }, [channel, viewerId]);

  // One timer for the next typer to expire; it re-arms as the set changes.
  useEffect(() => {
    const wait = nextExpiryIn(typers, Date.now());
    if (wait === null) return;
    const timer = setTimeout(() => setTypers((t) => pruneTypers(t, Date.now())), wait + 20);
    return () => clearTimeout(timer);
  }, [typers]);

  // After a disconnect, typers we knew may have stopped long ago: show nobody until told again.
  const label = subscribed ? typingLabel(typingNames(typers, viewerId)) : "";
  return (
    <div
      aria-live="polite"
      aria-atomic="true"
      data-testid="typing-indicator"
      className="flex h-6 min-w-0 items-center gap-1.5 text-xs text-ink-muted"
    >
      {label ? (
        <>
          <span aria-hidden="true" className="inline-flex shrink-0 gap-0.5">
            {[0, 150, 300].map((delay) => (
              <span
                key={delay}
                className="size-1 animate-bounce rounded-full bg-ink-subtle motion-reduce:animate-none"
                style={{ animationDelay: `${delay}ms` }}
              />
            ))}
          </span>
          <span className="truncate">{label}</span>
        </>
      ) : null}
    </div>
  );
}
