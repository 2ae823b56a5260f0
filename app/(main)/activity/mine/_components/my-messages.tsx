"use client";

import Link from "next/link";
import { useRef, type ReactNode } from "react";
import { RelativeTime } from "@/components/relative-time";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteMyMessageAction } from "../actions";
import { EmptyBox } from "../../../_components/empty-box";
import { DeleteButton } from "./delete-button";
import { SectionHeading } from "./section-heading";
import { useDeleteFlow } from "./use-delete-flow";

export interface MyMessagesItem {
  id: number;
  excerpt: string;
  createdAt: Date;
  room: { slug: string; name: string };
}

export interface MyMessagesProps {
  messages: MyMessagesItem[];
  /** Every message the member sent that is not deleted. */
  total: number;
  /** Older/newer links (a server-rendered pager), shown under the list. */
  pager?: ReactNode;
  /** This is not the first page. */
  paged: boolean;
}

export function MyMessages({ messages, total, pager, paged }: MyMessagesProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const flow = useDeleteFlow(
    (message: MyMessagesItem & { key: string }) => deleteMyMessageAction({ messageId: message.id }),
    headingRef,
  );
  const { visible, count } = flow.remaining(messages, total, (message) => String(message.id));

  return (
    <section aria-labelledby="my-messages-heading">
      <SectionHeading id="my-messages-heading" title="Messages you sent" count={count} ref={headingRef} />
      {visible.length === 0 ? (
        <EmptyBox testId="my-messages-empty">
          {paged ? "No older messages." : "You have not sent any messages."}
        </EmptyBox>
      ) : (
        <ol
          data-testid="my-messages"
          className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-surface shadow-sm"
        >
          {visible.map((message) => (
            <li key={message.id}>
              <article
                data-testid="my-message"
                data-message-id={message.id}
                className="relative px-4 py-3.5 transition hover:bg-sunken/60 sm:px-5"
              >
                <div className="flex items-center justify-between gap-3 text-xs">
                  <p className="min-w-0 truncate text-ink-subtle">
                    in{" "}
                    <Link
                      href={`/rooms/${message.room.slug}#message-${message.id}`}
                      className="rounded-sm font-semibold text-accent-ink outline-none after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-ring"
                    >
                      {message.room.name}
                    </Link>
                    {" · "}
                    <RelativeTime date={message.createdAt} />
                  </p>
                  <DeleteButton
                    label={`Delete message in ${message.room.name}`}
                    onClick={() => flow.ask({ ...message, key: String(message.id) })}
                  />
                </div>
                <p
                  data-testid="my-message-text"
                  className="mt-0.5 line-clamp-3 pr-2 text-sm leading-relaxed break-words text-ink"
                >
                  {message.excerpt}
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {pager}

      <ConfirmDialog
        {...flow.dialog}
        title="Delete this message?"
        description={
          flow.target ? (
            <>
              Your message in <span className="font-medium text-ink">{flow.target.room.name}</span> disappears for
              everyone. This cannot be undone.
            </>
          ) : null
        }
        confirmLabel="Delete message"
        cancelLabel="Keep message"
        data-testid="delete-message-dialog"
      >
        {flow.target ? (
          <blockquote className="line-clamp-4 rounded-lg border-l-4 border-line-strong bg-sunken/60 px-3 py-2 text-sm break-words text-ink">
            {flow.target.excerpt}
          </blockquote>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
