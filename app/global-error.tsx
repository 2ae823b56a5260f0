"use client";

// When the root layout itself fails (the header's session lookup, say), this replaces the whole document: it brings
// its own html and body, and the same page app/error.tsx shows inside the layout.
import ErrorPage, { type ErrorPageProps } from "./error";
import "./globals.css";

export default function GlobalError({ error, retry }: ErrorPageProps) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col font-sans">
        <title>Something went wrong · Roomful</title>
        <main id="main" className="flex-1">
          <ErrorPage error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
