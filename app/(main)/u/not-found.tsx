import type { Metadata } from "next";
import { StatusPage } from "@/components/status-page";
import { notFoundMetadata } from "@/lib/site/metadata";
import { OutlineIcon } from "@/components/ui/icons";

/** Names nothing of what was asked for, and stays out of search indexes. */
export const metadata: Metadata = notFoundMetadata("Member not found");

export default function ProfileNotFound() {
  const icon = (
    <span
      aria-hidden="true"
      className="flex size-14 items-center justify-center rounded-full bg-accent-soft text-accent-ink"
    >
      <OutlineIcon grid={24} className="size-7">
        <circle cx="12" cy="8" r="3.5" />
        <path d="M5 19.5c.8-3.4 3.6-5.5 7-5.5s6.2 2.1 7 5.5" />
      </OutlineIcon>
    </span>
  );
  return (
    <StatusPage testId="profile-not-found" mark={icon} title="No member by that name">
      Nobody on Roomful uses this username. They may have changed it or deleted their account.
    </StatusPage>
  );
}
