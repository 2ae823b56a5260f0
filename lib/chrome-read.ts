// Reads for the page's chrome (header, banners): the chrome is not the page, so when its data
// cannot be read it renders without it, and the page itself reports the outage.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { log } from "./log";

/** `work`'s value, or null (logged) when it fails. Next's own signals still pass through. */
export function orNullForChrome<T>(work: Promise<T>): Promise<T | null> {
  return work.catch((error: unknown) => {
    unstable_rethrow(error); // e.g. dynamic rendering
    log.error({ err: error }, "page chrome read failed");
    return null;
  });
}
