"use client";
// The room's pins in a sheet (a panel from the right, a sheet from the bottom on phones): newest pin first, each a
// button that jumps to its message and closes the panel, with Unpin for the host and moderators. Loaded on demand by
// pins-button.tsx.
import type { RefObject } from "react";
import { RelativeTime } from "@/components/relative-time";
import { ANONYMOUS_NAME } from "@/components/ui/avatar";
import { Sheet } from "@/components/ui/sheet";
import type { RoomPins } from "./use-room-pins";

export interface PinsPanelProps {
  open: boolean;
  onClose: () => void;
  opener: RefObject<HTMLElement | null>;
  pins: RoomPins;
  onJump: (messageId: number) => void;
}

export function PinsPanel({ open, onClose, opener, pins, onJump }: PinsPanelProps) {
  const { toggle } = pins;
  return (
    <Sheet
      open={open}
      onClose={onClose}
      title={`Pinned messages (${pins.pins.length})`}
      returnFocus={() => opener.current}
      data-testid="pins-panel"
      bodyClassName="p-2"
    >
      {pins.pins.length === 0 ? (
        <p data-testid="pins-empty" className="px-3 py-6 text-center text-sm text-ink-muted">
          No pinned messages yet. The host and moderators can pin messages.
        </p>
      ) : (
        <ul aria-label="Pinned messages" className="flex flex-col gap-1">
          {pins.pins.map((pin) => (
            <li
              key={pin.messageId}
              data-testid="pin-entry"
              data-message-id={pin.messageId}
              className="flex items-start gap-1"
            >
              <button
                type="button"
                onClick={() => onJump(pin.messageId)}
                className="min-w-0 flex-1 rounded-lg px-3 py-2 text-left hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring"
              >
                <span className="flex items-baseline gap-2 text-sm">
                  <span className="truncate font-semibold text-ink">{pin.author?.name ?? ANONYMOUS_NAME}</span>
                  <RelativeTime date={pin.createdAt} className="shrink-0 text-xs text-ink-subtle" />
                </span>
                <span
                  data-testid="pin-excerpt"
                  className="mt-0.5 line-clamp-3 block text-sm break-words text-ink-muted"
                >
                  {pin.excerpt}
                </span>
              </button>
              {toggle ? (
                <button
                  type="button"
                  data-testid="pin-unpin"
                  aria-label={`Unpin the message from ${pin.author?.name ?? ANONYMOUS_NAME}`}
                  onClick={() => toggle(pin.messageId, true)}
                  className="mt-1.5 shrink-0 rounded-md px-2 py-1 text-xs font-medium text-ink-muted hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-ring"
                >
                  Unpin
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Sheet>
  );
}
