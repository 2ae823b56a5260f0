import { describe, expect, it } from "vitest";
import { canCreateRoom, canManageRoom, type Actor } from "@/lib/rooms/permissions";

const member = (over: Partial<Actor> = {}): Actor => ({ id: "u1", role: "MEMBER", emailVerified: true, ...over });

describe("room permissions", () => {
  it("lets verified, active members open rooms", () => {
    expect(canCreateRoom(member())).toBe(true);
    expect(canCreateRoom(member({ emailVerified: false }))).toBe(false);
    expect(canCreateRoom(member({ deactivated: true }))).toBe(false);
    expect(canCreateRoom(null)).toBe(false);
  });

  it("lets the host and moderators manage a room, nobody else", () => {
    expect(canManageRoom(member(), { hostId: "u1" })).toBe(true);
    expect(canManageRoom(member(), { hostId: "u2" })).toBe(false);
    expect(canManageRoom(member(), { hostId: null })).toBe(false);
    expect(canManageRoom(member({ role: "MODERATOR" }), { hostId: "u2" })).toBe(true);
    expect(canManageRoom(member({ role: "ADMIN" }), { hostId: null })).toBe(true);
    expect(canManageRoom(member({ deactivated: true }), { hostId: "u1" })).toBe(false);
    expect(canManageRoom(null, { hostId: "u1" })).toBe(false);
  });
});
