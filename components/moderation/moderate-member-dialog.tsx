"use client";

// The moderator's in-room tool for one member: mute them here for a while (they see why and until when) or ban
// them from posting here; lift either. The server checks the caller again (lib/moderation/actions.ts → lib/admin),
// so showing it to someone who is not a moderator only ever produces a refusal.
import { useEffect, useId, useState, useTransition } from "react";
import {
  banMemberAction,
  memberRestrictionsAction,
  muteMemberAction,
  unbanMemberAction,
  unmuteMemberAction,
} from "@/lib/moderation/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { FieldError } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { MUTE_CHOICES, REASON_MAX } from "@/lib/validation/admin";
import { CurrentRestrictions, type Restrictions } from "./current-restrictions";

export interface ModeratedMember {
  id: string;
  username: string;
  name: string;
}

export interface ModerateMemberDialogProps {
  roomSlug: string;
  /** The member to moderate; null keeps the dialog closed. */
  user: ModeratedMember | null;
  onClose: () => void;
}

type ActionResult = { ok: boolean; message: string; fields?: Record<string, string> };

export function ModerateMemberDialog({ roomSlug, user, onClose }: ModerateMemberDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const reasonId = useId();
  const [current, setCurrent] = useState<Restrictions | null>(null);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [minutes, setMinutes] = useState<number>(MUTE_CHOICES[1].minutes);
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();
  const { toast } = useToast();
  const open = user !== null;

  // A fresh form for each member: what they are under now, no leftover reason or error.
  const [shownFor, setShownFor] = useState<string | null>(null);
  if ((user?.id ?? null) !== shownFor) {
    setShownFor(user?.id ?? null);
    setCurrent(null);
    setError(null);
    setReason("");
    setMinutes(MUTE_CHOICES[1].minutes);
  }

  useEffect(() => {
    if (!user) return;
    let stale = false;
    void memberRestrictionsAction({ roomSlug, userId: user.id }).then((result) => {
      if (stale) return;
      if (result.ok && result.data) setCurrent(result.data);
      else if (!result.ok) setError({ message: result.message });
    });
    return () => {
      stale = true;
    };
  }, [roomSlug, user]);

  const requestClose = () => {
    if (!pending) onClose();
  };

  function run(action: () => Promise<ActionResult>) {
    // Enter in the reason field submits even while a button shows it is busy: never twice.
    if (pending) return;
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setError({ message: result.message, fields: result.fields });
        return;
      }
      toast({ message: result.message, tone: "success" });
      onClose();
    });
  }

  const ref = user ? { roomSlug, userId: user.id } : null;
  // Mute and ban wait for the lookup: a moderator acts knowing what the member is under already.
  const loading = current === null && !error;
  const fieldError = error?.fields?.minutes ?? error?.fields?.reason;

  return (
    // No close on a backdrop click: a stray click must not lose a reason being typed.
    <ModalDialog
      open={open}
      onClose={onClose}
      busy={pending}
      closeOnBackdrop={false}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-testid="moderate-member-dialog"
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(28rem,calc(100vw-2rem))] overflow-y-auto rounded-2xl border border-line bg-surface p-0 text-ink shadow-2xl shadow-black/20 backdrop:bg-slate-950/50 backdrop:backdrop-blur-[2px] dark:shadow-black/60"
    >
      {user && ref ? (
        <form
          className="space-y-5 p-5 sm:p-6"
          onSubmit={(event) => {
            // Enter in the reason field mutes: the everyday action.
            event.preventDefault();
            run(() => muteMemberAction({ ...ref, minutes, reason }));
          }}
        >
          <div>
            <h2 id={titleId} className="text-lg leading-snug font-semibold tracking-tight break-words">
              Moderate {user.name}
            </h2>
            <p id={descriptionId} className="mt-1 text-sm text-ink-muted">
              @{user.username}, in this room only. They are told why, and until when.
            </p>
          </div>

          {error && !fieldError ? <FormAlert tone="error">{error.message}</FormAlert> : null}

          <CurrentRestrictions
            current={current}
            loading={loading}
            pending={pending}
            onLiftBan={() => run(() => unbanMemberAction(ref))}
            onUnmute={() => run(() => unmuteMemberAction(ref))}
          />

          <fieldset className="space-y-2">
            <legend className="mb-1.5 text-sm font-medium">Mute for</legend>
            <div className="grid grid-cols-2 gap-2">
              {MUTE_CHOICES.map((choice) => (
                <label
                  key={choice.minutes}
                  className="flex cursor-pointer items-center gap-2 rounded-lg border border-line px-3 py-2 text-sm has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-2 has-focus-visible:outline-ring"
                >
                  <input
                    type="radio"
                    name="minutes"
                    value={choice.minutes}
                    checked={minutes === choice.minutes}
                    onChange={() => setMinutes(choice.minutes)}
                    className="accent-[var(--color-accent)]"
                  />
                  {choice.label}
                </label>
              ))}
            </div>
            {error?.fields?.minutes ? <FieldError id={`${reasonId}-minutes`}>{error.fields.minutes}</FieldError> : null}
          </fieldset>

          <div>
            <label htmlFor={reasonId} className="mb-1.5 block text-sm font-medium">
              Reason <span className="font-normal text-ink-subtle">(shown to them)</span>
            </label>
            <input
              id={reasonId}
              data-autofocus=""
              value={reason}
              maxLength={REASON_MAX}
              onChange={(event) => setReason(event.currentTarget.value)}
              placeholder="e.g. spamming"
              aria-invalid={error?.fields?.reason ? true : undefined}
              aria-describedby={error?.fields?.reason ? `${reasonId}-error` : undefined}
              className="block h-11 w-full rounded-lg border border-line-strong bg-surface px-3 text-base shadow-sm focus:border-accent focus:outline-none focus-visible:ring-3 focus-visible:ring-ring/30 sm:h-10 sm:text-sm"
            />
            {error?.fields?.reason ? <FieldError id={`${reasonId}-error`}>{error.fields.reason}</FieldError> : null}
          </div>

          <div className="flex flex-col-reverse gap-2 border-t border-line pt-4 sm:flex-row sm:justify-end">
            <Button variant="ghost" onClick={requestClose}>
              Cancel
            </Button>
            <Button
              variant="danger"
              pending={pending}
              disabled={loading}
              onClick={() => run(() => banMemberAction({ ...ref, reason }))}
              data-testid="ban-member"
            >
              Ban from room
            </Button>
            <Button type="submit" pending={pending} disabled={loading} data-testid="mute-member">
              Mute
            </Button>
          </div>
        </form>
      ) : null}
    </ModalDialog>
  );
}
