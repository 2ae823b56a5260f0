"use client";
// "Pins (N)" in the conversation bar, and the pins panel it opens. The panel's code loads when first opened
// (next/dynamic), so the room page's first load carries only this button.
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { PinIcon } from "@/components/ui/icons";
import type { RoomPins } from "./use-room-pins";

const PinsPanel = dynamic(() => import("./pins-panel").then((m) => m.PinsPanel), { ssr: false });

export interface PinsButtonProps {
  pins: RoomPins;
  /** Opens the message in the conversation. */
  onJump: (messageId: number) => void;
}

export function PinsButton({ pins, onJump }: PinsButtonProps) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const count = pins.pins.length;
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`Pins, ${count} pinned`}
        data-testid="pins-open"
        data-count={count}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
        className="inline-flex h-8 items-center gap-1.5 rounded-lg border border-line-strong bg-surface px-2.5 text-sm font-medium whitespace-nowrap text-ink shadow-sm hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <PinIcon />
        Pins ({count})
      </button>
      {opened ? (
        <PinsPanel
          open={open}
          onClose={() => setOpen(false)}
          opener={button}
          pins={pins}
          onJump={(id) => {
            setOpen(false);
            onJump(id);
          }}
        />
      ) : null}
    </>
  );
}
