// Every admin action's implementation, keyed by its registry code. The type below makes the
// compiler refuse a registry code without an implementation, and an implementation without a code.
import "server-only";
import type { AdminActionCode } from "../registry";
import type { AnyAdminOperation } from "../operation";
import { memberOperations } from "./members";
import { messageOperations } from "./messages";
import { moderationOperations } from "./moderation";
import { reportOperations } from "./reports";
import { roomOperations } from "./rooms";
import { supportOperations } from "./support";
import { topicOperations } from "./topics";

export const OPERATIONS = {
  ...roomOperations,
  ...moderationOperations,
  ...topicOperations,
  ...memberOperations,
  ...messageOperations,
  ...reportOperations,
  ...supportOperations,
} satisfies Record<AdminActionCode, AnyAdminOperation>;

// An extra key would pass `satisfies` (spread objects are not checked for excess keys).
type Extra = Exclude<keyof typeof OPERATIONS, AdminActionCode>;
const noExtra: [Extra] extends [never] ? true : Extra = true;
void noExtra;

export type AdminOperationResult<K extends AdminActionCode> = Awaited<ReturnType<(typeof OPERATIONS)[K]["run"]>>;
