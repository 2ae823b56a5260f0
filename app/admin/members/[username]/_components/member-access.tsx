// The side cards of a member's admin page that change how they get in: role (admins only) and
// email verification (while unverified).
import { AdminActionForm } from "@/components/admin/action-form";
import { Section } from "@/components/admin/page-header";
import { VerificationForms } from "@/components/admin/verification-forms";
import { resendVerificationAction, setRoleAction, verifyEmailAction } from "../../actions";

const ROLE_OPTIONS = [
  { value: "MEMBER", label: "Member" },
  { value: "MODERATOR", label: "Moderator" },
  { value: "ADMIN", label: "Admin" },
];

export interface MemberAccessProps {
  member: { id: string; email: string; role: string; emailVerified: boolean };
  isAdmin: boolean;
  self: boolean;
  /** mayActOn (lib/admin/access.ts): only admins verify a moderator's or an admin's email. */
  mayVerify: boolean;
}

export function MemberAccess({ member, isAdmin, self, mayVerify }: MemberAccessProps) {
  return (
    <>
      {isAdmin ? (
        <Section
          title="Role"
          description={self ? "Your own role. Another admin must exist before you give it up." : undefined}
        >
          <AdminActionForm
            action={setRoleAction}
            recordId={member.id}
            label="Change role"
            data-testid="role-form"
            fields={[{ name: "role", label: "Role", kind: "select", defaultValue: member.role, options: ROLE_OPTIONS }]}
          />
        </Section>
      ) : null}
      {!member.emailVerified && mayVerify ? (
        <Section title="Email" description={`${member.email} is not verified yet.`}>
          <VerificationForms
            recordId={member.id}
            resend={resendVerificationAction}
            markVerified={verifyEmailAction}
            labels={["Resend verification mail", "Mark email verified"]}
          />
        </Section>
      ) : null}
    </>
  );
}
