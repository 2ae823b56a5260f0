"use client";
// "Study board" in the conversation bar (shown while the host has the room's weekly board on), and the panel it opens.
// The panel's code and the board itself load when first opened, and the board again on each opening.
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { fetchStudyBoard } from "@/lib/study/board-client";
import { PanelButton, usePanel } from "./panel-button";

const StudyBoardPanel = dynamic(() => import("./study-board-panel").then((m) => m.StudyBoardPanel), { ssr: false });

export interface StudyBoardButtonProps {
  slug: string;
}

export function StudyBoardButton({ slug }: StudyBoardButtonProps) {
  const { open, opened, buttonRef, show, close } = usePanel();
  const board = useQuery({
    queryKey: ["study-board", slug],
    queryFn: ({ signal }) => fetchStudyBoard(slug, signal),
    enabled: opened,
    staleTime: 60_000,
    retry: false,
  });
  return (
    <>
      <PanelButton
        ref={buttonRef}
        label="Study board this week"
        testId="study-board-open"
        expanded={open}
        onClick={() => {
          show();
          void board.refetch();
        }}
      >
        <span aria-hidden="true" className="font-semibold text-ink-muted">
          ★
        </span>
        <span className="max-sm:sr-only">Study board</span>
      </PanelButton>
      {opened ? (
        <StudyBoardPanel
          open={open}
          onClose={close}
          opener={buttonRef}
          board={board.data}
          loading={board.isFetching}
          failed={board.isError}
        />
      ) : null}
    </>
  );
}
