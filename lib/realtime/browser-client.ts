// Creates the pusher-js connection that browsers (and the tests) use. The configuration comes
// from the server at request time (lib/realtime/config.ts), so one build runs anywhere.
import Pusher, { type ChannelAuthorizationCallback, type Options } from "pusher-js";
import type { PublicRealtimeConfig } from "./config";

export interface ChannelAuthorizer {
  (params: { socketId: string; channelName: string }): Promise<{ auth: string; channel_data?: string }>;
}

export function createRealtimeClient(config: PublicRealtimeConfig, authorize?: ChannelAuthorizer): Pusher {
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
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
        );
      },
    };
  }
  return new Pusher(config.key, options);
}
