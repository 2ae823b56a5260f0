"use client";
// The room page as a chat app: header, the conversation filling the screen under it (only the
// message list scrolls), the typing line and composer pinned at the bottom, and the people panel
// beside it (a slide-in panel on narrower screens). Owns the live room details (`room:updated`,
// `room:deleted`), what keeps the viewer from posting (the room's lock, their own mute or ban,
// live from their private channel) and the moderator's Moderate dialog, and wires the
// conversation hook to the list and the composer.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Composer, type ComposerMode } from "@/components/chat/composer";
import { ConnectionBadge } from "@/components/chat/connection-badge";
import { MessageList } from "@/components/chat/message-list";
import { PeopleButton, PeopleDrawer } from "@/components/chat/people-drawer";
import { useChatTime } from "@/components/chat/use-clock";
import { useConversation } from "@/components/chat/use-conversation";
import { useMarkRead } from "@/components/chat/use-mark-read";
import { TypingIndicator } from "@/components/presence/typing-indicator";
import { ModerateMemberDialog, type ModeratedMember } from "@/components/moderation/moderate-member-dialog";
import { useConnectionStatus } from "@/components/realtime/realtime-provider";
import { useUserChannel } from "@/components/realtime/use-user-channel";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { ChatApiError } from "@/lib/chat/client/chat-api";
import { lastIdOf, visibleMessages } from "@/lib/chat/client/message-store";
import { postingBlock, type MemberRestriction } from "@/lib/chat/client/posting-restriction";
import { buildTimeline } from "@/lib/chat/client/timeline";
import type { ChatMessage, HistoryEntry, MessageAuthorPayload } from "@/lib/chat/message-payload";
import { moderationRestrictedSchema, USER_EVENTS, type RoomUpdatedEvent } from "@/lib/realtime/event-schemas";
import { RoomHeader, type RoomHeaderRoom, type RoomViewer } from "./room-header";

export interface ChatViewer extends MessageAuthorPayload {
  emailVerified: boolean;
  /** The room's host or a moderator: may delete any message. */
  canModerate: boolean;
  /** A moderator or admin: may also mute and ban members here. */
  canRestrict: boolean;
}

/** What the server knew about posting here when it rendered the page. */
export interface RoomPosting {
  locked: boolean;
  /** The viewer's own ban or mute in force; null for visitors. */
  restriction: MemberRestriction | null;
}

export interface RoomChatProps {
  room: RoomHeaderRoom & { id: string };
  viewer: RoomViewer;
  /** The signed-in member, or null for visitors. */
  member: ChatViewer | null;
  posting: RoomPosting;
  /** Moderators and admins, who cannot be muted or banned (only sent to moderators). */
  staffIds: string[];
  initialEntries: HistoryEntry[];
  initialHasOlder: boolean;
  /** Date.now() of the server render: the clock of the first render, here and in the browser. */
  renderedAt: number;
  /** The people panel (a server component). */
  people: ReactNode;
}

/** Fills the viewport below whatever is above it (site header, verify banner), whatever their height. */
function useFillViewport() {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () =>
      el.style.setProperty("--chat-top", `${Math.max(0, el.getBoundingClientRect().top + window.scrollY)}px`);
    measure();
    const observer = new ResizeObserver(measure);
    if (el.parentElement) observer.observe(el.parentElement);
    for (const sibling of document.body.children)
      if (sibling instanceof HTMLElement && !sibling.contains(el)) observer.observe(sibling);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, []);
  return ref;
}

/**
 * Posting in this room, kept current: the server's view (again after every refresh), the room's
 * lock from `room:updated`, the viewer's own mute or ban from `moderation:restricted` on their
 * private channel, and a 403 a send got meanwhile. After a refusal, and when the private channel
 * reconnects (events may have been missed), the page asks the server again.
 */
function usePosting({ roomId, memberId, posting }: { roomId: string; memberId: string | null; posting: RoomPosting }) {
  const router = useRouter();
  const [locked, setLocked] = useState(posting.locked);
  const [restriction, setRestriction] = useState(posting.restriction);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [seen, setSeen] = useState(posting);
  if (seen !== posting) {
    // A refresh: the server's answer is the truth now.
    setSeen(posting);
    setLocked(posting.locked);
    setRestriction(posting.restriction);
    setRefusal(null);
  }

  useUserChannel(
    memberId,
    {
      [USER_EVENTS.moderationRestricted]: (data) => {
        const parsed = moderationRestrictedSchema.safeParse(data);
        if (!parsed.success || parsed.data.roomId !== roomId) return;
        const { kind, until, reason } = parsed.data;
        setRestriction(kind === "none" ? null : { kind, until, reason });
        setRefusal(null);
      },
    },
    { onSubscribed: (again) => (again ? router.refresh() : undefined) },
  );

  const onRoomUpdated = useCallback((event: RoomUpdatedEvent) => {
    if (event.locked === undefined) return;
    setLocked(event.locked);
    setRefusal(null);
  }, []);

  const onRefused = useCallback(
    ({ message }: { code: string; message: string }) => {
      setRefusal(message);
      router.refresh();
    },
    [router],
  );

  return { locked, restriction, refusal, onRoomUpdated, onRefused };
}

export function RoomChat({
  room: initialRoom,
  viewer,
  member,
  posting,
  staffIds,
  initialEntries,
  initialHasOlder,
  renderedAt,
  people,
}: RoomChatProps) {
  const [update, setUpdate] = useState<RoomUpdatedEvent | null>(null);
  const [deleted, setDeleted] = useState(false);
  const room = useMemo(
    () =>
      update
        ? { ...initialRoom, name: update.name, description: update.description, topic: update.topic }
        : initialRoom,
    [initialRoom, update],
  );
  const { toast } = useToast();
  const status = useConnectionStatus();
  const time = useChatTime(renderedAt);
  const layout = useFillViewport();
  const peopleId = useId();
  const [peopleOpen, setPeopleOpen] = useState(false);
  const peopleButton = useRef<HTMLButtonElement>(null);
  const [followSignal, setFollowSignal] = useState(0);
  const [atBottom, setAtBottom] = useState(true);

  const {
    locked,
    restriction,
    refusal,
    onRoomUpdated: onPostingUpdated,
    onRefused,
  } = usePosting({ roomId: room.id, memberId: member?.id ?? null, posting });
  const onRoomDeleted = useCallback(() => setDeleted(true), []);
  const onRoomUpdated = useCallback(
    (event: RoomUpdatedEvent) => {
      setUpdate(event);
      onPostingUpdated(event);
    },
    [onPostingUpdated],
  );
  const conversation = useConversation({
    slug: room.slug,
    roomId: room.id,
    initialEntries,
    initialHasOlder,
    initialReadAt: renderedAt,
    onRoomUpdated,
    onRoomDeleted,
    onPostingRefused: onRefused,
  });
  const { state } = conversation;

  useEffect(() => {
    document.title = `${room.name} · Roomful`;
  }, [room.name]);

  useMarkRead({ slug: room.slug, enabled: member !== null && !deleted, lastId: lastIdOf(state), atBottom });

  const rows = useMemo(
    () =>
      buildTimeline({
        messages: visibleMessages(state.entries),
        pending: state.pending,
        viewer: member,
        now: time.now,
        timeZone: time.timeZone,
      }),
    [state.entries, state.pending, member, time.now, time.timeZone],
  );

  // Deleting: one dialog for the whole list.
  const [deleting, setDeleting] = useState<ChatMessage | null>(null);
  const [deletePending, setDeletePending] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const confirmDelete = async () => {
    if (!deleting || deletePending) return;
    setDeletePending(true);
    setDeleteError(null);
    try {
      await conversation.remove(deleting.id);
      setDeleting(null);
      toast({ id: "message-deleted", message: "Message deleted.", tone: "success" });
    } catch (error) {
      setDeleteError(error instanceof ChatApiError ? error.message : "Could not delete the message. Try again.");
    } finally {
      setDeletePending(false);
    }
  };

  const askToDelete = useCallback((message: ChatMessage) => {
    setDeleteError(null);
    setDeleting(message);
  }, []);

  const { edit } = conversation;
  const onEdit = useCallback(
    async (id: number, body: string) => {
      await edit(id, body);
      toast({ id: "message-edited", message: "Message edited.", tone: "success" });
    },
    [edit, toast],
  );

  // Moderate: one dialog for the whole list, for members who are not staff (nor the viewer).
  const [moderating, setModerating] = useState<ModeratedMember | null>(null);
  const staff = useMemo(() => new Set(staffIds), [staffIds]);
  const canRestrict = member?.canRestrict ?? false;
  const memberId = member?.id ?? null;
  const canModerateAuthor = useCallback(
    (authorId: string) => canRestrict && authorId !== memberId && !staff.has(authorId),
    [canRestrict, memberId, staff],
  );
  const onModerate = useCallback(
    (author: MessageAuthorPayload) => setModerating({ id: author.id, username: author.username, name: author.name }),
    [],
  );

  const block = deleted ? null : postingBlock({ locked, restriction, refusal, now: time.now, timeZone: time.timeZone });
  // The lock is said to everyone, visitors too; a member's own restriction once they could post.
  const composerMode: ComposerMode = deleted
    ? "room-deleted"
    : block?.kind === "locked"
      ? "restricted"
      : !member
        ? "signed-out"
        : !member.emailVerified
          ? "unverified"
          : block
            ? "restricted"
            : "post";

  return (
    <div
      ref={layout}
      data-testid="room-chat"
      data-chat-layout=""
      className="mx-auto flex h-[calc(100dvh-var(--chat-top,4.0625rem))] min-h-[26rem] w-full max-w-6xl flex-col sm:gap-3 sm:px-6 sm:pt-3 sm:pb-4"
    >
      {/* This page is an app screen: the site footer would only push the composer off the bottom. */}
      <style
        href="room-chat-layout"
        precedence="default"
      >{`body:has([data-chat-layout]) > footer { display: none; }`}</style>
      <RoomHeader room={room} viewer={viewer} deleted={deleted} locked={locked} />
      <div className="flex min-h-0 flex-1 sm:gap-3">
        <section
          aria-labelledby="conversation-heading"
          className="flex min-w-0 flex-1 flex-col overflow-hidden bg-surface sm:rounded-2xl sm:border sm:border-line sm:shadow-sm"
        >
          <div className="flex shrink-0 items-center justify-between gap-2 border-b border-line px-4 py-2 sm:px-5">
            <h2 id="conversation-heading" className="text-sm font-semibold text-ink">
              Conversation
            </h2>
            <div className="flex items-center gap-2">
              <ConnectionBadge status={status} />
              <PeopleButton
                ref={peopleButton}
                roomId={room.id}
                live={member !== null && !deleted}
                controls={peopleId}
                expanded={peopleOpen}
                onOpen={() => setPeopleOpen(true)}
              />
            </div>
          </div>
          <MessageList
            rows={rows}
            time={time}
            viewer={member}
            hasOlder={state.hasOlder}
            loadingOlder={conversation.loadingOlder}
            olderError={conversation.olderError}
            onLoadOlder={() => void conversation.loadOlder()}
            onEdit={onEdit}
            onDelete={askToDelete}
            onRetry={conversation.retry}
            onDiscard={conversation.discard}
            followSignal={followSignal}
            onAtBottomChange={setAtBottom}
            readOnly={deleted}
            canEdit={composerMode === "post"}
            canModerateAuthor={canRestrict ? canModerateAuthor : undefined}
            onModerate={canRestrict ? onModerate : undefined}
            empty={
              <div
                data-testid="messages-empty"
                className="flex flex-1 flex-col items-center justify-center px-6 py-10 text-center"
              >
                <span
                  aria-hidden="true"
                  className="flex size-12 items-center justify-center rounded-full bg-accent-soft text-accent-ink"
                >
                  <svg
                    viewBox="0 0 24 24"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.75"
                    strokeLinecap="round"
                    className="size-6"
                  >
                    <path d="M5 6.5A2.5 2.5 0 0 1 7.5 4h9A2.5 2.5 0 0 1 19 6.5v7a2.5 2.5 0 0 1-2.5 2.5H12l-4 3.5V16h-.5A2.5 2.5 0 0 1 5 13.5z" />
                  </svg>
                </span>
                <p className="mt-4 font-semibold text-ink">No messages yet</p>
                <p className="mt-1 max-w-sm text-sm text-ink-muted">
                  {composerMode === "post"
                    ? "Say hello: your message starts the conversation."
                    : "When people start talking here, their messages show up in this space."}
                </p>
              </div>
            }
          />
          {/* A fixed-height line, so "Alice is typing…" appearing never moves the conversation. */}
          <div
            data-testid="typing-line"
            className="h-6 shrink-0 overflow-hidden px-4 text-xs leading-6 text-ink-muted sm:px-5"
          >
            <TypingIndicator roomId={room.id} viewerId={member?.id ?? null} />
          </div>
          <Composer
            roomId={room.id}
            slug={room.slug}
            roomName={room.name}
            mode={composerMode}
            block={block}
            status={status}
            rateLimitedUntil={conversation.rateLimitedUntil}
            onRateLimitOver={conversation.clearRateLimit}
            error={conversation.composerError}
            onDismissError={conversation.clearComposerError}
            onSend={(body) => {
              conversation.send(body);
              setFollowSignal((n) => n + 1);
            }}
          />
        </section>
        <PeopleDrawer id={peopleId} open={peopleOpen} onClose={() => setPeopleOpen(false)} opener={peopleButton}>
          {people}
        </PeopleDrawer>
      </div>
      {canRestrict && !deleted ? (
        <ModerateMemberDialog roomSlug={room.slug} user={moderating} onClose={() => setModerating(null)} />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void confirmDelete()}
        tone="danger"
        title="Delete this message?"
        description="It is removed for everyone in the room. This cannot be undone."
        confirmLabel="Delete message"
        pendingLabel="Deleting…"
        pending={deletePending}
        error={deleteError}
        data-testid="delete-message-dialog"
      />
    </div>
  );
}
