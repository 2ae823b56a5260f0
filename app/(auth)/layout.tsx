import type { ReactNode } from "react";

export interface AuthLayoutProps {
  children: ReactNode;
}

/** Sign-in, sign-up and the account-recovery pages: one centred card on a quiet backdrop. */
export default function AuthLayout({ children }: AuthLayoutProps) {
  return (
    <div className="relative isolate flex min-h-full justify-center px-4 py-8 sm:items-center sm:px-6 sm:py-16">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-72 bg-[radial-gradient(ellipse_at_top,color-mix(in_oklab,var(--color-accent)_14%,transparent),transparent_70%)]"
      />
      <div className="w-full max-w-[26rem]">{children}</div>
    </div>
  );
}
