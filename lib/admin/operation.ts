// The shape of an admin action's implementation: a zod schema for its input and a function that
// does the work. lib/admin/perform.ts runs the guard (registry role) and the schema before it,
// so an operation only ever sees an allowed caller and valid input.
import "server-only";
import type { z } from "zod";
import type { AuditEntryInput } from "../db/audit-log";
import type { SessionUser } from "../db/users";
import type { AuditTarget } from "./audit";

export interface AdminResult<D = undefined> {
  /** Said to the moderator (toast or form message). */
  message: string;
  /** Where to go next, when the page acted on is gone or a new one was made. */
  href?: string;
  data?: D;
}

export interface OperationContext<I> {
  actor: SessionUser;
  input: I;
  /** This action's audit entry for `target`, for the query function to write in its transaction. */
  audit: (target: AuditTarget, detail?: string) => AuditEntryInput;
}

export interface AdminOperation<I, D> {
  schema: z.ZodType<I>;
  run: (context: OperationContext<I>) => Promise<AdminResult<D>>;
}

export function defineOperation<I, D = undefined>(
  schema: z.ZodType<I>,
  run: (context: OperationContext<I>) => Promise<AdminResult<D>>,
): AdminOperation<I, D> {
  return { schema, run };
}

/** Any operation, whatever its input and data (for the table of all of them). */
export interface AnyAdminOperation {
  schema: z.ZodType;
  run: (context: never) => Promise<AdminResult<unknown>>;
}
