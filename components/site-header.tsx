import Link from "next/link";
import { Suspense } from "react";
import { getCurrentUserForChrome } from "@/lib/auth/session";
import { unreadTotalForChrome } from "@/lib/chat/unread-for-chrome";
import { unreadNotificationsForChrome } from "@/lib/notifications/unread-for-chrome";
import { HeaderSearch, HeaderSearchForm } from "./header-search";
import { HeaderUnreadLink } from "./header-unread-link";
import { NotificationBell } from "./notifications/notification-bell";
import { SignedOutLinks } from "./signed-out-links";
import { UserMenu } from "./user-menu";

/**
 * The unread badge's number. Streamed (inside <Suspense>), so it never holds back the account
 * menu; the fallback is the same link without a number, so nothing moves when it arrives.
 */
async function HeaderUnread({ userId }: { userId: string }) {
  return <HeaderUnreadLink total={await unreadTotalForChrome(userId)} />;
}

/** The bell's number, streamed the same way. */
async function HeaderNotifications({ userId }: { userId: string }) {
  return <NotificationBell userId={userId} unread={await unreadNotificationsForChrome(userId)} />;
}

export interface LogoMarkProps {
  className?: string;
}

/** The Roomful mark: a speech bubble with a doorway. Fixed colours so it reads on any theme. */
export function LogoMark({ className }: LogoMarkProps) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <defs>
        <linearGradient id="roomful-mark-gradient" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#6366f1" />
          <stop offset="1" stopColor="#8b5cf6" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="9" fill="url(#roomful-mark-gradient)" />
      <path
        fill="#fff"
        d="M9.5 7.5h13a3.5 3.5 0 0 1 3.5 3.5v8.5a3.5 3.5 0 0 1-3.5 3.5H16l-5 4v-4H9.5A3.5 3.5 0 0 1 6 19.5V11a3.5 3.5 0 0 1 3.5-3.5z"
      />
      <path fill="#6d5cf0" d="M13 20v-4.25a3 3 0 0 1 6 0V20z" />
    </svg>
  );
}

/**
 * The header's account side. It needs the session's database lookup, so it streams in (<Suspense>) and the rest
 * of the page never waits for it before its first byte.
 */
async function HeaderAccount() {
  const user = await getCurrentUserForChrome();
  if (!user) return <SignedOutLinks />;
  return (
    <div className="flex shrink-0 items-center gap-1 sm:gap-2">
      <Suspense fallback={<NotificationBell userId={null} unread={null} />}>
        <HeaderNotifications userId={user.id} />
      </Suspense>
      <Suspense fallback={<HeaderUnreadLink total={null} />}>
        <HeaderUnread userId={user.id} />
      </Suspense>
      <UserMenu user={{ name: user.name, username: user.username, avatarUrl: user.avatarUrl }} />
    </div>
  );
}

export interface SiteHeaderProps {
  /** Whether the request carries a session cookie; without one the visitor is known at once. */
  hasSession: boolean;
}

export function SiteHeader({ hasSession }: SiteHeaderProps) {
  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/85 backdrop-blur supports-[backdrop-filter]:bg-surface/75">
      <div className="mx-auto flex min-h-16 max-w-6xl flex-wrap items-center gap-x-1 gap-y-3 px-4 py-3 sm:flex-nowrap sm:gap-x-6 sm:px-6">
        <Link
          href="/"
          className="-mx-1 flex shrink-0 items-center gap-2 rounded-lg px-1 py-1 text-ink transition hover:opacity-85 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          <LogoMark className="size-8" />
          {/* Below 340px the mark alone names the site, so the account links keep to one row. */}
          <span className="text-lg font-semibold tracking-tight max-[339px]:sr-only">Roomful</span>
        </Link>

        {/* Renders its toggle and panel straight into this flex row (Suspense adds no element).
            useSearchParams needs the boundary; the fallback is the same working form. */}
        <Suspense fallback={<HeaderSearchForm defaultQuery="" fallback />}>
          <HeaderSearch />
        </Suspense>

        {hasSession ? (
          // Holds the account area's place (about its width) until it streams in.
          <Suspense
            fallback={
              <div aria-hidden="true" data-testid="header-account-pending" className="h-10 w-24 shrink-0 sm:w-36" />
            }
          >
            <HeaderAccount />
          </Suspense>
        ) : (
          <SignedOutLinks />
        )}
      </div>
    </header>
  );
}
