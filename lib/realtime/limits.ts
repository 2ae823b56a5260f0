// The realtime limits the app relies on. The local soketi is configured from these, and the
// server never triggers more than Pusher Channels allows, so the same code runs on both.
export const REALTIME_LIMITS = {
  /** Pusher Channels refuses events over 10 KB; soketi is held to the same. */
  maxEventPayloadKb: 10,
  /** Typing indicators are client events; more than this per second per socket is dropped. */
  maxClientEventsPerSecond: 10,
  /** Pusher's presence channel limit. */
  maxPresenceMembersPerChannel: 100,
  /** Presence info holds id, name, username and avatar URL: well under Pusher's 1 KB. */
  maxPresenceMemberSizeKb: 1,
  maxChannelNameLength: 164,
  maxEventNameLength: 200,
  maxEventChannelsAtOnce: 100,
} as const;
