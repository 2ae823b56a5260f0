"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { signOutAction } from "@/app/(auth)/actions";
import { Spinner } from "./ui/button";
import { Avatar } from "./ui/avatar";

export interface UserMenuUser {
  name: string;
  username: string;
  avatarUrl: string | null;
}

export interface UserMenuProps {
  user: UserMenuUser;
}

const itemClass =
  "flex w-full items-center gap-3 rounded-lg px-3 py-2 text-left text-sm text-ink transition hover:bg-sunken focus-visible:bg-sunken focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring";

function ItemIcon({ d }: { d: string }) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className="size-4 text-ink-subtle"
    >
      <path d={d} />
    </svg>
  );
}

function SignOutButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
      className={itemClass}
    >
      {pending ? (
        <Spinner className="size-4 text-ink-subtle" />
      ) : (
        <ItemIcon d="M12.5 6.5V4.75A1.75 1.75 0 0 0 10.75 3h-5A1.75 1.75 0 0 0 4 4.75v10.5C4 16.22 4.78 17 5.75 17h5a1.75 1.75 0 0 0 1.75-1.75V13.5M8.5 10h9m0 0-2.75-2.75M17.5 10l-2.75 2.75" />
      )}
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}

/**
 * The signed-in member's menu in the header: a disclosure (button + panel of links), which every
 * screen reader handles, rather than an ARIA menu. Escape, a click outside, focus leaving it or a
 * navigation closes it.
 */
export function UserMenu({ user }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  // Close on navigation (adjusting state during render, React's pattern for "reset on prop change").
  const [seenPath, setSeenPath] = useState(pathname);
  if (seenPath !== pathname) {
    setSeenPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="relative shrink-0"
      onBlur={(event) => {
        // Tabbing out closes it; a click outside is handled above (relatedTarget is null then).
        const next = event.relatedTarget as Node | null;
        if (open && next && !event.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Account menu for ${user.name}`}
        data-testid="user-menu-button"
        onClick={() => setOpen((o) => !o)}
        className="flex h-10 items-center gap-2 rounded-full py-1 pr-1 pl-1 text-sm font-medium text-ink transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring sm:pr-3"
      >
        <Avatar name={user.name} image={user.avatarUrl} size="md" />
        <span className="hidden max-w-[10rem] truncate sm:inline">{user.name}</span>
        <svg
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
          className={`hidden size-4 text-ink-subtle transition sm:block ${open ? "rotate-180" : ""}`}
        >
          <path d="m5 7.5 5 5 5-5" />
        </svg>
      </button>

      <div
        id={panelId}
        hidden={!open}
        className="absolute top-full right-0 z-50 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-xl border border-line bg-surface p-1.5 shadow-xl shadow-black/10 dark:shadow-black/40"
      >
        <div className="flex items-center gap-3 px-3 pt-2 pb-3">
          <Avatar name={user.name} image={user.avatarUrl} size="lg" />
          <div className="min-w-0">
            <p className="truncate text-sm font-semibold text-ink">{user.name}</p>
            <p className="truncate text-sm text-ink-muted">@{user.username}</p>
          </div>
        </div>
        <div className="my-1 h-px bg-line" />
        <ul>
          <li>
            <Link href="/rooms/new" className={itemClass} onClick={() => setOpen(false)}>
              <ItemIcon d="M10 4.5v11M4.5 10h11" />
              New room
            </Link>
          </li>
          <li>
            <Link href={`/u/${encodeURIComponent(user.username)}`} className={itemClass} onClick={() => setOpen(false)}>
              <ItemIcon d="M10 10a3.25 3.25 0 1 0 0-6.5 3.25 3.25 0 0 0 0 6.5zM4 16.5a6 6 0 0 1 12 0" />
              Profile
            </Link>
          </li>
          <li>
            <Link href="/activity/mine" className={itemClass} onClick={() => setOpen(false)}>
              <ItemIcon d="M4 5.5h12M4 10h12M4 14.5h7" />
              My activity
            </Link>
          </li>
          <li>
            <Link href="/settings" className={itemClass} onClick={() => setOpen(false)}>
              <ItemIcon d="M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM16.2 12a1.2 1.2 0 0 0 .24 1.32l.04.04a1.45 1.45 0 1 1-2.05 2.05l-.04-.04a1.2 1.2 0 0 0-1.32-.24 1.2 1.2 0 0 0-.73 1.1v.12a1.45 1.45 0 0 1-2.9 0v-.06a1.2 1.2 0 0 0-.79-1.1 1.2 1.2 0 0 0-1.32.24l-.04.04a1.45 1.45 0 1 1-2.05-2.05l.04-.04A1.2 1.2 0 0 0 4.67 12a1.2 1.2 0 0 0-1.1-.73h-.12a1.45 1.45 0 0 1 0-2.9h.06a1.2 1.2 0 0 0 1.1-.79 1.2 1.2 0 0 0-.24-1.32l-.04-.04A1.45 1.45 0 1 1 6.38 4.17l.04.04a1.2 1.2 0 0 0 1.32.24h.06a1.2 1.2 0 0 0 .73-1.1v-.12a1.45 1.45 0 0 1 2.9 0v.06a1.2 1.2 0 0 0 .73 1.1 1.2 1.2 0 0 0 1.32-.24l.04-.04a1.45 1.45 0 1 1 2.05 2.05l-.04.04a1.2 1.2 0 0 0-.24 1.32v.06a1.2 1.2 0 0 0 1.1.73h.12a1.45 1.45 0 0 1 0 2.9h-.06a1.2 1.2 0 0 0-1.1.73z" />
              Settings
            </Link>
          </li>
        </ul>
        <div className="my-1 h-px bg-line" />
        <form action={signOutAction}>
          <SignOutButton />
        </form>
      </div>
    </div>
  );
}

/** Sent on `window` (detail: { total }) by whoever learns a newer unread total than the header shows. */
export const UNREAD_TOTAL_EVENT = "roomful:unread-total";

/** Above this the badge says "99+". */
const UNREAD_SHOWN_MAX = 99;

export interface HeaderUnreadLinkProps {
  /** The member's unread messages over all their rooms; null while unknown (loading, or failed). */
  total: number | null;
}

/**
 * The header's unread total: a speech-bubble link to the home feed (whose cards show each room's
 * count) with a badge. Its name says the number ("3 unread messages"). The server renders it; a
 * UNREAD_TOTAL_EVENT updates it without a reload (the home feed sends one after each navigation).
 */
export function HeaderUnreadLink({ total: rendered }: HeaderUnreadLinkProps) {
  const [total, setTotal] = useState(rendered);
  // A new server-rendered number wins (React's pattern for "reset on prop change").
  const [seen, setSeen] = useState(rendered);
  if (seen !== rendered) {
    setSeen(rendered);
    setTotal(rendered);
  }

  useEffect(() => {
    function onTotal(event: Event) {
      const next = (event as CustomEvent<{ total?: unknown }>).detail?.total;
      if (typeof next === "number" && Number.isInteger(next) && next >= 0) setTotal(next);
    }
    window.addEventListener(UNREAD_TOTAL_EVENT, onTotal);
    return () => window.removeEventListener(UNREAD_TOTAL_EVENT, onTotal);
  }, []);

  const shown = total !== null && total > UNREAD_SHOWN_MAX ? `${UNREAD_SHOWN_MAX}+` : String(total);
  const label =
    total === null
      ? "Unread messages"
      : total === 0
        ? "No unread messages"
        : `${shown} unread ${total === 1 ? "message" : "messages"}`;
  return (
    <Link
      href="/"
      aria-label={label}
      title={label}
      // Only the streamed number carries the test id: until React reveals it, the fallback and the
      // hidden resolved link are both in the document.
      data-testid={total === null ? "header-unread-pending" : "header-unread"}
      data-count={total ?? undefined}
      className="relative inline-flex size-10 shrink-0 items-center justify-center rounded-full text-ink-muted transition hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      <svg
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        className="size-5"
      >
        <path d="M4.75 4h10.5A1.75 1.75 0 0 1 17 5.75v6.5A1.75 1.75 0 0 1 15.25 14H10l-3.5 2.75V14H4.75A1.75 1.75 0 0 1 3 12.25v-6.5C3 4.78 3.78 4 4.75 4z" />
      </svg>
      {total ? (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-accent px-1 text-[0.6875rem] leading-none font-semibold text-on-accent tabular-nums ring-2 ring-surface"
        >
          {shown}
        </span>
      ) : null}
    </Link>
  );
}

const AUTH_PATHS = ["/login", "/register", "/forgot-password", "/reset-password", "/verify-email"];

/** "Sign in" (coming back to this page afterwards) and "Sign up", for visitors. */
export function SignedOutLinks() {
  const pathname = usePathname();
  const returnHere = pathname && pathname !== "/" && !AUTH_PATHS.some((p) => pathname.startsWith(p));
  const signInHref = returnHere ? `/login?callbackUrl=${encodeURIComponent(pathname)}` : "/login";

  // Tight on phones so it stays beside the logo and the search button (no second header row).
  return (
    <div className="flex shrink-0 items-center gap-0.5 sm:gap-2">
      <Link
        href={signInHref}
        className="inline-flex h-10 items-center rounded-lg px-2 text-sm font-semibold whitespace-nowrap text-ink transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring sm:px-3"
      >
        Sign in
      </Link>
      <Link
        href="/register"
        className="inline-flex h-10 items-center rounded-lg bg-accent px-2.5 text-sm font-semibold whitespace-nowrap text-on-accent shadow-sm transition hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring sm:px-4"
      >
        Sign up
      </Link>
    </div>
  );
}
