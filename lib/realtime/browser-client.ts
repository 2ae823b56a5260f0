// Creates the pusher-js connection that browsers (and the tests) use. The configuration comes
// from the server at request time (lib/realtime/config.ts), so one build runs anywhere.
import Pusher, { type ChannelAuthorizationCallback, type Options, type UserAuthenticationCallback } from "pusher-js";
import type { PublicRealtimeConfig } from "./config";

export interface ChannelAuthorizer {
  (params: { socketId: string; channelName: string }): Promise<{ auth: string; channel_data?: string }>;
}

/** Signs pusher:signin for a connection (the app's POST /api/pusher/user-auth, or the core in tests). */
export interface UserAuthenticator {
  (params: { socketId: string }): Promise<{ auth: string; user_data: string }>;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * With `authenticate`, the connection signs in as soon as it is up, and again after every reconnect (pusher-js does
 * that once asked): the realtime server closes connections that have not signed in within its timeout.
 */
export function createRealtimeClient(
  config: PublicRealtimeConfig,
  authorize?: ChannelAuthorizer,
  authenticate?: UserAuthenticator,
): Pusher {
  const options: Options = {
    cluster: config.cluster,
    forceTLS: config.forceTLS,
    // Only WebSockets: the HTTP fallbacks are Pusher-hosted and soketi has none.
    enabledTransports: ["ws", "wss"],
    disableStats: true,
  };
  if (config.wsHost) {
    options.wsHost = config.wsHost;
    options.wsPort = config.wsPort;
    options.wssPort = config.wsPort;
  }
  if (authorize) {
    options.channelAuthorization = {
      endpoint: "",
      transport: "ajax",
      customHandler: (params, callback: ChannelAuthorizationCallback) => {
        authorize(params).then(
          (data) => callback(null, data),
          (error: unknown) => callback(asError(error), null),
        );
      },
    };
  }
  if (authenticate) {
    options.userAuthentication = {
      customHandler: (params, callback: UserAuthenticationCallback) => {
        authenticate(params).then(
          (data) => callback(null, data),
          (error: unknown) => callback(asError(error), null),
        );
      },
    };
  }
  const client = new Pusher(config.key, options);
  if (authenticate) client.signin();
  return client;
}
