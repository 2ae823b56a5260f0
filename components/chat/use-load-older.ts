"use client";
// "Load earlier messages" for the conversation: one page at a time through the catch-up engine, with its spinner and
// the error the pager offers to retry.
import { useCallback, useState } from "react";
import { errorMessageOf } from "@/lib/chat/client/chat-api";
import type { CatchUp } from "@/lib/chat/client/catch-up";

export function useLoadOlder(sync: Pick<CatchUp, "loadOlder">, onError: (error: unknown) => void) {
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const loadOlder = useCallback(async () => {
    const loading = sync.loadOlder();
    if (!loading) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      await loading;
    } catch (error) {
      onError(error);
      setOlderError(errorMessageOf(error, "Could not load earlier messages."));
    } finally {
      setLoadingOlder(false);
    }
  }, [sync, onError]);
  return { loadingOlder, olderError, loadOlder };
}
