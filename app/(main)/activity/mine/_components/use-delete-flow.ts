"use client";

import { useEffect, useState, useTransition, type RefObject } from "react";
import { useToast } from "@/components/ui/toast";
import type { DeleteOutcome } from "../actions";

/**
 * My activity's confirm-then-delete flow: removed items vanish before the refreshed page arrives, and focus moves
 * to `focusAfterRemoval` so it is not lost with the item.
 */
export function useDeleteFlow<T extends { key: string }>(
  run: (item: T) => Promise<DeleteOutcome>,
  focusAfterRemoval: RefObject<HTMLElement | null>,
) {
  const { toast } = useToast();
  const [target, setTarget] = useState<T | null>(null);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(() => new Set());
  const [pending, startTransition] = useTransition();
  const removals = removed.size;

  // Runs after the dialog's own effect has closed it (child effects run first).
  useEffect(() => {
    if (removals > 0) focusAfterRemoval.current?.focus();
  }, [removals, focusAfterRemoval]);

  const remove = (key: string) => setRemoved((set) => new Set(set).add(key));

  const confirm = () => {
    const item = target;
    if (!item || pending) return;
    startTransition(async () => {
      let outcome: DeleteOutcome;
      try {
        outcome = await run(item);
      } catch {
        outcome = {
          ok: false,
          status: 0,
          code: "network",
          message: "Could not reach Roomful. Check your connection and try again.",
        };
      }
      setTarget(null);
      if (outcome.ok) {
        remove(item.key);
        toast({ message: outcome.message, tone: "success" });
      } else if (outcome.status === 404) {
        // Already gone (another tab, a moderator): the list should say so too.
        remove(item.key);
        toast({ message: outcome.message, tone: "info" });
      } else {
        toast({ title: "Not deleted", message: outcome.message, tone: "error" });
      }
    });
  };

  const cancel = () => setTarget(null);
  return {
    target,
    ask: (item: T) => setTarget(item),
    /** The items still shown, and `total` less the ones removed from this page. */
    remaining: <I>(items: I[], total: number, keyOf: (item: I) => string) => {
      const visible = items.filter((item) => !removed.has(keyOf(item)));
      return { visible, count: total - (items.length - visible.length) };
    },
    /** The confirmation dialog's state and buttons; the list adds its words. */
    dialog: {
      open: target !== null,
      onCancel: cancel,
      onConfirm: confirm,
      pending,
      tone: "danger" as const,
      pendingLabel: "Deleting…",
    },
  };
}
