import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { proofNeededFor } from "@/lib/auth/recent-proof";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { findAccountSettings } from "@/lib/db/profiles";
import { readAwayEmailChoice } from "@/lib/notifications/away-email-settings";
import { readStudyLogHidden } from "@/lib/study/settings";
import { AvatarForm } from "./_components/avatar-form";
import { AwayEmailForm } from "./_components/away-email-form";
import { DeleteAccountForm } from "./_components/delete-account-form";
import { DeviceSessions } from "./_components/device-sessions";
import { EmailForm } from "./_components/email-form";
import { LinkedAccounts } from "./_components/linked-accounts";
import { PasswordForm } from "./_components/password-form";
import { ProfileForm } from "./_components/profile-form";
import { SettingsNav } from "./_components/settings-nav";
import { SettingsSection } from "./_components/settings-section";
import { StudyLogForm } from "./_components/study-log-form";

export const metadata: Metadata = { title: "Settings", robots: { index: false } };
export const dynamic = "force-dynamic";

const sections = [
  { id: "profile", label: "Profile" },
  { id: "email", label: "Email" },
  { id: "notifications", label: "Email notifications" },
  { id: "study", label: "Study log" },
  { id: "sign-in", label: "Sign-in methods" },
  { id: "sessions", label: "Where you're signed in" },
  { id: "delete", label: "Delete account" },
];

export default async function SettingsPage() {
  const user = await requireUserOrRedirect("/settings");
  const [settings, proof, awayEmails, studyLogHidden] = await Promise.all([
    findAccountSettings(user.id),
    proofNeededFor(user),
    readAwayEmailChoice({ userId: user.id }),
    readStudyLogHidden({ userId: user.id }),
  ]);
  // Deleted between the session check and this query.
  if (!settings) redirect("/login?callbackUrl=%2Fsettings");

  return (
    <div className="mx-auto max-w-5xl px-4 pt-8 pb-16 sm:px-6 sm:pt-12">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Settings</h1>
          <p className="mt-1 text-ink-muted">Your profile, how you sign in, and your account.</p>
        </div>
        <Link
          href={`/u/${settings.username}`}
          className="rounded text-sm font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          View your profile →
        </Link>
      </div>

      <div className="mt-6 grid gap-6 lg:mt-8 lg:grid-cols-[12rem_1fr] lg:gap-10">
        <SettingsNav items={sections} />
        <div className="min-w-0 space-y-6">
          <SettingsSection
            id="profile"
            title="Profile"
            description="How other members see you on your profile and in rooms."
          >
            <div className="space-y-6">
              <AvatarForm
                // Remounts after a new upload so its transient state starts fresh.
                key={settings.avatarUrl ?? "none"}
                userId={settings.id}
                name={settings.name}
                avatarUrl={settings.avatarUrl}
                hasUploadedAvatar={settings.hasUploadedAvatar}
              />
              <div className="border-t border-line pt-6">
                <ProfileForm name={settings.name} username={settings.username} bio={settings.bio} />
              </div>
            </div>
          </SettingsSection>

          <SettingsSection
            id="email"
            title="Email"
            description="Where we send sign-in help and notices. Never shown to other members."
          >
            <EmailForm
              email={settings.email}
              emailVerified={settings.emailVerified}
              pendingEmail={settings.pendingEmail}
              proof={proof}
            />
          </SettingsSection>

          <SettingsSection
            id="notifications"
            title="Email notifications"
            description="When mentions of you and replies to you wait unread, we can email you a link to each."
          >
            <AwayEmailForm mode={awayEmails} />
          </SettingsSection>

          <SettingsSection
            id="study"
            title="Study log"
            description="Your study time from focus sessions, your streak and your goals, shown on your profile."
          >
            <StudyLogForm hidden={studyLogHidden} />
          </SettingsSection>

          <SettingsSection
            id="sign-in"
            title="Sign-in methods"
            description="Your password and the accounts you can sign in with."
          >
            <div className="space-y-6">
              <div>
                <h3 className="mb-4 text-sm font-semibold text-ink">
                  {settings.hasPassword ? "Change password" : "Set a password"}
                </h3>
                <PasswordForm hasPassword={settings.hasPassword} username={settings.username} proof={proof} />
              </div>
              {/* Renders nothing when no provider is configured or linked; the rule goes with it. */}
              <div className="not-empty:border-t not-empty:border-line not-empty:pt-6">
                <LinkedAccounts />
              </div>
            </div>
          </SettingsSection>

          <SettingsSection
            id="sessions"
            title="Where you're signed in"
            description="Devices signed in to your account. Sign out any you don't recognise, then change your password."
          >
            <DeviceSessions />
          </SettingsSection>

          <SettingsSection
            id="delete"
            title="Delete account"
            tone="danger"
            description="Deleting your account cannot be undone."
          >
            <DeleteAccountForm hasPassword={settings.hasPassword} username={settings.username} proof={proof} />
          </SettingsSection>
        </div>
      </div>
    </div>
  );
}
