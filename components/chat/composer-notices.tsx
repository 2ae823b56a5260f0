// What the composer says instead of a text box that would only fail: the room was deleted, the
// viewer is signed out or has not confirmed their email, or may not post here (locked, muted,
// banned, refused).
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { BannedIcon, LockIcon, MutedIcon } from "@/components/ui/icons";
import type { PostingBlock } from "@/lib/chat/client/posting-restriction";

/** The strip under the conversation that holds the composer or a notice in its place. */
export const COMPOSER_SHELL =
  "border-t border-line bg-surface px-3 pt-2 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-5";

const ROSE = "border-rose-200 bg-rose-50 text-rose-950 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-50";
const AMBER =
  "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900/70 dark:bg-amber-950/50 dark:text-amber-50";

const blockTone: Record<PostingBlock["kind"], string> = {
  locked: "border-line-strong bg-sunken/70 text-ink",
  muted: AMBER,
  banned: ROSE,
  refused: ROSE,
};

const blockIcon = { locked: LockIcon, muted: MutedIcon, banned: BannedIcon, refused: BannedIcon };

function Notice({ className, children, ...attributes }: { className: string; children: ReactNode } & NoticeAttributes) {
  return (
    <div className={COMPOSER_SHELL}>
      <div {...attributes} className={`my-1 rounded-xl border px-4 py-3 text-sm ${className}`}>
        {children}
      </div>
    </div>
  );
}

interface NoticeAttributes {
  role?: "alert" | "status";
  "data-testid": string;
  "data-kind"?: string;
}

/** Said in place of the text box: the room is locked, or the viewer may not post here (and why, until when). */
export function PostingBlockNotice({ block }: { block: PostingBlock }) {
  const Icon = blockIcon[block.kind];
  return (
    // A status, not an alert: it may appear while the member is typing, and is announced politely.
    <Notice
      role="status"
      data-testid="composer-restricted"
      data-kind={block.kind}
      className={`flex items-start gap-3 ${blockTone[block.kind]}`}
    >
      <Icon />
      <p className="min-w-0 leading-5 text-pretty break-words">{block.text}</p>
    </Notice>
  );
}

export function RoomDeletedNotice() {
  return (
    <Notice
      role="alert"
      data-testid="room-deleted-notice"
      className={`flex flex-wrap items-center justify-between gap-3 ${ROSE}`}
    >
      <p>
        <strong className="font-semibold">This room was deleted.</strong> Its messages are gone and nothing more can be
        posted here.
      </p>
      <Link href="/" className={buttonClasses({ variant: "secondary", size: "sm" })}>
        Back to all rooms
      </Link>
    </Notice>
  );
}

export function SignedOutNotice({ slug }: { slug: string }) {
  const returnTo = encodeURIComponent(`/rooms/${slug}`);
  return (
    <Notice
      data-testid="composer-signed-out"
      className="flex flex-wrap items-center justify-between gap-3 border-line bg-sunken/60"
    >
      <p className="font-medium text-ink">Sign in to join the conversation.</p>
      <div className="flex items-center gap-2">
        <Link href="/register" className={buttonClasses({ variant: "ghost", size: "sm" })}>
          Create account
        </Link>
        <Link href={`/login?callbackUrl=${returnTo}`} className={buttonClasses({ size: "sm" })}>
          Sign in
        </Link>
      </div>
    </Notice>
  );
}

export function UnverifiedNotice() {
  return (
    <Notice data-testid="composer-unverified" className={AMBER}>
      <p>
        <strong className="font-semibold">Confirm your email to post.</strong> Open the link we emailed you; if it has
        not arrived, use “Resend email” in the banner at the top of the page.
      </p>
    </Notice>
  );
}
