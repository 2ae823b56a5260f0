// /search/messages: search the messages of every room (members only: visitors are sent to sign in and back), with
// filters by room, author and dates, and the order. A plain GET form, so every search is a URL; the results render
// on the server through the same lib/chat/message-search.ts as GET /api/search/messages.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { MessageSearchFields, type MessageSearchFieldValues } from "@/components/search/message-search-fields";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { storableText } from "@/lib/validation/text";
import { BackLink } from "../../_components/back-link";
import { SearchResults, SearchResultsSkeleton } from "./_components/search-results";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search messages", robots: { index: false } };

interface MessageSearchPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const FIELDS = ["q", "author", "room", "from", "to", "sort"] as const;

/** The form's values as typed (first of repeated keys; unstorable characters shown as U+FFFD). */
function valuesOf(params: Record<string, string | string[] | undefined>): MessageSearchFieldValues {
  const values: MessageSearchFieldValues = {};
  for (const key of FIELDS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value) values[key] = storableText(value);
  }
  return values;
}

export default async function MessageSearchPage({ searchParams }: MessageSearchPageProps) {
  const params = await searchParams;
  const values = valuesOf(params);
  const query = new URLSearchParams(values as Record<string, string>).toString();
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/search/messages${query ? `?${query}` : ""}`)}`);

  return (
    <div className="mx-auto max-w-3xl px-4 pt-8 pb-16 sm:px-6 sm:pt-10">
      <BackLink href="/" look="pill">
        All rooms
      </BackLink>
      <h1 className="mt-4 text-3xl font-bold tracking-tight text-ink">Search messages</h1>
      <p className="mt-2 text-base text-ink-muted">Find what was said in any room. Each result opens in its room.</p>
      <form
        role="search"
        method="get"
        action="/search/messages"
        data-testid="message-search-form"
        className="mt-6 flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4 shadow-sm"
      >
        <MessageSearchFields values={values} label="Search messages in every room" withRoom filtersOpen />
        <Button type="submit" className="self-end" data-testid="message-search-submit">
          Search
        </Button>
      </form>
      <Suspense key={query} fallback={<SearchResultsSkeleton />}>
        <SearchResults params={params} user={user} q={values.q ?? ""} />
      </Suspense>
    </div>
  );
}
