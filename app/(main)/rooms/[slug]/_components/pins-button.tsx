"use client";
// "Pins (N)" in the conversation bar, and the pins panel it opens. The panel's code loads when first opened
// (next/dynamic), so the room page's first load carries only this button.
import dynamic from "next/dynamic";
import { PinIcon } from "@/components/ui/icons";
import { PanelButton, usePanel } from "./panel-button";
import type { RoomPins } from "./use-room-pins";

const PinsPanel = dynamic(() => import("./pins-panel").then((m) => m.PinsPanel), { ssr: false });

export interface PinsButtonProps {
  pins: RoomPins;
  /** Opens the message in the conversation. */
  onJump: (messageId: number) => void;
}

export function PinsButton({ pins, onJump }: PinsButtonProps) {
  const { open, opened, buttonRef, show, close } = usePanel();
  const count = pins.pins.length;
  return (
    <>
      <PanelButton
        ref={buttonRef}
        label={`Pins, ${count} pinned`}
        testId="pins-open"
        count={count}
        expanded={open}
        onClick={show}
      >
        <PinIcon />
        {/* A phone's bar has room for the icon and the count only (the button's name says the rest). */}
        <span className="max-sm:sr-only">Pins</span> ({count})
      </PanelButton>
      {opened ? (
        <PinsPanel
          open={open}
          onClose={close}
          opener={buttonRef}
          pins={pins}
          onJump={(id) => {
            close();
            onJump(id);
          }}
        />
      ) : null}
    </>
  );
}
