// The profile's "Study" section: loads the member's study log (lib/study) for this viewer and streams in behind its
// skeleton, so the rest of the profile never waits for it. Absent when the member hid their log (their own profile
// says so instead).
import Link from "next/link";
import { Bone, Skeleton } from "@/components/skeleton";
import { profileStudyOf } from "@/lib/study/study-log";
import { EmptyBox } from "../../../_components/empty-box";
import { StudyLogView } from "./study-log";

export interface StudySectionProps {
  userId: string;
  viewerId: string | null;
  name: string;
}

export async function StudySection({ userId, viewerId, name }: StudySectionProps) {
  const study = await profileStudyOf({ userId, viewerId });
  if (!study) return null;
  const isSelf = viewerId === userId;
  return (
    <section aria-labelledby="study-heading" data-testid="profile-study" className="mt-8">
      <h2 id="study-heading" className="mb-3 text-sm font-semibold tracking-wide text-ink-muted uppercase">
        Study
      </h2>
      {study.kind === "hidden" ? (
        <EmptyBox testId="study-log-hidden">
          Your study log is hidden. Other members see no study time or goals on your profile, and room boards leave you
          out. You can show it again in{" "}
          <Link href="/settings#study" className="font-medium text-accent-ink underline">
            settings
          </Link>
          .
        </EmptyBox>
      ) : (
        <StudyLogView log={study.log} isSelf={isSelf} name={name} />
      )}
    </section>
  );
}

export function StudySectionSkeleton() {
  return (
    <Skeleton label="Loading study log" testId="study-skeleton" className="mt-8 space-y-3">
      <Bone className="h-4 w-16" />
      <div aria-hidden="true" className="h-28 rounded-2xl border border-line bg-surface" />
    </Skeleton>
  );
}
