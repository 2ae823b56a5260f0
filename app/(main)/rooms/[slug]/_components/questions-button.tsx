"use client";
// "Questions (N open)" in the conversation bar, and the questions panel it opens. The panel's code loads when first
// opened (next/dynamic), so the room page's first load carries only this button.
import dynamic from "next/dynamic";
import { useRoomQuestionsContext } from "@/components/chat/questions/room-questions-context";
import { PanelButton, usePanel } from "./panel-button";

const QuestionsPanel = dynamic(() => import("./questions-panel").then((m) => m.QuestionsPanel), { ssr: false });

export interface QuestionsButtonProps {
  slug: string;
  /** Opens the message in the conversation. */
  onJump: (messageId: number) => void;
}

export function QuestionsButton({ slug, onJump }: QuestionsButtonProps) {
  const { open, opened, buttonRef, show, close } = usePanel();
  const list = useRoomQuestionsContext()?.list ?? null;
  const count = list?.open.length ?? 0;
  return (
    <>
      <PanelButton
        ref={buttonRef}
        label={`Questions, ${count} open`}
        testId="questions-open"
        count={count}
        expanded={open}
        onClick={show}
      >
        <span aria-hidden="true" className="font-semibold text-ink-muted">
          ?
        </span>
        <span className="max-sm:sr-only">Questions</span> ({count})
      </PanelButton>
      {opened ? (
        <QuestionsPanel
          open={open}
          onClose={close}
          opener={buttonRef}
          slug={slug}
          list={list}
          onJump={(id) => {
            close();
            onJump(id);
          }}
        />
      ) : null}
    </>
  );
}
