// Who is reading the room page, as the conversation needs them: their public self and what they may do here.
import type { MessageAuthorPayload } from "@/lib/chat/message-payload";

export interface ChatViewer extends MessageAuthorPayload {
  emailVerified: boolean;
  /** The room's host or a moderator: may delete any message. */
  canModerate: boolean;
  /** A moderator or admin: may also mute and ban members here. */
  canRestrict: boolean;
  /** An admin: the only one who may delete what moderators and admins wrote (lib/admin/access.ts's mayActOn). */
  actsOnStaff: boolean;
}
