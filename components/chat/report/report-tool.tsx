"use client";
// The message tool "Report" (members, on others' messages): opens the report dialog, loaded on the first click, and
// says "Reported" once this page has reported the message (or the API said it already was).
import dynamic from "next/dynamic";
import { useState } from "react";
import { OutlineIcon } from "@/components/ui/icons";
import { reportedHere } from "@/lib/chat/client/reports";
import { TOOL_BUTTON } from "../message-actions";

const ReportDialog = dynamic(() => import("./report-dialog").then((m) => m.ReportDialog), { ssr: false });

const FLAG = ["M5 17V3.5", "M5 4c3-1.5 5 1.5 8.5 0v7c-3.5 1.5-5.5-1.5-8.5 0"];

export interface ReportToolProps {
  slug: string;
  messageId: number;
  authorName: string;
}

export function ReportTool({ slug, messageId, authorName }: ReportToolProps) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const [reported, setReported] = useState(() => reportedHere.has(messageId));

  return (
    <>
      <button
        type="button"
        aria-label={reported ? "Reported" : "Report message"}
        aria-haspopup="dialog"
        aria-disabled={reported || undefined}
        title={reported ? "Reported: moderators will look at it" : "Report to moderators"}
        data-testid={reported ? "message-reported" : "report-message"}
        className={`${TOOL_BUTTON} ${reported ? "text-rose-700 dark:text-rose-300" : ""}`}
        onClick={() => {
          if (reported) return;
          setUsed(true);
          setOpen(true);
        }}
      >
        <OutlineIcon className="size-4" shapes={FLAG} />
      </button>
      {used ? (
        <ReportDialog
          open={open}
          slug={slug}
          messageId={messageId}
          authorName={authorName}
          onClose={() => setOpen(false)}
          onReported={() => {
            reportedHere.add(messageId);
            setReported(true);
          }}
        />
      ) : null}
    </>
  );
}
