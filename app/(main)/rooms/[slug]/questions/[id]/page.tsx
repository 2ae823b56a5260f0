// A question's public page: the question, its accepted answer first (marked), then the other answers oldest first,
// server-rendered for visitors and search engines (lib/questions/question-page.ts); 404 for an unknown or deleted one.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MESSAGE_HTML_CLASSES } from "@/components/chat/message-html";
import { RelativeTime } from "@/components/relative-time";
import { ANONYMOUS_NAME, AuthorAvatar } from "@/components/ui/avatar";
import { questionPage, type PagePost } from "@/lib/questions/question-page";
import { questionPath } from "@/lib/site/question-path";
import { notFoundMetadata, previewMetadata } from "@/lib/site/metadata";

export const dynamic = "force-dynamic";

interface QuestionPageProps {
  params: Promise<{ slug: string; id: string }>;
}

/** Shared by the metadata and the page within one request. */
const pageOf = cache((slug: string, id: string) => questionPage({ slug, id }));

export async function generateMetadata({ params }: QuestionPageProps): Promise<Metadata> {
  const { slug, id } = await params;
  const page = await pageOf(slug, id);
  if (!page) return notFoundMetadata("Question not found");
  return previewMetadata({
    title: page.question.title,
    description: page.question.description,
    path: questionPath(page.room.slug, page.question.id),
  });
}

function Post({ post, accepted = false, testId }: { post: PagePost; accepted?: boolean; testId: string }) {
  return (
    <article
      data-testid={testId}
      data-message-id={post.id}
      className={`flex gap-3 rounded-2xl border px-4 py-3 ${
        accepted ? "border-emerald-400 bg-emerald-50/60 dark:border-emerald-700 dark:bg-emerald-950/30" : "border-line"
      }`}
    >
      <AuthorAvatar author={post.author} size="lg" />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
          {post.author ? (
            <Link href={`/u/${post.author.username}`} className="font-semibold text-ink hover:underline">
              {post.author.name}
            </Link>
          ) : (
            <span className="font-semibold text-ink-muted">{ANONYMOUS_NAME}</span>
          )}
          <RelativeTime date={post.createdAt} className="text-xs text-ink-subtle" />
          {accepted ? (
            <span
              data-testid="accepted-answer-badge"
              className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200"
            >
              Accepted answer
            </span>
          ) : null}
        </p>
        <div
          className={`mt-1 text-[0.9375rem] leading-relaxed text-ink ${MESSAGE_HTML_CLASSES}`}
          // Rendered and sanitised on the server (lib/messages/markdown.ts), as in the room.
          dangerouslySetInnerHTML={{ __html: post.html }}
        />
        <Link href={post.href} className="mt-1 inline-block text-xs text-ink-muted hover:underline">
          Open in the room
        </Link>
      </div>
    </article>
  );
}

export default async function QuestionPageView({ params }: QuestionPageProps) {
  const { slug, id } = await params;
  const page = await pageOf(slug, id);
  if (!page) notFound();
  const { room, question, accepted, others } = page;
  const count = others.length + (accepted ? 1 : 0);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8 pb-16 sm:px-6">
      <p className="text-sm text-ink-muted">
        <Link href={`/rooms/${room.slug}`} className="hover:underline">
          {room.name}
        </Link>{" "}
        · Question
      </p>
      <h1 className="mt-2 text-xl font-semibold break-words text-ink">{question.title}</h1>
      <p className="mt-1 text-sm" data-testid="question-status">
        {accepted ? (
          <span className="font-medium text-emerald-700 dark:text-emerald-300">Answered</span>
        ) : (
          <span className="text-ink-muted">Open: no accepted answer yet</span>
        )}
      </p>
      <div className="mt-4">
        <Post post={question} testId="question-post" />
      </div>
      <h2 className="mt-8 text-base font-semibold text-ink">
        {count} {count === 1 ? "answer" : "answers"}
      </h2>
      <ol aria-label="Answers" data-testid="question-answers" className="mt-3 flex flex-col gap-3">
        {accepted ? (
          <li>
            <Post post={accepted} accepted testId="question-answer" />
          </li>
        ) : null}
        {others.map((post) => (
          <li key={post.id}>
            <Post post={post} testId="question-answer" />
          </li>
        ))}
      </ol>
      {count === 0 ? (
        <p data-testid="question-no-answers" className="mt-3 text-sm text-ink-muted">
          No answers yet. Reply to the question in the room to answer it.
        </p>
      ) : null}
    </div>
  );
}
