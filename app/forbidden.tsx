import type { Metadata } from "next";
import { StatusCode, StatusPage } from "@/components/status-page";

export const metadata: Metadata = { title: "Not allowed" };

/** What forbidden() renders, with a 403 status: signed in, but not allowed here. */
export default function Forbidden() {
  return (
    <StatusPage
      testId="forbidden-page"
      mark={<StatusCode code="403" tone="rose" />}
      title="You don’t have access to this"
    >
      This page is for someone else: a room is edited by its host and the moderators, and the admin area is for
      moderators. If you think this is a mistake, ask a moderator.
    </StatusPage>
  );
}
