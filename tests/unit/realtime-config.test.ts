// What browsers are told about the realtime server: by default the app servers' own settings, and
// a proxy's (host, port, TLS) when the PUSHER_PUBLIC_* variables say so.
import { afterEach, describe, expect, it, vi } from "vitest";

const PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://u:p@db.internal:5432/roomful",
  APP_URL: "https://roomful.example.com",
  PUSHER_APP_ID: "roomful",
  PUSHER_KEY: "public-key",
  PUSHER_SECRET: "secret-secret",
  SMTP_URL: "smtp://mail.internal:25",
  NEXTAUTH_SECRET: "a".repeat(40),
  PUSHER_HOST: "soketi.internal",
  PUSHER_PORT: "6001",
  PUSHER_USE_TLS: "false",
};

async function configWith(extra: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries({ ...PRODUCTION, ...extra })) vi.stubEnv(name, value);
  const { publicRealtimeConfig, serverRealtimeConfig } = await import("@/lib/realtime/config");
  return { browser: publicRealtimeConfig(), server: serverRealtimeConfig() };
}

afterEach(() => vi.unstubAllEnvs());

describe("publicRealtimeConfig", () => {
  it("gives browsers the app servers' host, port and TLS by default", async () => {
    const { browser, server } = await configWith({});
    expect(browser).toEqual({
      key: "public-key",
      cluster: "mt1",
      wsHost: "soketi.internal",
      wsPort: 6001,
      forceTLS: false,
    });
    expect(server.secret).toBe("secret-secret");
    expect(JSON.stringify(browser)).not.toContain("secret-secret");
  });

  it("sends browsers through a TLS proxy while the app servers call soketi directly", async () => {
    const { browser, server } = await configWith({
      PUSHER_PUBLIC_HOST: "realtime.roomful.example.com",
      PUSHER_PUBLIC_PORT: "443",
      PUSHER_PUBLIC_USE_TLS: "true",
    });
    expect(browser).toMatchObject({ wsHost: "realtime.roomful.example.com", wsPort: 443, forceTLS: true });
    expect(server).toMatchObject({ host: "soketi.internal", port: "6001", useTLS: false });
  });
});
