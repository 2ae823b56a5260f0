"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState } from "react";
import { signOutAction } from "@/lib/auth/actions";
import { OutlineIcon } from "@/components/ui/icons";
import { PendingSubmitButton } from "./pending-submit-button";
import { Avatar } from "./ui/avatar";
import { Spinner } from "./ui/button";
import { useDismiss } from "./use-dismiss";

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

const SETTINGS_ICON =
  "M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM16.2 12a1.2 1.2 0 0 0 .24 1.32l.04.04a1.45 1.45 0 1 1-2.05 2.05l-.04-.04a1.2 1.2 0 0 0-1.32-.24 1.2 1.2 0 0 0-.73 1.1v.12a1.45 1.45 0 0 1-2.9 0v-.06a1.2 1.2 0 0 0-.79-1.1 1.2 1.2 0 0 0-1.32.24l-.04.04a1.45 1.45 0 1 1-2.05-2.05l.04-.04A1.2 1.2 0 0 0 4.67 12a1.2 1.2 0 0 0-1.1-.73h-.12a1.45 1.45 0 0 1 0-2.9h.06a1.2 1.2 0 0 0 1.1-.79 1.2 1.2 0 0 0-.24-1.32l-.04-.04A1.45 1.45 0 1 1 6.38 4.17l.04.04a1.2 1.2 0 0 0 1.32.24h.06a1.2 1.2 0 0 0 .73-1.1v-.12a1.45 1.45 0 0 1 2.9 0v.06a1.2 1.2 0 0 0 .73 1.1 1.2 1.2 0 0 0 1.32-.24l.04-.04a1.45 1.45 0 1 1 2.05 2.05l-.04.04a1.2 1.2 0 0 0-.24 1.32v.06a1.2 1.2 0 0 0 1.1.73h.12a1.45 1.45 0 0 1 0 2.9h-.06a1.2 1.2 0 0 0-1.1.73z";

function ItemIcon({ d }: { d: string }) {
  return (
    <OutlineIcon className="size-4 text-ink-subtle">
      <path d={d} />
    </OutlineIcon>
  );
}

/** The menu's links, in order; each closes the menu when followed. */
function menuLinks(username: string) {
  return [
    { href: "/rooms/new", label: "New room", icon: "M10 4.5v11M4.5 10h11" },
    {
      href: `/u/${encodeURIComponent(username)}`,
      label: "Profile",
      icon: "M10 10a3.25 3.25 0 1 0 0-6.5 3.25 3.25 0 0 0 0 6.5zM4 16.5a6 6 0 0 1 12 0",
    },
    { href: "/activity/mine", label: "My activity", icon: "M4 5.5h12M4 10h12M4 14.5h7" },
    {
      href: "/search/messages",
      label: "Search messages",
      icon: "M8.5 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM16 16l-3.6-3.6",
    },
    { href: "/settings", label: "Settings", icon: SETTINGS_ICON },
  ];
}

function SignOutForm() {
  return (
    <form action={signOutAction}>
      <PendingSubmitButton className={itemClass}>
        {(pending) => (
          <>
            {pending ? (
              <Spinner className="size-4 text-ink-subtle" />
            ) : (
              <ItemIcon d="M12.5 6.5V4.75A1.75 1.75 0 0 0 10.75 3h-5A1.75 1.75 0 0 0 4 4.75v10.5C4 16.22 4.78 17 5.75 17h5a1.75 1.75 0 0 0 1.75-1.75V13.5M8.5 10h9m0 0-2.75-2.75M17.5 10l-2.75 2.75" />
            )}
            {pending ? "Signing out…" : "Sign out"}
          </>
        )}
      </PendingSubmitButton>
    </form>
  );
}

/**
 * The header's account menu: a disclosure (button + links), which every screen reader handles, rather than an ARIA
 * menu. Escape, a click outside, focus leaving or a navigation closes it.
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

  useDismiss(open, rootRef, (viaEscape) => {
    setOpen(false);
    if (viaEscape) buttonRef.current?.focus();
  });

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
        <OutlineIcon
          className={`hidden size-4 text-ink-subtle transition sm:block ${open ? "rotate-180" : ""}`}
          strokeWidth="1.75"
        >
          <path d="m5 7.5 5 5 5-5" />
        </OutlineIcon>
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
          {menuLinks(user.username).map((link) => (
            <li key={link.href}>
              <Link href={link.href} className={itemClass} onClick={() => setOpen(false)}>
                <ItemIcon d={link.icon} />
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="my-1 h-px bg-line" />
        <SignOutForm />
      </div>
    </div>
  );
}
