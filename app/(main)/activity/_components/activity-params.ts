// The query string of /activity and /activity/mine, read with zod: anything malformed is ignored
// (a hand-edited URL shows the first page) rather than answered with an error.
import { z } from "zod";
import { cutText, lenientQueryParam } from "@/lib/validation/text";

/** One value of a query-string parameter (arrays take the first); unstorable text is ignored too. */
const single = lenientQueryParam;

/** A position to page from (lib/db/activity.ts decodes it; a malformed one is ignored there). */
const messageCursor = single.transform((v) => (v && v.length <= 40 ? v : undefined));

export const activityParamsSchema = z.object({
  topic: single.transform((v) => cutText(v?.trim().toLowerCase() ?? "", 80) || undefined),
  before: messageCursor,
  after: messageCursor,
});
export type ActivityParams = z.infer<typeof activityParamsSchema>;

export function readActivityParams(raw: Record<string, string | string[] | undefined>): ActivityParams {
  const parsed = activityParamsSchema.safeParse(raw);
  return parsed.success ? parsed.data : { topic: undefined, before: undefined, after: undefined };
}

/** The URL of a page of `pathname`, keeping only what is set. */
export function activityHref(pathname: string, params: { topic?: string; before?: string; after?: string }): string {
  const query = new URLSearchParams();
  if (params.topic) query.set("topic", params.topic);
  if (params.before) query.set("before", params.before);
  if (params.after) query.set("after", params.after);
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}
