"use client";
// The room's focus session in the browser: loaded from GET …/focus (after the room channel is subscribed, and again
// on every resubscribe), kept live by `focus:updated` and `focus:member`, with the clock offset to the server
// (serverNow − Date.now()) so every browser counts down the same time. Actions answer with toasts.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FocusPeople } from "@/components/focus/focus-people";
import { useFocusMoment } from "@/components/focus/use-focus-moment";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import { useToast } from "@/components/ui/toast";
import type { HistoryEntry } from "@/lib/chat/message-payload";
import * as api from "@/lib/focus/focus-api";
import {
  focusMemberEventSchema,
  focusUpdatedSchema,
  ROOM_EVENTS,
  type FocusSelf,
  type FocusState,
} from "@/lib/realtime/event-schemas";
import { useFocusHold } from "./use-focus-hold";

export interface FocusLengths {
  focusSeconds: number;
  breakSeconds: number;
  rounds: number;
}

export interface RoomFocus {
  state: FocusState | null;
  /** Add to Date.now() for the server's time. */
  offset: number;
  running: boolean;
  busy: boolean;
  /** True when the start dialog is done: started, or refused because another session won (the bar shows it). */
  start: (lengths: FocusLengths) => Promise<boolean>;
  stop: () => Promise<void>;
  join: (goal: string, holdMessages: boolean) => Promise<boolean>;
  leave: () => Promise<void>;
  setHold: (holdMessages: boolean) => Promise<void>;
  markGoal: (done: boolean) => Promise<void>;
}

export function useRoomFocus({ roomId, slug, viewerId }: { roomId: string; slug: string; viewerId: string | null }) {
  const [state, setState] = useState<FocusState | null>(null);
  const [offset, setOffset] = useState(0);
  const [busy, setBusy] = useState(false);
  const { toast } = useToast();

  // Live events heard so far. An answer to a GET asked before the latest of them may predate it (a start answered as
  // "no session"): it is asked again rather than shown over the event, and an event that finds no state yet waits
  // for that answer instead of being dropped.
  const heard = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const refetch = useCallback(async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = heard.current;
      const loaded = await api.loadFocusState(slug);
      if (!loaded || !mounted.current) return;
      if (heard.current !== before && attempt < 2) continue;
      setState(loaded.state);
      setOffset(loaded.offset);
      return;
    }
  }, [slug]);

  const onUpdated = useCallback(
    (data: unknown) => {
      const event = focusUpdatedSchema.safeParse(data);
      if (!event.success || event.data.roomId !== roomId) return;
      heard.current += 1;
      const { session, serverNow, change } = event.data;
      setOffset(serverNow - Date.now());
      setState((prev) => {
        if (!prev) return prev;
        const same = prev.session?.id === session.id;
        const over = change === "stopped" || change === "ended";
        const me = same && prev.me ? { ...prev.me, joined: over ? false : prev.me.joined } : null;
        return { ...prev, session, members: same && !over ? prev.members : [], me, serverNow };
      });
    },
    [roomId],
  );

  const onMember = useCallback(
    (data: unknown) => {
      const event = focusMemberEventSchema.safeParse(data);
      if (!event.success || event.data.roomId !== roomId) return;
      heard.current += 1;
      const { sessionId, member, memberCount } = event.data;
      setState((prev) => {
        if (!prev?.session || prev.session.id !== sessionId) return prev;
        const others = prev.members.filter((m) => m.user.id !== member.user.id);
        const members = member.joined ? [...others, member] : others;
        const mine = member.user.id === viewerId && prev.me;
        const me = mine ? { ...mine, joined: member.joined, goal: member.goal } : prev.me;
        return { ...prev, members, me, session: { ...prev.session, memberCount } };
      });
    },
    [roomId, viewerId],
  );

  useRoomChannel(
    roomId,
    { [ROOM_EVENTS.focusUpdated]: onUpdated, [ROOM_EVENTS.focusMember]: onMember },
    { onSubscribed: () => void refetch() },
  );
  // Also without a realtime connection: the countdown needs only the schedule.
  useEffect(() => void refetch(), [refetch]);

  const act = useCallback(
    async <T>(work: () => Promise<api.FocusOutcome<T>>, success?: string): Promise<api.FocusOutcome<T>> => {
      setBusy(true);
      try {
        const outcome = await work();
        if (outcome.ok && success) toast({ id: "focus-outcome", message: success, tone: "success" });
        if (!outcome.ok) toast({ id: "focus-outcome", message: outcome.message, tone: "error" });
        // Shown at once, not only when the realtime server tells everyone (and the 409 shows the session that won).
        await refetch();
        return outcome;
      } finally {
        setBusy(false);
      }
    },
    [toast, refetch],
  );

  const setMe = (me: FocusSelf | null) => setState((prev) => (prev ? { ...prev, me } : prev));
  return {
    state,
    offset,
    busy,
    start: async (lengths) => {
      const outcome = await act(() => api.startFocus(slug, lengths), "Focus session started.");
      return outcome.ok || outcome.code === "conflict:focus_running";
    },
    stop: async () => void (await act(() => api.stopFocus(slug), "Focus session stopped.")),
    join: async (goal, holdMessages) => {
      const outcome = await act(() => api.joinFocus(slug, { goal, holdMessages }), "You joined the focus session.");
      if (outcome.ok) setMe(outcome.value);
      return outcome.ok;
    },
    leave: async () => void (await act(() => api.leaveFocus(slug), "You left the focus session.")),
    setHold: async (hold) => {
      const outcome = await act(() => api.setFocusHold(slug, hold));
      if (outcome.ok) setMe(outcome.value);
    },
    markGoal: async (done) => {
      const sessionId = state?.me?.sessionId;
      if (sessionId) await act(() => api.markFocusGoal(slug, sessionId, done), done ? "Well done!" : "Noted.");
    },
  } satisfies Omit<RoomFocus, "running">;
}

/** The room page's focus: the session, its phase now, the messages held for the viewer, and the people panel's view. */
export function useRoomFocusView(room: { id: string; slug: string }, viewerId: string | null, entries: HistoryEntry[]) {
  const base = useRoomFocus({ roomId: room.id, slug: room.slug, viewerId });
  const moment = useFocusMoment(base.state?.session ?? null, base.offset);
  const me = base.state?.me;
  const hold = useFocusHold(entries, !!me?.joined && !!me.holdMessages && moment?.kind === "focus", viewerId);
  const members = base.state?.members;
  const phase = moment?.kind === "focus" || moment?.kind === "break" ? moment.kind : null;
  const focus: RoomFocus = { ...base, running: phase !== null };
  const people = useMemo<FocusPeople>(
    () => ({ members: new Map((members ?? []).map((m) => [m.user.id, { goal: m.goal }])), phase }),
    [members, phase],
  );
  return { focus, moment, hold, people };
}
