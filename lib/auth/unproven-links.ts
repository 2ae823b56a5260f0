// Provider sign-ins linked to an account before anyone proved they own its address are not trusted once someone
// does. An account whose address was never confirmed could have been made, or had a provider linked from its
// Settings, by whoever signed up with that address first; the owner proving it later (the verification link, or a
// password reset while it was unconfirmed) removes those links, ends their sessions and tells the owner.
import "server-only";
import { removeAllLinks } from "../db/accounts";
import { env } from "../env";
import { log } from "../log";
import { unprovenLinksRemovedMail } from "../mail/templates";
import { sendMail } from "../mail/transport";
import { oauthProviderName } from "./oauth-providers";

/** Call once the owner of `user.email` has proved it, with whether it had been confirmed before. */
export async function dropUnprovenLinks(
  user: { id: string; email: string; name: string },
  { wasConfirmed }: { wasConfirmed: boolean },
): Promise<void> {
  if (wasConfirmed) return;
  const providers = await removeAllLinks({ userId: user.id });
  if (providers.length === 0) return;
  log.info({ userId: user.id, providers }, "provider links made before the address was proven were removed");
  await sendMail(
    unprovenLinksRemovedMail({
      to: user.email,
      name: user.name,
      url: `${env().APP_URL}/settings`,
      providers: providers.map(oauthProviderName),
    }),
  ).catch((error: unknown) => log.error({ err: error }, "notice of removed provider links not sent"));
}
