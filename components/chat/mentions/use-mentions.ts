"use client";
// The `@username` combobox of a chat text box (ARIA 1.2: the textarea is the combobox, the list its listbox). This
// part ships with the composer and only follows the caret; the list, its fetching and its rows load on the first `@`
// (./mention-list.tsx), so the room page's first load does not grow.
import dynamic from "next/dynamic";
import { createElement, useId, useLayoutEffect, useState, type KeyboardEvent, type ReactNode } from "react";
import { insertMention, mentionTokenAt, type MentionToken } from "@/lib/chat/mention-token";
import type { Person } from "@/lib/presence/members";

const MentionList = dynamic(() => import("./mention-list").then((m) => m.MentionList), { ssr: false });

export interface UseMentionsOptions {
  slug: string;
  viewerId: string | null;
  value: string;
  setValue: (value: string) => void;
  textarea: React.RefObject<HTMLTextAreaElement | null>;
}

/** What the list last reported, for which token (a list for an older token is never shown). */
interface Reported {
  key: string;
  options: Person[];
  settled: boolean;
}

export function useMentions({ slug, viewerId, value, setValue, textarea }: UseMentionsOptions) {
  const [caret, setCaret] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  // Escape closes the list for this `@` until another one is typed.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [reported, setReported] = useState<Reported | null>(null);
  const [picked, setPicked] = useState<{ key: string; index: number } | null>(null);
  // Where the caret goes once the box holds the text with an inserted mention.
  const [placed, setPlaced] = useState<{ text: string; caret: number } | null>(null);
  const listId = useId();

  const token: MentionToken | null = focused && caret !== null ? mentionTokenAt(value, caret) : null;
  const wanted = token && dismissed !== token.start ? token : null;
  const key = wanted ? `${wanted.start}:${wanted.query}` : "";
  const options = wanted && reported?.key === key ? reported.options : [];
  const open = options.length > 0;
  const active = picked?.key === key ? Math.min(picked.index, options.length - 1) : 0;
  const optionId = (index: number) => `${listId}-${index}`;
  const none = wanted !== null && wanted.query !== "" && reported?.key === key && reported.settled && !open;

  // The caret goes after an inserted mention once React has put the new text in the box.
  useLayoutEffect(() => {
    if (placed && placed.text === value) textarea.current?.setSelectionRange(placed.caret, placed.caret);
  }, [placed, value, textarea]);

  /** Follows the caret: after every change and every caret move in the box. */
  function track(box: HTMLTextAreaElement) {
    // Typing means focus, also in a box focused before hydration (no focus event reached React then).
    setFocused(true);
    const at = box.selectionStart === box.selectionEnd ? box.selectionStart : null;
    setCaret(at);
    setPlaced(null);
    if (at === null || !mentionTokenAt(box.value, at)) setDismissed(null);
  }

  function choose(person: Person) {
    if (!wanted) return;
    const next = insertMention(value, wanted, person.username);
    setPlaced(next);
    setCaret(next.caret);
    setValue(next.text);
  }

  /** Handles the list's keys while it is open; true when the key was its (the box must not act on it). */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    const { nativeEvent: native } = event;
    if (!open || !wanted || native.isComposing || native.keyCode === 229) return false;
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      setPicked({ key, index: (active + step + options.length) % options.length });
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
      const person = options[active];
      if (person) choose(person);
    } else if (event.key === "Escape") {
      setDismissed(wanted.start);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  const count = options.length;
  const announcement = open
    ? `${count} ${count === 1 ? "person" : "people"} to mention. Up and down to choose, Enter to insert.`
    : none
      ? "No one by that name."
      : "";

  const list: ReactNode = wanted
    ? createElement(MentionList, {
        id: listId,
        optionId,
        slug,
        viewerId,
        query: wanted.query,
        active,
        open,
        onOptions: (list: Person[], settled: boolean) => setReported({ key, options: list, settled }),
        onChoose: choose,
        onHover: (index: number) => setPicked({ key, index }),
      })
    : null;

  return {
    /** Spread on the textarea (besides calling track from onChange and onKeyDown first). */
    comboboxProps: {
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": open,
      "aria-controls": open ? listId : undefined,
      "aria-activedescendant": open ? optionId(active) : undefined,
      onSelect: (event: React.SyntheticEvent<HTMLTextAreaElement>) => track(event.currentTarget),
      onFocus: (event: React.FocusEvent<HTMLTextAreaElement>) => track(event.currentTarget),
      onBlur: () => setFocused(false),
    } as const,
    track,
    onKeyDown,
    open,
    list,
    announcement,
  };
}
