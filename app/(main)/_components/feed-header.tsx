"use client";

// The home page's heading and "Open a room" button, for the whole feed or one topic. A client
// component only so that its markup is not repeated in every page's RSC payload.
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { OutlineIcon } from "@/components/ui/icons";
import { BackLink } from "./back-link";

export interface FeedHeaderProps {
  /** The filtered topic, if any, and the link back to every room (the server builds feed URLs). */
  topic?: { name: string; allRoomsHref: string };
}

export function FeedHeader({ topic }: FeedHeaderProps) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-x-8 gap-y-5">
      <div className="max-w-2xl min-w-0">
        {topic ? (
          <BackLink href={topic.allRoomsHref} look="pill" className="mb-4">
            All rooms
          </BackLink>
        ) : (
          // On phones the results matter more than the tagline.
          <p className="mb-4 inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 text-xs font-medium text-ink-muted shadow-sm max-sm:hidden">
            <span aria-hidden="true" className="relative flex size-2">
              <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60 motion-reduce:animate-none" />
              <span className="relative inline-flex size-2 rounded-full bg-emerald-500" />
            </span>
            Live conversations, by topic
          </p>
        )}
        <h1 className="text-3xl font-bold tracking-tight text-balance break-words text-ink sm:text-4xl">
          {topic ? (
            topic.name
          ) : (
            <>
              Find your{" "}
              <span className="bg-linear-to-r from-indigo-500 to-violet-500 bg-clip-text text-transparent dark:from-indigo-300 dark:to-violet-300">
                room
              </span>
            </>
          )}
        </h1>
        <p className="mt-2 text-base text-pretty text-ink-muted">
          {topic
            ? `Every room about ${topic.name}. Drop into a conversation, or open a room of your own.`
            : "Drop into a live chat about the things you care about, or open a room and bring people to you."}
        </p>
      </div>
      <Link
        href={topic ? `/rooms/new?${new URLSearchParams({ topic: topic.name }).toString()}` : "/rooms/new"}
        className={buttonClasses({ variant: "primary", className: "max-sm:w-full" })}
      >
        <OutlineIcon strokeWidth="2" roundJoins={false} className="size-4">
          <path d="M10 4.5v11M4.5 10h11" />
        </OutlineIcon>
        Open a room
      </Link>
    </div>
  );
}
