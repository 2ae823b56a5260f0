"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { AUTH_PAGES } from "@/lib/site/auth-pages";

/** "Sign in" (coming back to this page afterwards) and "Sign up", for visitors. */
export function SignedOutLinks() {
  const pathname = usePathname();
  const returnHere = pathname && pathname !== "/" && !AUTH_PAGES.some((p) => pathname.startsWith(p));
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
