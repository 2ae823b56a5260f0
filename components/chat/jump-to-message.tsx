"use client";
// How later features (reply quotes, search results, notifications) open a message: in the room page they jump in
// place (useConversation's jumpTo: scroll and highlight, or load the window around it); elsewhere, or for another
// room, they follow the message link, which the room page opens around it.
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { messageHref } from "@/lib/chat/client/jump";

interface RoomJump {
  slug: string;
  jumpTo: (id: number) => Promise<boolean>;
}

const RoomJumpContext = createContext<RoomJump | null>(null);

/** Given by the room page around its conversation. */
export function JumpToMessageProvider({ slug, jumpTo, children }: RoomJump & { children: ReactNode }) {
  const value = useMemo(() => ({ slug, jumpTo }), [slug, jumpTo]);
  return <RoomJumpContext.Provider value={value}>{children}</RoomJumpContext.Provider>;
}

/** `jump({ slug, id })`: in place when that room's page is open here, else by navigating to its message link. */
export function useJumpToMessage(): (target: { slug: string; id: number }) => void {
  const room = useContext(RoomJumpContext);
  const router = useRouter();
  return useCallback(
    ({ slug, id }) => {
      if (room?.slug === slug) void room.jumpTo(id);
      else router.push(messageHref(slug, id));
    },
    [room, router],
  );
}
