"use client";
// Which message is highlighted after a jump: the target, until a few seconds have passed (then its ring fades).
import { useEffect, useState } from "react";
import type { JumpTarget } from "@/lib/chat/client/jump";

/** Long enough to find it on screen, short enough not to linger as a selection. */
export const HIGHLIGHT_MS = 4000;

export function useJumpHighlight(target: JumpTarget | null): number | null {
  const [expiredSeq, setExpiredSeq] = useState(0);
  useEffect(() => {
    if (!target) return;
    const timer = window.setTimeout(() => setExpiredSeq(target.seq), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [target]);
  return target && target.seq !== expiredSeq ? target.id : null;
}
