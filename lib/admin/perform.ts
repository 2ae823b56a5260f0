// Runs an admin action for a caller: the registry's role check first (404 below moderator,
// 403 for a moderator on an admin-only action), then the action's zod schema (400 with field
// errors), then the operation. Server actions and tests both come through here.
import "server-only";
import type { SessionUser } from "../db/users";
import { fieldErrorsOf, invalid } from "../errors";
import { assertAdminAccess } from "./access";
import { auditEntry } from "./audit";
import { OPERATIONS, type AdminOperationResult } from "./operations";
import type { AdminOperation } from "./operation";
import { ADMIN_ACTIONS, type AdminActionCode } from "./registry";

export async function performAdminAction<K extends AdminActionCode>(
  code: K,
  caller: SessionUser | null,
  input: unknown,
): Promise<AdminOperationResult<K>> {
  const actor = assertAdminAccess(caller, ADMIN_ACTIONS[code].minRole);
  const operation = OPERATIONS[code] as unknown as AdminOperation<unknown, unknown>;
  const parsed = operation.schema.safeParse(input ?? {});
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  const result = await operation.run({
    actor,
    input: parsed.data,
    audit: (target, detail) => auditEntry(actor, code, target, detail),
  });
  return result as AdminOperationResult<K>;
}
