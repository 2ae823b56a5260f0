import { describe, expect, it } from "vitest";
import {
  channelNameSchema,
  hereChannel,
  parseChannelName,
  presenceChannel,
  roomChannel,
  userChannel,
} from "@/lib/realtime/channels";

const id = "clx0abcdefghijklmnopqrstu";
const other = "clx0zyxwvutsrqponmlkjihgf";

describe("channel names", () => {
  it("builds and parses the four shapes of the live-event contract", () => {
    expect(roomChannel(id)).toBe(`room-${id}`);
    expect(presenceChannel(id)).toBe(`presence-room-${id}`);
    expect(hereChannel(id, other)).toBe(`private-here-${id}-${other}`);
    expect(parseChannelName(roomChannel(id))).toEqual({ kind: "room", roomId: id });
    expect(parseChannelName(presenceChannel(id))).toEqual({ kind: "presence", roomId: id });
    expect(parseChannelName(hereChannel(id, other))).toEqual({ kind: "here", roomId: id, userId: other });
    expect(parseChannelName(userChannel(id))).toEqual({ kind: "user", userId: id });
  });

  it("keeps every name within Pusher's channel name limit", () => {
    const longest = "a".repeat(32);
    expect(hereChannel(longest, longest).length).toBeLessThanOrEqual(164);
  });

  it.each([
    "presence-room-",
    "room-",
    `private-room-${id}`,
    `presence-room-${id}-extra`,
    `room-${id}-extra`,
    `presence-room-${id.toUpperCase()}`,
    `presence-room-../${id}`,
    `private-here-${id}`,
    `private-here-${id}-${other}-x`,
    `private-here-${id}--${other}`,
    "public-chat",
    `private-user-${id};drop`,
  ])("refuses %s", (name) => {
    expect(parseChannelName(name)).toBeNull();
    expect(channelNameSchema.safeParse(name).success).toBe(false);
  });
});
