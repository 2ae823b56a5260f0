import type { Metadata } from "next";
import { ForgotPassword } from "./_components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return <ForgotPassword />;
}
