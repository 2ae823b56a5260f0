// The search page's results, rendered on the server: the search itself (lib/chat/message-search.ts, which validates,
// rate-limits and runs it), a refusal's message (too long, a bad date, an unknown room, too many searches), the
// list, and "Older results" for the newest-first order. The skeleton shows while it loads.
import Link from "next/link";
import { headers } from "next/headers";
import { MessageResults } from "@/components/search/message-results";
import { Bone, Skeleton } from "@/components/skeleton";
import { buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { searchAllMessages } from "@/lib/chat/message-search";
import { knownError } from "@/lib/errors";

export interface SearchResultsProps {
  params: Record<string, string | string[] | undefined>;
  user: { id: string };
  q: string;
}

function olderHref(params: SearchResultsProps["params"], before: number): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first && key !== "before") next.set(key, first);
  }
  next.set("before", String(before));
  return `/search/messages?${next.toString()}`;
}

export async function SearchResults({ params, user, q }: SearchResultsProps) {
  let answer;
  try {
    answer = await searchAllMessages({ params }, { user, headers: await headers() });
  } catch (error) {
    const known = knownError(error);
    if (!known) throw error;
    return (
      <FormAlert tone="error" className="mt-6">
        <span data-testid="message-search-error">{known.message}</span>
      </FormAlert>
    );
  }
  if (!answer.searched) return null;
  return (
    <section aria-label="Results" className="mt-6">
      <MessageResults answer={answer} q={q} showRoom />
      {answer.nextCursor ? (
        <Link
          href={olderHref(params, answer.nextCursor)}
          data-testid="message-search-more"
          className={buttonClasses({ variant: "secondary", className: "mt-4 w-full" })}
        >
          Older results
        </Link>
      ) : null}
    </section>
  );
}

export function SearchResultsSkeleton() {
  return (
    <Skeleton label="Searching messages" testId="message-search-loading" className="mt-6 flex flex-col gap-4 px-3">
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex gap-3">
          <Bone className="size-8 shrink-0" round />
          <div className="flex flex-1 flex-col gap-2">
            <Bone className="h-3 w-40" />
            <Bone className="h-3 w-full" />
          </div>
        </div>
      ))}
    </Skeleton>
  );
}
