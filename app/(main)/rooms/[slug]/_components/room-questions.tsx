"use client";
// The room page's providers: who is online (RoomOnlineProvider) and the room's questions, which the conversation's
// badges and tools and the bar's Questions button read from room-questions-context (use-room-questions.ts keeps them).
import type { ReactNode } from "react";
import { RoomQuestionsContext } from "@/components/chat/questions/room-questions-context";
import { RoomOnlineProvider } from "@/components/presence/room-online";
import { useRoomQuestions } from "./use-room-questions";

export interface RoomProvidersProps {
  roomId: string;
  slug: string;
  /** Present as (null: reads along, neither present nor online). */
  viewerId: string | null;
  initialOnline: number;
  questions: {
    viewer: { username: string; canModerate: boolean } | null;
    /** The viewer may post here: the tools are offered. */
    canAct: boolean;
    onJump: (messageId: number) => void;
  };
  children: ReactNode;
}

export function RoomProviders({ roomId, slug, viewerId, initialOnline, questions, children }: RoomProvidersProps) {
  const { viewer, canAct, onJump } = questions;
  const value = useRoomQuestions({
    roomId,
    slug,
    viewerUsername: viewer?.username ?? null,
    canManage: viewer?.canModerate ?? false,
    canAct,
    onJump,
  });
  return (
    <RoomOnlineProvider roomId={roomId} slug={slug} viewerId={viewerId} initialCount={initialOnline}>
      <RoomQuestionsContext value={value}>{children}</RoomQuestionsContext>
    </RoomOnlineProvider>
  );
}
