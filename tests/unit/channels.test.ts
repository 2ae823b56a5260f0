import { describe, expect, it } from "vitest";
import { channelNameSchema, parseChannelName, roomChannel, userChannel } from "@/lib/realtime/channels";

const id = "clx0abcdefghijklmnopqrstu";

describe("channel names", () => {
  it("builds and parses the two shapes of the live-event contract", () => {
    expect(roomChannel(id)).toBe(`presence-room-${id}`);
    expect(parseChannelName(roomChannel(id))).toEqual({ kind: "room", roomId: id });
    expect(parseChannelName(userChannel(id))).toEqual({ kind: "user", userId: id });
  });

  it.each([
    "presence-room-",
    `private-room-${id}`,
    `presence-room-${id}-extra`,
    `presence-room-${id.toUpperCase()}`,
    `presence-room-../${id}`,
    "public-chat",
    `private-user-${id};drop`,
  ])("refuses %s", (name) => {
    expect(parseChannelName(name)).toBeNull();
    expect(channelNameSchema.safeParse(name).success).toBe(false);
  });
});
