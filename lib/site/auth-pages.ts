// The sign-in, sign-up and mailed-link pages: never a place to come back to after signing in, nor one to index.
export const AUTH_PAGES = [
  "/login",
  "/register",
  "/forgot-password",
  "/reset-password",
  "/verify-email",
  "/undo-email-change",
] as const;
