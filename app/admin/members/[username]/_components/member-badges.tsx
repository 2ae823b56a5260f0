// The line under a member's name on their admin page: profile link, email and state badges.
import Link from "next/link";
import { Badge, RoleBadge } from "@/components/admin/badges";
import { linkClass } from "@/components/admin/styles";

export interface MemberBadgesProps {
  member: {
    username: string;
    email: string;
    role: "MEMBER" | "MODERATOR" | "ADMIN";
    deactivated: boolean;
    emailVerified: boolean;
  };
}

export function MemberBadges({ member }: MemberBadgesProps) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Link href={`/u/${member.username}`} className={linkClass}>
        @{member.username}
      </Link>
      <span className="break-all">· {member.email}</span>
      <RoleBadge role={member.role} />
      {member.deactivated ? <Badge tone="danger">Deactivated</Badge> : null}
      {member.emailVerified ? (
        <Badge tone="success">Email verified</Badge>
      ) : (
        <Badge tone="warning">Email not verified</Badge>
      )}
    </span>
  );
}
