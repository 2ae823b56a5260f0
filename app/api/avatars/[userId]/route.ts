// Avatars: GET serves a member's uploaded picture from the database (versioned URLs, cached for
// a year); PUT uploads a new one (the member themself; raw image body or multipart field
// "avatar"); DELETE removes it (the member, or a moderator: lib/avatars.ts). Errors are JSON with a typed code.
import { NextResponse, type NextRequest } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { avatarTooLarge, deleteAvatarAs, uploadAvatarAs } from "@/lib/avatars";
import { findAvatar } from "@/lib/db/avatars";
import { AppError, errorResponse, notFound } from "@/lib/errors";
import { readBodyCapped } from "@/lib/http/body";
import { AVATAR_MAX_BYTES, AVATAR_MULTIPART_OVERHEAD, userIdParamSchema } from "@/lib/validation/profile";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ userId: string }>;
}

async function userIdFrom(context: RouteContext): Promise<string> {
  const parsed = userIdParamSchema.safeParse((await context.params).userId);
  if (!parsed.success) throw new AppError("invalid:user_id", "That is not a valid user id.", 400);
  return parsed.data;
}

function etagOf(userId: string, updatedAt: Date): string {
  return `"${userId}-${updatedAt.getTime()}"`;
}

export async function GET(request: NextRequest, context: RouteContext): Promise<Response> {
  try {
    const userId = await userIdFrom(context);
    const avatar = await findAvatar({ userId });
    if (!avatar) throw notFound("avatar", "This member has no uploaded avatar.");
    const etag = etagOf(userId, avatar.updatedAt);
    const headers = {
      "Content-Type": avatar.mimeType,
      // The URL carries ?v=<updatedAt>, so any copy of it stays right forever.
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: etag,
      "Last-Modified": avatar.updatedAt.toUTCString(),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(avatar.data), {
      headers: { ...headers, "Content-Length": String(avatar.data.byteLength) },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

async function uploadedBytes(request: NextRequest): Promise<Uint8Array> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    return readBodyCapped(request, AVATAR_MAX_BYTES, avatarTooLarge);

  const raw = await readBodyCapped(request, AVATAR_MAX_BYTES + AVATAR_MULTIPART_OVERHEAD, avatarTooLarge);
  let form: FormData;
  try {
    form = await new Response(new Blob([new Uint8Array(raw)]), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid:avatar", "The upload could not be read. Try again.", 400, {
      avatar: "Unreadable upload.",
    });
  }
  const file = form.get("avatar");
  if (!(file instanceof Blob)) {
    throw new AppError("invalid:avatar", "Choose an image to upload.", 400, { avatar: "Choose an image to upload." });
  }
  if (file.size > AVATAR_MAX_BYTES) throw avatarTooLarge(file.size);
  return new Uint8Array(await file.arrayBuffer());
}

export async function PUT(request: NextRequest, context: RouteContext): Promise<Response> {
  try {
    const user = await requireUser();
    const userId = await userIdFrom(context);
    return NextResponse.json(await uploadAvatarAs(user, userId, () => uploadedBytes(request)));
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: NextRequest, context: RouteContext): Promise<Response> {
  try {
    const user = await requireUser();
    const userId = await userIdFrom(context);
    await deleteAvatarAs(user, userId);
    return NextResponse.json({ removed: true });
  } catch (error) {
    return errorResponse(error);
  }
}
