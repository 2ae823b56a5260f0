// The browser's report of a message (POST /api/rooms/<slug>/messages/<id>/report), loaded with the report dialog
// only: most readers never report anything, so it stays out of the room page's first load.
import { z } from "zod";
import type { ReportReasonKey } from "../../validation/reports";
import { request } from "./chat-api";

const storedReportSchema = z.object({
  report: z.object({ id: z.string(), messageId: z.number(), reason: z.enum(["spam", "harassment", "other"]) }),
});

/** Codes meaning the member has nothing (more) to report here: the button shows "Reported". */
export const ALREADY_REPORTED = "conflict:already_reported";

export function postReport(slug: string, id: number, input: { reason: ReportReasonKey; note?: string }) {
  return request(
    `/api/rooms/${encodeURIComponent(slug)}/messages/${id}/report`,
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) },
    storedReportSchema,
  );
}

/** Messages this page reported (or was told it had), so the tool keeps saying "Reported" while the page lives. */
export const reportedHere = new Set<number>();
