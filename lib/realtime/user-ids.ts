// Who a realtime connection signs in as (pusher:signin): a member as their user id, a visitor as
// visitor-<socket id>. User ids are lower-case cuids, so a visitor id (with "-" and ".") never names a member.

export const VISITOR_ID_PREFIX = "visitor-";

export const visitorUserId = (socketId: string) => `${VISITOR_ID_PREFIX}${socketId}`;
