"use client";
// The room's questions in the browser: loaded once the room mounts (the badges and tools need them), kept live by
// `question:updated` (the question as it is now, or null once unmarked), `message:created` (a reply to an open
// question counts as an answer) and `message:deleted` (a deleted question leaves; a deleted accepted answer reopens its
// question, so the list is read again); a resubscribe after a reconnect reads it again. Mark/Unmark and
// Accept/Unaccept call the API routes and toast the outcome.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { RoomQuestionsValue } from "@/components/chat/questions/room-questions-context";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import { useToast } from "@/components/ui/toast";
import {
  messageDeletedSchema,
  messageEventSchema,
  questionsListSchema,
  questionUpdatedSchema,
  ROOM_EVENTS,
  type QuestionsList,
  type QuestionView,
} from "@/lib/realtime/event-schemas";

const newestFirst = (a: QuestionView, b: QuestionView, key: "createdAt" | "acceptedAt") =>
  (b[key] ?? "").localeCompare(a[key] ?? "") || b.messageId - a.messageId;

/** The lists with `question` in its place (or gone, for null). */
function withQuestion(list: QuestionsList, messageId: number, question: QuestionView | null): QuestionsList {
  const open = list.open.filter((q) => q.messageId !== messageId);
  const answered = list.answered.filter((q) => q.messageId !== messageId);
  if (question && question.acceptedAnswerId === null) open.push(question);
  if (question && question.acceptedAnswerId !== null) answered.push(question);
  open.sort((a, b) => newestFirst(a, b, "createdAt"));
  answered.sort((a, b) => newestFirst(a, b, "acceptedAt"));
  return { open, answered };
}

/** The room's lists, or null when they could not be read (the next event or resubscribe tries again). */
async function loadQuestions(base: string): Promise<QuestionsList | null> {
  try {
    const response = await fetch(`${base}/questions`, { cache: "no-store" });
    return response.ok ? questionsListSchema.parse(await response.json()) : null;
  } catch {
    return null;
  }
}

async function errorMessageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string") return body.error.message;
  } catch {
    // Not JSON (a proxy's page): the generic words below.
  }
  return "That did not go through. Please try again.";
}

export function useRoomQuestions({
  roomId,
  slug,
  viewerUsername,
  canManage,
  canAct,
  onJump,
}: {
  roomId: string;
  slug: string;
  viewerUsername: string | null;
  canManage: boolean;
  /** The viewer may post here (a member, the room not deleted): the tools are offered. */
  canAct: boolean;
  onJump: (messageId: number) => void;
}): RoomQuestionsValue {
  const [list, setList] = useState<QuestionsList | null>(null);
  const { toast } = useToast();
  const base = `/api/rooms/${encodeURIComponent(slug)}`;
  // Read when a badge is clicked: the room page's jump changes with every render, the badges need not.
  const jumpRef = useRef(onJump);
  useEffect(() => {
    jumpRef.current = onJump;
  }, [onJump]);

  const refetch = useCallback(async () => {
    const loaded = await loadQuestions(base);
    if (loaded) setList(loaded);
  }, [base]);

  useEffect(() => {
    let current = true;
    void loadQuestions(base).then((loaded) => current && loaded && setList(loaded));
    return () => {
      current = false;
    };
  }, [base]);

  const onUpdated = useCallback(
    (data: unknown) => {
      const event = questionUpdatedSchema.safeParse(data);
      if (!event.success || event.data.roomId !== roomId) return;
      const { messageId, question } = event.data;
      setList((held) => held && withQuestion(held, messageId, question));
    },
    [roomId],
  );

  // Read with the latest list: useRoomChannel runs the handler of the last render.
  const onDeleted = (data: unknown) => {
    const event = messageDeletedSchema.safeParse(data);
    if (!event.success || !list) return;
    const id = event.data.messageId;
    if (list.answered.some((q) => q.acceptedAnswerId === id)) void refetch();
    else setList(withQuestion(list, id, null));
  };

  // A reply to a question is one more answer (a retried event's copy is counted once more: a reload corrects it).
  const onCreated = (data: unknown) => {
    const event = messageEventSchema.safeParse(data);
    const to = event.success && "replyTo" in event.data ? event.data.replyTo?.id : undefined;
    const asked = to === undefined ? undefined : list?.open.find((q) => q.messageId === to);
    if (list && asked) setList(withQuestion(list, asked.messageId, { ...asked, answerCount: asked.answerCount + 1 }));
  };

  useRoomChannel(
    roomId,
    {
      [ROOM_EVENTS.questionUpdated]: onUpdated,
      [ROOM_EVENTS.messageDeleted]: onDeleted,
      [ROOM_EVENTS.messageCreated]: onCreated,
    },
    { onSubscribed: (_channel, again) => void (again && refetch()) },
  );

  const call = useCallback(
    async (url: string, method: "PUT" | "DELETE", done: string, body?: unknown) => {
      try {
        const response = await fetch(url, {
          method,
          headers: body === undefined ? undefined : { "Content-Type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) {
          toast({ id: "question-outcome", message: await errorMessageOf(response), tone: "error" });
          return;
        }
        toast({ id: "question-outcome", message: done, tone: "success" });
        // Shown at once, not only when the realtime server tells everyone (it may be out of reach).
        void refetch();
      } catch {
        toast({ id: "question-outcome", message: "That did not go through. Please try again.", tone: "error" });
      }
    },
    [toast, refetch],
  );

  const context = useMemo<RoomQuestionsValue>(() => {
    const all = [...(list?.open ?? []), ...(list?.answered ?? [])];
    const byId = new Map(all.map((q) => [q.messageId, q]));
    const acceptedFor = new Map(
      all.flatMap((q) => (q.acceptedAnswerId === null ? [] : [[q.acceptedAnswerId, q.messageId] as const])),
    );
    const question = (id: number) => `${base}/messages/${id}/question`;
    return {
      list,
      byId,
      acceptedFor,
      viewerUsername,
      canManage,
      onJump: (id) => jumpRef.current(id),
      mark: canAct
        ? (id, on) => void call(question(id), on ? "PUT" : "DELETE", on ? "Marked as a question." : "Unmarked.")
        : undefined,
      accept: canAct
        ? (id, answerId) =>
            void (answerId === null
              ? call(`${question(id)}/answer`, "DELETE", "Answer unaccepted: the question is open again.")
              : call(`${question(id)}/answer`, "PUT", "Answer accepted.", { answerId }))
        : undefined,
    };
  }, [list, base, viewerUsername, canManage, canAct, call]);

  return context;
}
