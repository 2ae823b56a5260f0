import type { Metadata } from "next";
import { StatusCode, StatusPage } from "@/components/status-page";
import { notFoundMetadata } from "@/lib/site/metadata";

/** Names nothing of what was asked for, and stays out of search indexes. */
export const metadata: Metadata = notFoundMetadata("Page not found");

export default function NotFound() {
  return (
    <StatusPage mark={<StatusCode code="404" tone="indigo" />} title="This room is empty">
      We couldn’t find the page you were looking for. It may have been moved, renamed or closed.
    </StatusPage>
  );
}
