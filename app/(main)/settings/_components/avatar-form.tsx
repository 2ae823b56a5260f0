"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import { AVATAR_ACCEPT, AVATAR_MAX_BYTES } from "@/lib/validation/profile";
import { OutlineIcon } from "@/components/ui/icons";

export interface AvatarFormProps {
  userId: string;
  name: string;
  avatarUrl: string | null;
  /** An uploaded picture (removable), rather than a provider's picture or initials. */
  hasUploadedAvatar: boolean;
}

interface ErrorBody {
  error?: { message?: string };
}

async function messageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  return body.error?.message ?? "The upload failed. Please try again.";
}

/**
 * Upload and removal go through /api/avatars/<id> rather than a server action: images may be
 * up to 2 MB, and the route reads them with a hard cap and answers JSON errors.
 */
export function AvatarForm({ userId, name, avatarUrl, hasUploadedAvatar }: AvatarFormProps) {
  const router = useRouter();
  const { toast } = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // A new object per failure, so the same message twice still moves focus again.
  const [failure, setFailure] = useState<{ message: string } | null>(null);
  const error = failure?.message ?? null;
  const [busy, setBusy] = useState<"upload" | "remove" | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const pending = busy !== null || refreshing;

  // Once the alert is on screen, move focus to it so the reason is read out.
  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  function fail(message: string) {
    setFailure({ message });
  }

  async function upload(file: File) {
    setFailure(null);
    // Only a quick hint: the server checks the size again and reads the real format itself.
    if (file.size > AVATAR_MAX_BYTES) {
      fail(
        `Images can be at most 2 MB; this one is ${(file.size / (1024 * 1024)).toFixed(1)} MB. Try a smaller picture.`,
      );
      return;
    }
    await send(
      "upload",
      () =>
        fetch(`/api/avatars/${userId}`, {
          method: "PUT",
          headers: { "Content-Type": file.type || "application/octet-stream" },
          body: file,
        }),
      "Your new picture is saved.",
      "The upload did not reach the server. Check your connection and try again.",
    );
    if (inputRef.current) inputRef.current.value = "";
  }

  async function remove() {
    setFailure(null);
    await send(
      "remove",
      () => fetch(`/api/avatars/${userId}`, { method: "DELETE" }),
      "Picture removed.",
      "That did not reach the server. Check your connection and try again.",
    );
  }

  /** One request to the avatar route: a toast and a refresh when it worked, the reason when not. */
  async function send(kind: "upload" | "remove", request: () => Promise<Response>, done: string, offline: string) {
    setBusy(kind);
    try {
      const response = await request();
      if (!response.ok) {
        fail(await messageOf(response));
        return;
      }
      toast({ id: "settings-avatar", message: done, tone: "success" });
      startRefresh(() => router.refresh());
    } catch {
      fail(offline);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-col gap-5 sm:flex-row sm:items-center" data-testid="avatar-form">
      <div className="relative w-fit">
        <Avatar name={name} image={avatarUrl} size="xl" className="ring-1 ring-line sm:size-20" />
        {pending ? (
          <span
            className="absolute inset-0 flex items-center justify-center rounded-full bg-surface/70"
            aria-hidden="true"
          >
            <span className="size-6 animate-spin rounded-full border-2 border-accent border-t-transparent motion-reduce:animate-none" />
          </span>
        ) : null}
      </div>
      <div className="min-w-0 flex-1 space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          {/* The label is the visible button, so the file picker opens from the keyboard too. */}
          <label
            htmlFor="avatar-file"
            aria-disabled={pending || undefined}
            className={buttonClasses({
              variant: "secondary",
              size: "sm",
              className: `cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring ${pending ? "pointer-events-none opacity-60" : ""}`,
            })}
          >
            <OutlineIcon className="size-4">
              <path d="M10 13V3.5M6 7.5l4-4 4 4M3.5 13v2A1.5 1.5 0 0 0 5 16.5h10a1.5 1.5 0 0 0 1.5-1.5v-2" />
            </OutlineIcon>
            {busy === "upload" ? "Uploading…" : "Upload picture"}
            <input
              ref={inputRef}
              id="avatar-file"
              name="avatar"
              type="file"
              accept={AVATAR_ACCEPT}
              disabled={pending}
              className="sr-only"
              aria-describedby="avatar-hint"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) void upload(file);
              }}
            />
          </label>
          {hasUploadedAvatar ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => void remove()}
              pending={busy === "remove"}
              pendingText="Removing…"
              disabled={busy === "upload"}
            >
              Remove
            </Button>
          ) : null}
        </div>
        <p id="avatar-hint" className="text-sm text-ink-muted">
          PNG, JPEG or WebP, up to 2 MB. We crop it to a square.
          {hasUploadedAvatar ? null : " Without one, your initials are shown."}
        </p>
        {error ? (
          <FormAlert ref={alertRef} tone="error" dismissible onDismiss={() => setFailure(null)}>
            <span data-testid="avatar-error">{error}</span>
          </FormAlert>
        ) : null}
      </div>
    </div>
  );
}
