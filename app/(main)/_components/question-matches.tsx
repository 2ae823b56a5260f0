// The questions a header search finds (lib/questions/search.ts), above the matching rooms: each links to its public
// page and says whether it has an accepted answer. Renders nothing when none match.
import Link from "next/link";
import { findQuestionsMatching } from "@/lib/questions/search";

export async function QuestionMatches({ q }: { q: string }) {
  const matches = await findQuestionsMatching({ q });
  if (matches.length === 0) return null;
  return (
    <section aria-labelledby="question-matches-heading" data-testid="question-matches" className="mb-6">
      <h2 id="question-matches-heading" className="text-sm font-semibold text-ink">
        Questions
      </h2>
      <ul className="mt-2 flex flex-col gap-2">
        {matches.map((match) => (
          <li key={match.messageId} data-testid="question-match">
            <Link
              href={match.href}
              className="block rounded-xl border border-line bg-surface px-4 py-3 transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
            >
              <span className="block text-sm break-words text-ink">{match.excerpt}</span>
              <span className="mt-1 flex flex-wrap gap-x-3 text-xs text-ink-muted">
                <span>in {match.room.name}</span>
                <span className={match.answered ? "font-medium text-emerald-700 dark:text-emerald-300" : undefined}>
                  {match.answered ? "Answered" : "Open"}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
