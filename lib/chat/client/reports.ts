// The browser's report of a message (POST /api/rooms/<slug>/messages/<id>/report), loaded with the report dialog
// only: most readers never report anything, so it stays out of the room page's first load.
import { z } from "zod";
import type { ReportReasonKey } from "../../validation/reports";
import { request } from "./chat-api";

const storedReportSchema = z.object({
  report: z.object({ id: z.string(), messageId: z.number(), reason: z.enum(["spam", "harassment", "other"]) }),
});

/** The code meaning the member reported it before: the tool shows "Reported" all the same. */
export const ALREADY_REPORTED = "conflict:already_reported";

export function postReport(slug: string, id: number, input: { reason: ReportReasonKey; note?: string }) {
  return request(
    `/api/rooms/${encodeURIComponent(slug)}/messages/${id}/report`,
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) },
    storedReportSchema,
  );
}
