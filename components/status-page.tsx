import Link from "next/link";
import type { ReactNode } from "react";

export interface StatusPageProps {
  /** A big gradient code ("404") or an icon above the heading. */
  mark: ReactNode;
  title: string;
  children: ReactNode;
  testId?: string;
}

/** The shell of the app's error pages (404, 403, unknown member): a mark, a heading, why, and a way home. */
export function StatusPage({ mark, title, children, testId }: StatusPageProps) {
  return (
    <div data-testid={testId} className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center sm:py-28">
      {mark}
      <h1 className="mt-4 text-2xl font-bold tracking-tight text-ink sm:text-3xl">{title}</h1>
      <p className="mt-3 text-pretty text-ink-muted">{children}</p>
      <Link
        href="/"
        className="mt-8 inline-flex h-10 items-center rounded-lg bg-accent px-4 text-sm font-semibold text-on-accent shadow-sm transition hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        Back to all rooms
      </Link>
    </div>
  );
}

/** The gradient status code of the 404 and 403 pages. */
export function StatusCode({ code, tone }: { code: string; tone: "indigo" | "rose" }) {
  const from = tone === "rose" ? "from-rose-500 dark:from-rose-300" : "from-indigo-500 dark:from-indigo-300";
  return (
    <p
      className={`bg-linear-to-r ${from} to-violet-500 bg-clip-text text-6xl font-bold tracking-tight text-transparent sm:text-7xl dark:to-violet-300`}
    >
      {code}
    </p>
  );
}
