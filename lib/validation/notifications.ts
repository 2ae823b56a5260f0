// The inbox's inputs: a page's cursor (GET /api/me/notifications?before=) and what to mark read (POST
// /api/me/notifications/read). Ids are entry ids, which the inbox hands out.
import { z } from "zod";
import { MAX_MESSAGE_ID } from "./messages";

/** Entries in one page of the inbox. */
export const INBOX_PAGE_SIZE = 20;

const NOT_AN_ENTRY = "That is not an inbox entry id.";
const entryId = z.coerce
  .number({ message: NOT_AN_ENTRY })
  .int(NOT_AN_ENTRY)
  .positive(NOT_AN_ENTRY)
  .max(MAX_MESSAGE_ID, NOT_AN_ENTRY);

export const inboxQuerySchema = z.object({ before: entryId.optional() });

export const markReadSchema = z.union(
  [
    z.object({ ids: z.array(entryId).min(1, "Name at least one entry.").max(100, "At most 100 entries at once.") }),
    z.object({ all: z.literal(true), upTo: entryId.optional() }),
  ],
  { message: 'Send { "ids": [entry ids] } or { "all": true }.' },
);
export type MarkReadInput = z.infer<typeof markReadSchema>;
