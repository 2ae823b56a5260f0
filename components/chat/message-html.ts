// The classes of a message's rendered HTML, in a module of its own so that server components (a question's public
// page) share them with the conversation's client components.

/** Styles for the sanitised HTML of lib/messages/markdown.ts (p, br, strong, em, code, pre, a, a.mention). */
export const MESSAGE_HTML_CLASSES =
  "break-words [overflow-wrap:anywhere] [&_p+p]:mt-1.5 [&_pre+p]:mt-1.5 [&_p+pre]:mt-1.5 " +
  "[&_a]:font-medium [&_a]:text-accent-ink [&_a]:underline [&_a]:decoration-accent/40 [&_a]:underline-offset-2 [&_a:hover]:decoration-accent " +
  "[&_a.mention]:rounded [&_a.mention]:bg-accent-soft [&_a.mention]:px-1 [&_a.mention]:py-px [&_a.mention]:no-underline [&_a.mention:hover]:underline " +
  "[&_code]:rounded [&_code]:bg-sunken [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.8125rem] " +
  "[&_pre]:my-1 [&_pre]:max-w-full [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:border [&_pre]:border-line [&_pre]:bg-sunken [&_pre]:px-3 [&_pre]:py-2 " +
  "[&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:whitespace-pre";
