"use client";
// A message's tools, shown on hover or keyboard focus: Add reaction and Reply (members who may post), Edit (own
// messages), Pin/Unpin (the host and moderators), the question tools (./questions/question-tools.tsx), Moderate
// (moderators, on other members' messages), Report (signed-in members, on others' messages) and Delete (own, or any
// for the room's host and moderators).
import dynamic from "next/dynamic";
import { useState } from "react";
import { OutlineIcon, PencilIcon, PinIcon, ShieldIcon, TrashIcon } from "@/components/ui/icons";
import type { ChatMessage, MessageAuthorPayload } from "@/lib/chat/message-payload";
import { emojiKey } from "@/lib/reactions/reaction-rules";
import { QuestionToolButtons, useQuestionTools } from "./questions/question-tools";
import { AddReactionButton } from "./reactions/add-reaction-button";
import { announceReaction } from "./reactions/reaction-announcer";
import { ReplyIcon } from "./reply-quote";
import { useReported } from "./report/use-reported";

// Loaded on the first Report click, with the call it makes: most readers never report anything.
const ReportDialog = dynamic(() => import("./report/report-dialog").then((m) => m.ReportDialog), { ssr: false });

const FLAG = ["M5 17V3.5", "M5 4c3-1.5 5 1.5 8.5 0v7c-3.5 1.5-5.5-1.5-8.5 0"];

export const TOOL_BUTTON =
  "flex size-8 items-center justify-center rounded-md text-ink-muted transition hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring";

export interface MessageActionsProps {
  message: ChatMessage;
  /** Own message and the viewer may post: Edit. */
  canEdit: boolean;
  /** Own message, or the room's host or a moderator: Delete. */
  canDelete: boolean;
  onEdit: () => void;
  onDelete: (message: ChatMessage) => void;
  onReply?: (message: ChatMessage) => void;
  /** Moderators on another member's message: Moderate. */
  onModerate?: (author: MessageAuthorPayload) => void;
  pinned: boolean;
  onTogglePin?: (message: ChatMessage, pinned: boolean) => void;
  /** Members who may react: Add reaction, while the message holds fewer kinds than the limit (`canAddKind`). */
  onReact?: (emoji: string, on: boolean) => void;
  canAddKind: boolean;
  /** Signed-in members on others' messages: Report, to this room's moderators (the room's slug). */
  reportIn?: string;
}

export function MessageActions({
  message,
  canEdit,
  canDelete,
  onEdit,
  onDelete,
  onReply,
  onModerate,
  pinned,
  onTogglePin,
  onReact,
  canAddKind,
  reportIn,
}: MessageActionsProps) {
  const [report, setReport] = useState<"unused" | "open" | "closed">("unused");
  const [reported, markReported] = useReported(reportIn, message.id);
  const author = message.author;
  const moderate = author !== null && onModerate !== undefined;
  const react = onReact && canAddKind ? onReact : undefined;
  const questionTools = useQuestionTools(message);
  const anyTool = canEdit || canDelete || moderate || onReply || onTogglePin || react || reportIn;
  if (!anyTool && questionTools.length === 0) return null;
  const reactions = message.reactions ?? [];

  return (
    <div
      data-testid="message-actions"
      className="absolute -top-3 right-3 z-10 flex items-center gap-0.5 rounded-lg border border-line bg-surface p-0.5 opacity-0 shadow-sm transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 has-[[aria-expanded=true]]:opacity-100 sm:right-5"
    >
      {react ? (
        <AddReactionButton
          testId="react-message"
          existing={reactions.filter((group) => group.mine).map((group) => group.emoji)}
          onPick={(emoji) => {
            // Picking one the viewer holds takes it back, as its chip would.
            const held = reactions.find((group) => emojiKey(group.emoji) === emojiKey(emoji));
            const on = !(held?.mine ?? false);
            react(held?.emoji ?? emoji, on);
            announceReaction(held?.emoji ?? emoji, on);
          }}
        />
      ) : null}
      {onReply ? (
        <button
          type="button"
          aria-label="Reply"
          title="Reply"
          data-testid="reply-message"
          className={TOOL_BUTTON}
          onClick={() => onReply(message)}
        >
          <ReplyIcon />
        </button>
      ) : null}
      {canEdit ? (
        <button type="button" aria-label="Edit message" title="Edit" className={TOOL_BUTTON} onClick={onEdit}>
          <PencilIcon />
        </button>
      ) : null}
      {onTogglePin ? (
        <button
          type="button"
          aria-label={pinned ? "Unpin message" : "Pin message"}
          title={pinned ? "Unpin" : "Pin"}
          data-testid="pin-message"
          className={TOOL_BUTTON}
          onClick={() => onTogglePin(message, pinned)}
        >
          <PinIcon />
        </button>
      ) : null}
      <QuestionToolButtons tools={questionTools} className={TOOL_BUTTON} />
      {moderate ? (
        <button
          type="button"
          aria-label={`Moderate @${author.username}`}
          aria-haspopup="dialog"
          title={`Moderate @${author.username} (mute or ban)`}
          data-testid="moderate-member"
          className={TOOL_BUTTON}
          onClick={() => onModerate(author)}
        >
          <ShieldIcon />
        </button>
      ) : null}
      {reportIn ? (
        <button
          type="button"
          aria-label={reported ? "Reported" : "Report message"}
          aria-haspopup="dialog"
          aria-disabled={reported || undefined}
          title={reported ? "Reported: moderators will look at it" : "Report to moderators"}
          data-testid={reported ? "message-reported" : "report-message"}
          className={`${TOOL_BUTTON} ${reported ? "text-rose-700 dark:text-rose-300" : ""}`}
          onClick={() => !reported && setReport("open")}
        >
          <OutlineIcon className="size-4" shapes={FLAG} />
        </button>
      ) : null}
      {reportIn && report !== "unused" ? (
        <ReportDialog
          open={report === "open"}
          slug={reportIn}
          messageId={message.id}
          authorName={author?.name ?? "Anonymous User"}
          onClose={() => setReport("closed")}
          onReported={markReported}
        />
      ) : null}
      {canDelete ? (
        <button
          type="button"
          aria-label="Delete message"
          aria-haspopup="dialog"
          title="Delete"
          className={`${TOOL_BUTTON} hover:text-rose-700 dark:hover:text-rose-300`}
          onClick={() => onDelete(message)}
        >
          <TrashIcon />
        </button>
      ) : null}
    </div>
  );
}
