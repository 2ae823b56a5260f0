"use client";

// "Lift" beside a member's mute or ban (admin room and member pages): one click, a toast, and the
// page refreshes from the server.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { unbanMemberAction, unmuteMemberAction } from "@/lib/moderation/actions";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

export interface LiftRestrictionButtonProps {
  kind: "MUTE" | "BAN";
  roomSlug: string;
  user: { id: string; username: string };
}

export function LiftRestrictionButton({ kind, roomSlug, user }: LiftRestrictionButtonProps) {
  const [pending, startTransition] = useTransition();
  const { toast } = useToast();
  const router = useRouter();
  const label = kind === "MUTE" ? "Unmute" : "Lift ban";
  return (
    <Button
      size="sm"
      variant="secondary"
      pending={pending}
      aria-label={`${label} @${user.username}`}
      onClick={() =>
        startTransition(async () => {
          const run = kind === "MUTE" ? unmuteMemberAction : unbanMemberAction;
          const result = await run({ roomSlug, userId: user.id });
          toast({ message: result.message, tone: result.ok ? "success" : "error" });
          router.refresh();
        })
      }
    >
      {label}
    </Button>
  );
}
