"use client";
// Which messages offer "Moderate" and "Delete" to the viewer: moderators and admins restrict members who are not staff
// (nor themselves); only admins delete what staff wrote (lib/admin/access.ts's mayActOn).
import { useCallback, useMemo } from "react";

export function useModerationOffers({
  staffIds,
  memberId,
  canRestrict,
  actsOnStaff,
}: {
  staffIds: string[];
  memberId: string | null;
  canRestrict: boolean;
  actsOnStaff: boolean;
}) {
  const staff = useMemo(() => new Set(staffIds), [staffIds]);
  const canModerateAuthor = useCallback(
    (authorId: string) => canRestrict && authorId !== memberId && !staff.has(authorId),
    [canRestrict, memberId, staff],
  );
  const canDeleteOf = useCallback((authorId: string) => actsOnStaff || !staff.has(authorId), [actsOnStaff, staff]);
  return { canModerateAuthor, canDeleteOf };
}
