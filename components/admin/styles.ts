// Class names the admin pieces share, so a control looks the same on every admin page.

export const inputClass =
  "block h-11 w-full rounded-lg border border-line-strong bg-surface px-3 text-base text-ink shadow-sm transition placeholder:text-ink-subtle hover:border-ink-subtle/60 focus:border-accent focus:outline-none focus-visible:ring-3 focus-visible:ring-ring/30 sm:h-10 sm:text-sm";

export const linkClass =
  "rounded font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** The previous/next links of both pagers. */
export const pagerLinkClass =
  "inline-flex h-9 items-center rounded-lg border border-line-strong bg-surface px-3 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
