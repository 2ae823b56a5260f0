"use client";
// The room page as a chat app: header, the conversation filling the screen (only the message list scrolls), typing
// line and composer pinned below, people panel beside it. Owns the live room details (`room:updated`/`room:deleted`)
// and wires the conversation, posting (use-room-posting.ts) and dialogs (room-dialogs.tsx) to list and composer.
import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { Composer } from "@/components/chat/composer";
import { MessageList } from "@/components/chat/message-list";
import { PeopleDrawer } from "@/components/chat/people-drawer";
import { useChatTime } from "@/components/chat/use-clock";
import { useConversation } from "@/components/chat/use-conversation";
import type { InitialJump } from "@/components/chat/use-conversation-jump";
import { useMarkRead } from "@/components/chat/use-mark-read";
import { useTimeline } from "@/components/chat/use-timeline";
import { TypingIndicator } from "@/components/presence/typing-indicator";
import { useConnectionStatus } from "@/components/realtime/realtime-provider";
import { useToast } from "@/components/ui/toast";
import { postingBlock } from "@/lib/chat/client/posting-restriction";
import type { HistoryEntry } from "@/lib/chat/message-payload";
import type { PinView, RoomUpdatedEvent } from "@/lib/realtime/event-schemas";
import type { ChatViewer } from "./chat-viewer";
import { ConversationBar } from "./conversation-bar";
import { ConversationEmpty } from "./conversation-empty";
import { FocusBar, FocusPeopleProvider } from "./focus-bar";
import { RoomDialogs, useRoomDialogs } from "./room-dialogs";
import { RoomHeader, type RoomHeaderRoom, type RoomViewer } from "./room-header";
import { useFillViewport } from "./use-fill-viewport";
import { useLiveRoom } from "./use-live-room";
import { useModerationOffers } from "./use-moderation-offers";
import { RoomProviders } from "./room-questions";
import { composerModeOf, useRoomPosting, type RoomPosting } from "./use-room-posting";
import { useRoomFocusView } from "./use-room-focus";
import { useRoomPins } from "./use-room-pins";
import { useRoomSlowMode, useSlowModeSends, type RoomSlowMode } from "./use-room-slow-mode";

export type { ChatViewer, RoomPosting };

export interface RoomChatProps {
  room: RoomHeaderRoom & { id: string; studyBoard: boolean };
  viewer: RoomViewer;
  /** The signed-in member, or null for visitors. */
  member: ChatViewer | null;
  posting: RoomPosting;
  /** The room's slow mode and the viewer's wait when rendered. */
  slowMode: RoomSlowMode;
  initialPins: PinView[];
  /** Moderators and admins: never muted or banned, their messages deleted only by admins (sent to hosts and staff). */
  staffIds: string[];
  initialEntries: HistoryEntry[];
  initialHasOlder: boolean;
  /** What a message link (`?m=`) opened the page on: the window around it, or why the latest are shown. */
  initialJump?: InitialJump;
  /** Date.now() of the server render: the clock of the first render, here and in the browser. */
  renderedAt: number;
  /** The people panel (a server component). */
  people: ReactNode;
  /** Members online when the page was rendered. */
  initialOnline: number;
}

export function RoomChat({
  room: initialRoom,
  viewer,
  member,
  posting,
  slowMode: initialSlowMode,
  initialPins,
  staffIds,
  initialEntries,
  initialHasOlder,
  initialJump,
  renderedAt,
  people,
  initialOnline,
}: RoomChatProps) {
  const { room, deleted, setUpdate, onRoomDeleted } = useLiveRoom(initialRoom);
  const { toast } = useToast();
  const status = useConnectionStatus();
  const time = useChatTime(renderedAt);
  const layout = useFillViewport();
  const peopleId = useId();
  const [peopleOpen, setPeopleOpen] = useState(false);
  const peopleButton = useRef<HTMLButtonElement>(null);
  const [followSignal, setFollowSignal] = useState(0);
  const [atBottom, setAtBottom] = useState(true);
  const memberId = member?.id ?? null;

  const roomPosting = useRoomPosting({ roomId: room.id, memberId, posting });
  const { onRoomUpdated: onPostingUpdated } = roomPosting;
  const slow = useRoomSlowMode(initialSlowMode);
  const { slowMode, onRoomUpdated: onSlowModeUpdated } = slow;
  const onRoomUpdated = useCallback(
    (event: RoomUpdatedEvent) => {
      setUpdate(event);
      onPostingUpdated(event);
      onSlowModeUpdated(event);
    },
    [setUpdate, onPostingUpdated, onSlowModeUpdated],
  );
  const conversation = useConversation({
    slug: room.slug,
    roomId: room.id,
    initialEntries,
    initialHasOlder,
    initialJump,
    initialReadAt: renderedAt,
    onRoomUpdated,
    onRoomDeleted,
    onPostingRefused: roomPosting.onRefused,
    reactor: member?.emailVerified ? member : null,
  });
  const { state, edit } = conversation;
  const canPin = (member?.canModerate ?? false) && !deleted;
  const pins = useRoomPins({ roomId: room.id, slug: room.slug, initial: initialPins, canPin });
  useSlowModeSends(slow, state.pending, conversation.clearRateLimit);
  const { askToDelete, askToModerate, dialogs } = useRoomDialogs(conversation.remove);

  const { focus, moment, hold, people: focusPeople } = useRoomFocusView(room, memberId, state.entries);
  // Only the live end marks the room read, not a window of older history, nor messages held until the break.
  const markable = member !== null && !deleted && !state.hasNewer;
  useMarkRead({ slug: room.slug, enabled: markable, lastId: hold.readTo, atBottom });
  const rows = useTimeline({ entries: hold.entries, pending: state.pending }, member, time);

  const onEdit = useCallback(
    async (id: number, body: string) => {
      await edit(id, body);
      toast({ id: "message-edited", message: "Message edited.", tone: "success" });
    },
    [edit, toast],
  );

  const canRestrict = member?.canRestrict ?? false;
  const { canModerateAuthor, canDeleteOf } = useModerationOffers({
    staffIds,
    memberId,
    canRestrict,
    actsOnStaff: member?.actsOnStaff ?? false,
  });

  const { locked, restriction, refusal } = roomPosting;
  const block = deleted ? null : postingBlock({ locked, restriction, refusal, now: time.now, timeZone: time.timeZone });
  const composerMode = composerModeOf({ deleted, block, member });
  // Banned from this room: they read along as a visitor does, neither present nor online (channel auth refuses both).
  const banned =
    restriction?.kind === "banned" && (restriction.until === null || Date.parse(restriction.until) > time.now);
  const presentAs = banned ? null : memberId;

  return (
    <RoomProviders
      {...{ roomId: room.id, slug: room.slug, viewerId: presentAs, initialOnline }}
      questions={{ viewer: member, canAct: composerMode === "post", onJump: conversation.jump.jumpTo }}
    >
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
        <RoomHeader {...{ room, viewer, deleted, locked, focus: member && focus }} slowModeSeconds={slowMode.seconds} />
        <div className="flex min-h-0 flex-1 sm:gap-3">
          <section
            aria-labelledby="conversation-heading"
            className="flex min-w-0 flex-1 flex-col overflow-hidden bg-surface sm:rounded-2xl sm:border sm:border-line sm:shadow-sm"
          >
            <ConversationBar
              status={conversation.live ? status : "disabled"}
              live={!deleted}
              peopleId={peopleId}
              peopleOpen={peopleOpen}
              onOpenPeople={() => setPeopleOpen(true)}
              peopleButton={peopleButton}
              pins={pins}
              onJump={(id) => void conversation.jump.jumpTo(id)}
              slug={room.slug}
              member={member !== null}
              studyBoard={room.studyBoard}
            />
            <FocusBar focus={focus} moment={moment} hold={hold} viewer={member} />
            <MessageList
              rows={rows}
              time={time}
              viewer={member}
              hasOlder={state.hasOlder}
              loadingOlder={conversation.loadingOlder}
              olderError={conversation.olderError}
              onLoadOlder={() => void conversation.loadOlder()}
              jump={conversation.jump}
              onEdit={onEdit}
              onDelete={askToDelete}
              onRetry={conversation.retry}
              onDiscard={conversation.discard}
              followSignal={followSignal}
              onAtBottomChange={setAtBottom}
              readOnly={deleted}
              canEdit={composerMode === "post"}
              canModerateAuthor={canRestrict ? canModerateAuthor : undefined}
              canDeleteOf={canDeleteOf}
              pins={pins}
              onModerate={canRestrict ? askToModerate : undefined}
              onReply={conversation.reply.start}
              onReact={conversation.react.toggle}
              onLoadReactors={conversation.react.loadNames}
              reportIn={member ? room.slug : undefined}
              empty={<ConversationEmpty canPost={composerMode === "post"} />}
            />
            {/* A fixed-height line, so "Alice is typing…" appearing never moves the conversation. */}
            <div
              data-testid="typing-line"
              className="h-6 shrink-0 overflow-hidden px-4 text-xs leading-6 text-ink-muted sm:px-5"
            >
              <TypingIndicator roomId={room.id} viewerId={presentAs} />
            </div>
            <Composer
              roomId={room.id}
              viewerId={presentAs}
              slug={room.slug}
              roomName={room.name}
              mode={composerMode}
              block={block}
              status={status}
              rateLimitedUntil={conversation.rateLimitedUntil}
              onRateLimitOver={conversation.clearRateLimit}
              error={conversation.composerError}
              onDismissError={conversation.clearComposerError}
              slowMode={slowMode}
              reply={conversation.reply}
              onSend={(body, options) => {
                // Sent below a window of older history: back to the live end, where it appears.
                if (state.hasNewer) conversation.jump.onJumpToNewest();
                conversation.send(body, options);
                slow.onSent();
                setFollowSignal((n) => n + 1);
              }}
            />
          </section>
          <PeopleDrawer id={peopleId} open={peopleOpen} onClose={() => setPeopleOpen(false)} opener={peopleButton}>
            <FocusPeopleProvider value={focusPeople}>{people}</FocusPeopleProvider>
          </PeopleDrawer>
        </div>
        <RoomDialogs dialogs={dialogs} roomSlug={room.slug} canRestrict={canRestrict && !deleted} />
      </div>
    </RoomProviders>
  );
}
