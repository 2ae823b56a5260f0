"use client";

// The admin room form (create and edit) with a live address preview: while the address has not
// been typed by hand it follows the name through the same slug code as the public form
// (lib/rooms/slug.ts), and the server says whether it is taken (and what is free instead).
// Without JavaScript the address field is plain text; left empty, the server makes one.
import Link from "next/link";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { TopicField } from "@/components/topic-field/topic-field";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextareaField } from "@/components/textarea-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/use-action-form";
import { initialFormState, type FormState } from "@/lib/form-state";
import { baseSlug } from "@/lib/rooms/slug";
import { ROOM_SLUG_MAX } from "@/lib/validation/rooms";
import { ROOM_DESCRIPTION_MAX, ROOM_NAME_MAX } from "@/lib/validation/rooms";

export interface AdminRoomFormValues {
  name: string;
  slug: string;
  topic: string;
  description: string;
  host?: string;
}

type PreviewResult =
  | {
      ok: true;
      message: string;
      data: { slug: string; takenBy: { id: string; name: string } | null; free: string } | undefined;
    }
  | { ok: false; message: string };

export interface AdminRoomFormProps {
  mode: "create" | "edit";
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  preview: (input: { name: string; slug?: string; roomId?: string }) => Promise<PreviewResult>;
  roomId?: string;
  values: AdminRoomFormValues;
  cancelHref: string;
}

const PREVIEW_DELAY_MS = 250;

export function AdminRoomForm({ mode, action, preview, roomId, values: initial, cancelHref }: AdminRoomFormProps) {
  const { state, pending, formProps } = useActionForm(action, initialFormState);
  const failed = state.status === "error" ? state : null;
  const values = { ...initial, ...(failed?.values ?? {}) };
  const fields = failed?.fields ?? {};
  const formMessage = failed && !failed.fields ? failed.message : null;

  // Editing keeps the address unless it is changed on purpose (links keep working).
  const [touched, setTouched] = useState(mode === "edit" || Boolean(failed?.values?.slug));
  const [name, setName] = useState(values.name);
  const [slug, setSlug] = useState(values.slug);
  const [note, setNote] = useState<{ tone: "ok" | "taken" | "moved"; text: string; free?: string } | null>(null);
  const [checking, startChecking] = useTransition();
  const slugHintId = useId();
  const latestAsk = useRef(0);

  const wanted = touched ? slug : baseSlug(name);

  useEffect(() => {
    if (!name.trim() && !touched) return;
    const ask = ++latestAsk.current;
    const timer = window.setTimeout(() => {
      startChecking(async () => {
        const result = await preview({ name, slug: wanted, roomId });
        // An older answer arriving after a newer question is dropped.
        if (ask !== latestAsk.current || !result.ok || !result.data) return;
        const { takenBy, free } = result.data;
        if (!takenBy) {
          setNote({ tone: "ok", text: "This address is free." });
        } else if (!touched) {
          setSlug(free);
          setNote({ tone: "moved", text: `“${wanted}” is taken by “${takenBy.name}”, so this room gets “${free}”.` });
        } else {
          setNote({ tone: "taken", text: `Taken by “${takenBy.name}”.`, free });
        }
      });
    }, PREVIEW_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [name, wanted, touched, roomId, preview]);

  // While following the name, the field shows the name's slug until the server answers.
  const shownSlug = touched ? slug : note?.tone === "moved" && slug.startsWith(wanted) ? slug : wanted;

  return (
    <form
      {...formProps}
      aria-label={mode === "create" ? "New room" : "Edit room"}
      data-testid="admin-room-form"
      className="space-y-5"
    >
      {formMessage ? <FormAlert tone="error">{formMessage}</FormAlert> : null}
      {roomId ? <input type="hidden" name="id" value={roomId} /> : null}
      <TextField
        label="Name"
        name="name"
        required
        maxLength={ROOM_NAME_MAX}
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={fields.name}
      />
      <div>
        <TextField
          label="Address"
          name="slug"
          maxLength={ROOM_SLUG_MAX}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={shownSlug}
          onChange={(event) => {
            setTouched(true);
            setSlug(event.currentTarget.value.toLowerCase());
          }}
          error={fields.slug}
          hint={
            <>
              The room lives at{" "}
              <span className="font-mono text-ink" data-testid="slug-preview">
                /rooms/{shownSlug || "…"}
              </span>
              . {mode === "create" && !touched ? "It follows the name until you change it." : null}
            </>
          }
        />
        <p id={slugHintId} aria-live="polite" data-testid="slug-status" className="mt-1.5 min-h-5 text-sm">
          {checking ? <span className="text-ink-subtle">Checking…</span> : null}
          {!checking && note?.tone === "ok" ? (
            <span className="text-emerald-700 dark:text-emerald-300">{note.text}</span>
          ) : null}
          {!checking && note?.tone === "moved" ? <span className="text-ink-muted">{note.text}</span> : null}
          {!checking && note?.tone === "taken" ? (
            <span className="text-amber-800 dark:text-amber-200">
              {note.text}{" "}
              {note.free ? (
                <button
                  type="button"
                  className="rounded font-semibold underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-ring"
                  onClick={() => {
                    if (note.free) setSlug(note.free);
                  }}
                >
                  Use “{note.free}”
                </button>
              ) : null}
            </span>
          ) : null}
        </p>
        {mode === "edit" && touched && baseSlug(name) !== slug ? (
          <button
            type="button"
            className="mt-1 rounded text-sm font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
            onClick={() => setSlug(baseSlug(name))}
          >
            Make it from the name
          </button>
        ) : null}
      </div>
      <TopicField name="topic" label="Topic" defaultValue={values.topic} error={fields.topic} />
      <TextareaField
        label="Description"
        optional
        name="description"
        rows={4}
        maxLength={ROOM_DESCRIPTION_MAX * 2}
        defaultValue={values.description}
        error={fields.description}
      />
      {mode === "create" ? (
        <TextField
          label="Host"
          name="host"
          defaultValue={values.host ?? ""}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="@username"
          error={fields.host}
          hint="Leave empty to host it yourself."
        />
      ) : null}
      <div className="flex flex-col-reverse gap-2 border-t border-line pt-5 sm:flex-row sm:justify-end">
        <Link href={cancelHref} className={buttonClasses({ variant: "ghost" })}>
          Cancel
        </Link>
        <Button type="submit" pending={pending} pendingText={mode === "create" ? "Creating…" : "Saving…"}>
          {mode === "create" ? "Create room" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
