// The "Account" card of a member's admin page: avatar, when they joined, how they sign in, counts.
import { Section } from "@/components/admin/page-header";
import { Timestamp } from "@/components/admin/timestamp";
import { Avatar } from "@/components/ui/avatar";

const PROVIDER_NAMES: Record<string, string> = { password: "Password", google: "Google", github: "GitHub" };

export interface MemberAccountProps {
  member: {
    name: string;
    avatarUrl: string | null;
    createdAt: Date;
    providers: string[];
    messageCount: number;
    hostedRooms: unknown[];
    joinedRoomCount: number;
    bio: string;
  };
}

export function MemberAccount({ member }: MemberAccountProps) {
  return (
    <Section title="Account">
      <div className="flex items-start gap-4">
        <Avatar name={member.name} image={member.avatarUrl} size="xl" />
        <dl className="grid flex-1 grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-ink-muted">Joined</dt>
          <dd>
            <Timestamp date={member.createdAt} />
          </dd>
          <dt className="text-ink-muted">Signs in with</dt>
          <dd data-testid="member-providers">
            {member.providers.length
              ? member.providers.map((p) => PROVIDER_NAMES[p] ?? p).join(", ")
              : "nothing (cannot sign in)"}
          </dd>
          <dt className="text-ink-muted">Messages</dt>
          <dd className="tabular-nums">{member.messageCount.toLocaleString("en-US")}</dd>
          <dt className="text-ink-muted">Rooms</dt>
          <dd>
            hosts {member.hostedRooms.length}, in {member.joinedRoomCount}
          </dd>
          {member.bio ? (
            <>
              <dt className="text-ink-muted">Bio</dt>
              <dd className="break-words">{member.bio}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </Section>
  );
}
