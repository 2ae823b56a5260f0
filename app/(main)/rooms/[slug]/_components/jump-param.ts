// The room page's query reader: `?m=<id>` opens the history around that message. Anything that is not one message
// id (text, a negative or too large number, the parameter twice) reads as "not found", never as an error.
import { messageIdSchema } from "@/lib/validation/messages";

export interface JumpParam {
  /** The message to open around, or null for the latest messages. */
  messageId: number | null;
  /** `m` was given but is no message id: the page says it could not be found. */
  invalid: boolean;
}

export function readJumpParam(raw: Record<string, string | string[] | undefined>): JumpParam {
  const value = raw.m;
  if (value === undefined) return { messageId: null, invalid: false };
  // Only digits: zod's coercion would also take " 12", "1e3" or "0x10".
  const parsed = typeof value === "string" && /^\d+$/.test(value) ? messageIdSchema.safeParse(value) : null;
  return parsed?.success ? { messageId: parsed.data, invalid: false } : { messageId: null, invalid: true };
}
