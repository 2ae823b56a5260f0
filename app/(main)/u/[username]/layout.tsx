// Runs the checks that decide the response's status before anything streams: a signed-out
// reader is redirected (307) to sign-in, an unknown username is a real 404. The page below then
// streams in behind loading.tsx.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { usernameParamSchema } from "@/lib/validation/profile";
import { profileOf } from "./profile-data";

export interface ProfileLayoutProps {
  children: ReactNode;
  params: Promise<{ username: string }>;
}

export default async function ProfileLayout({ children, params }: ProfileLayoutProps) {
  const { username: raw } = await params;
  await requireUserOrRedirect(`/u/${raw}`);
  const username = usernameParamSchema.safeParse(raw);
  if (!username.success || !(await profileOf(username.data))) notFound();
  return children;
}
