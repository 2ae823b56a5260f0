"use client";
// The message composer, pinned under the conversation: the text box for a member who may post
// (posting-composer.tsx), or a clear line in its place for visitors, unconfirmed members, a
// deleted or locked room, and a muted or banned member (composer-notices.tsx).
import type { PostingBlock } from "@/lib/chat/client/posting-restriction";
import { PostingBlockNotice, RoomDeletedNotice, SignedOutNotice, UnverifiedNotice } from "./composer-notices";
import dynamic from "next/dynamic";
import type { PostingComposerProps } from "./posting-composer";

// Server-rendered for members who may post; visitors' browsers never load it.
const PostingComposer = dynamic(() => import("./posting-composer").then((m) => m.PostingComposer));

export type ComposerMode = "post" | "signed-out" | "unverified" | "room-deleted" | "restricted";

export interface ComposerProps extends PostingComposerProps {
  slug: string;
  mode: ComposerMode;
  /** With mode "restricted": what keeps the viewer from posting, worded for them. */
  block?: PostingBlock | null;
}

export function Composer({ slug, mode, block, ...posting }: ComposerProps) {
  if (mode === "restricted" && block) return <PostingBlockNotice block={block} />;
  if (mode === "room-deleted") return <RoomDeletedNotice />;
  if (mode === "signed-out") return <SignedOutNotice slug={slug} />;
  if (mode === "unverified") return <UnverifiedNotice />;
  return <PostingComposer {...posting} slug={slug} />;
}
