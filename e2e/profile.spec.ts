// Profiles (/u/<username>): signed-in only, with what a member hosts and wrote; avatars uploaded
// in settings show there, served from the database with long-lived caching.
import { expect, test, type Page } from "./support/test";
import sharp from "sharp";
import { SEED_PASSWORD, signInViaApi } from "./support/accounts";
import { createMember, createRoom, userIdOf } from "./support/members";

/** A small PNG photo stand-in: a wide gradient-ish block, so the crop has something to do. */
function samplePng(width = 480, height = 320): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 79, g: 70, b: 229 } } })
    .composite([
      {
        input: { create: { width: width / 2, height, channels: 3, background: { r: 236, g: 72, b: 153 } } },
        left: width / 2,
        top: 0,
      },
    ])
    .png()
    .toBuffer();
}

async function signInThroughForm(page: Page, identifier: string, password: string) {
  await page.getByLabel("Email or username").fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test.describe("profile page", () => {
  test("needs sign-in, then comes back to the profile", async ({ page }) => {
    await page.goto("/u/alice");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fu%2Falice$/);

    await signInThroughForm(page, "bob", SEED_PASSWORD);
    await expect(page).toHaveURL(/\/u\/alice$/);
    await expect(page.getByRole("heading", { level: 1, name: "Alice Johnson" })).toBeVisible();
  });

  test("shows the member, the rooms they host and what they wrote lately", async ({ page }) => {
    await signInViaApi(page, "bob", SEED_PASSWORD);
    const response = await page.goto("/u/alice");
    expect(response?.status()).toBe(200);

    const card = page.getByTestId("profile-card");
    await expect(card.getByRole("heading", { level: 1 })).toHaveText("Alice Johnson");
    await expect(page.getByTestId("profile-username")).toHaveText("@alice");
    await expect(page.getByTestId("profile-bio")).toHaveText("Python tinkerer and weekend climber.");
    await expect(card).toContainText(/Member since\s*\w+ \d{4}/);
    await expect(card.getByRole("img", { name: "Alice Johnson" })).toBeVisible();

    const hosted = page.getByTestId("hosted-rooms");
    await expect(hosted.getByRole("link", { name: /Python basics/ })).toHaveAttribute("href", "/rooms/python-basics");

    // Newest first, each with its room (a link) and a relative time with the exact one on hover.
    const first = page.getByTestId("recent-message").first();
    await expect(first.getByRole("link")).toHaveAttribute("href", /^\/rooms\/[a-z0-9-]+#message-\d+$/);
    await expect(first.getByRole("link")).toContainText(/^in \S/);
    await expect(first.locator("time")).toHaveText(/ago$/);
    await expect(first.locator("time")).toHaveAttribute("title", /\d{4}/);

    // Another member's profile has no edit link; your own does.
    await expect(page.getByRole("link", { name: "Edit profile" })).toHaveCount(0);
    await page.goto("/u/bob");
    await expect(page.getByRole("link", { name: "Edit profile" })).toHaveAttribute("href", "/settings");
  });

  test("usernames are case-insensitive; an unknown one is a 404 page", async ({ page }) => {
    await signInViaApi(page, "bob", SEED_PASSWORD);
    await page.goto("/u/ALICE");
    await expect(page.getByRole("heading", { level: 1, name: "Alice Johnson" })).toBeVisible();

    const response = await page.goto("/u/nobody_by_this_name");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No member by that name" })).toBeVisible();
    expect((await page.goto("/u/not%20valid!"))?.status()).toBe(404);
  });
});

test.describe("avatars", () => {
  test("an uploaded picture shows on the profile, is served as a 256×256 WebP, and can be removed", async ({
    page,
    baseURL,
  }) => {
    const member = await createMember({ prefix: "av" });
    await signInViaApi(page, member.username, member.password ?? "");
    await page.goto("/settings");

    const form = page.getByTestId("avatar-form");
    await expect(form.getByRole("img", { name: member.name })).not.toHaveAttribute("src");
    await form
      .getByLabel("Upload picture")
      .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: await samplePng() });
    await expect(page.getByTestId("toast").filter({ hasText: "Your new picture is saved." })).toBeVisible();
    const img = form.locator(`img[src^="/api/avatars/${member.id}?v="]`);
    await expect(img).toBeVisible();
    await expect(form.getByRole("button", { name: "Remove" })).toBeVisible();

    await page.goto(`/u/${member.username}`);
    const profileImg = page.getByTestId("profile-card").getByRole("img", { name: member.name });
    await expect(profileImg).toHaveAttribute("src", new RegExp(`^/api/avatars/${member.id}\\?v=\\d+$`));
    // It really loaded (a broken image has no natural width).
    await expect.poll(() => profileImg.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(256);

    const src = (await profileImg.getAttribute("src")) ?? "";
    const served = await page.request.get(new URL(src, baseURL).toString());
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/webp");
    expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const meta = await sharp(await served.body()).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 256, height: 256 });

    // Remove it: initials again, and the route has nothing to serve.
    await page.goto("/settings");
    await page.getByTestId("avatar-form").getByRole("button", { name: "Remove" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Picture removed." })).toBeVisible();
    await expect(page.getByTestId("avatar-form").locator("img")).toHaveCount(0);
    const gone = await page.request.get(`/api/avatars/${member.id}`);
    expect(gone.status()).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: "not_found:avatar" } });
  });

  test("a file that is not an image, or is too large, is refused with a message", async ({ page }) => {
    const member = await createMember({ prefix: "avbad" });
    await signInViaApi(page, member.username, member.password ?? "");
    await page.goto("/settings");
    const upload = page.getByTestId("avatar-form").getByLabel("Upload picture");

    // Named and typed as a PNG, but it is text: the server reads the bytes.
    await upload.setInputFiles({
      name: "photo.png",
      mimeType: "image/png",
      buffer: Buffer.from("this is not really a picture"),
    });
    await expect(page.getByTestId("avatar-error")).toHaveText(
      "This file is not an image we can use. Upload a PNG, JPEG or WebP image.",
    );
    await expect(page.getByRole("alert").filter({ hasText: "not an image" })).toBeFocused();

    // A real GIF is an image, but not one of the three formats.
    const gif = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#fff" } })
      .gif()
      .toBuffer();
    await upload.setInputFiles({ name: "anim.png", mimeType: "image/png", buffer: gif });
    await expect(page.getByTestId("avatar-error")).toHaveText("This is a GIF file. Upload a PNG, JPEG or WebP image.");

    await upload.setInputFiles({
      name: "huge.png",
      mimeType: "image/png",
      buffer: Buffer.alloc(2 * 1024 * 1024 + 10, 1),
    });
    await expect(page.getByTestId("avatar-error")).toContainText("Images can be at most 2 MB");
    await expect(page.getByTestId("avatar-form").locator("img")).toHaveCount(0);
  });

  test("the avatar route answers JSON errors", async ({ page, playwright, baseURL }) => {
    const member = await createMember({ prefix: "avapi" });
    await signInViaApi(page, member.username, member.password ?? "");
    const api = page.context().request;

    const tooLarge = await api.put(`/api/avatars/${member.id}`, {
      data: Buffer.alloc(2 * 1024 * 1024 + 1, 1),
      headers: { "Content-Type": "image/png" },
    });
    expect(tooLarge.status()).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: { code: "too_large:avatar" } });

    const notImage = await api.put(`/api/avatars/${member.id}`, {
      data: Buffer.from("<svg/>"),
      headers: { "Content-Type": "image/png" },
    });
    expect(notImage.status()).toBe(415);

    const someoneElse = await api.put(`/api/avatars/${await userIdOf("alice")}`, {
      data: await samplePng(),
      headers: { "Content-Type": "image/png" },
    });
    expect(someoneElse.status()).toBe(403);

    // Multipart works too (field "avatar"), for clients other than the settings page.
    const multipart = await api.put(`/api/avatars/${member.id}`, {
      multipart: {
        avatar: {
          name: "a.jpg",
          mimeType: "image/jpeg",
          buffer: await sharp(await samplePng())
            .jpeg()
            .toBuffer(),
        },
      },
    });
    expect(multipart.status()).toBe(200);
    expect(await multipart.json()).toMatchObject({
      avatarUrl: expect.stringMatching(`^/api/avatars/${member.id}\\?v=`),
    });

    const anonymous = await playwright.request.newContext({ baseURL });
    const signedOut = await anonymous.put(`/api/avatars/${member.id}`, {
      data: await samplePng(),
      headers: { "Content-Type": "image/png" },
    });
    expect(signedOut.status()).toBe(401);
    expect((await anonymous.get("/api/avatars/not-an-id!")).status()).toBe(400);
    // Avatars are public (rooms are readable signed out).
    expect((await anonymous.get(`/api/avatars/${member.id}`)).status()).toBe(200);
    await anonymous.dispose();
  });
});

test.describe("room page (read-only)", () => {
  test("shows the header and the latest messages, oldest first, grouped by author and escaped", async ({ page }) => {
    const [alice, bob] = [await userIdOf("alice"), await userIdOf("bob")];
    const room = await createRoom({
      hostId: alice,
      name: "Reading room",
      messages: [
        { authorId: alice, body: "First from Alice." },
        { authorId: alice, body: "<b>not bold</b>\nline two" },
        { authorId: bob, body: "Bob here." },
        { authorId: null, body: "From someone who left." },
        { authorId: null, body: "From someone else who left." },
      ],
    });

    // Rooms are readable signed out.
    const response = await page.goto(`/rooms/${room.slug}`);
    expect(response?.status()).toBe(200);
    const header = page.getByTestId("room-header");
    await expect(header.getByRole("heading", { level: 1 })).toHaveText("Reading room");
    await expect(page.getByTestId("room-topic")).toHaveText("Python");
    await expect(page.getByTestId("room-host").getByRole("link")).toHaveAttribute("href", "/u/alice");
    await expect(page.getByTestId("room-host")).toContainText("@alice");
    await expect(page.getByTestId("room-description")).toHaveText("A room for the Reading room spec.");

    const messages = page.getByTestId("message");
    await expect(messages).toHaveCount(5);
    await expect(messages.getByTestId("message-body")).toHaveText([
      "First from Alice.",
      "<b>not bold</b>\nline two",
      "Bob here.",
      "From someone who left.",
      "From someone else who left.",
    ]);
    // Escaped, not markup.
    await expect(page.getByTestId("message-list").locator("b")).toHaveCount(0);
    // Alice's two messages are one group: one avatar and visible name, the second names her for screen readers.
    await expect(messages.nth(0)).toHaveAttribute("data-group-start", "true");
    await expect(messages.nth(1)).not.toHaveAttribute("data-group-start", "true");
    await expect(messages.nth(1)).toContainText("Alice Johnson");
    await expect(messages.nth(0).getByRole("link", { name: "Alice Johnson" })).toHaveAttribute("href", "/u/alice");
    await expect(messages.nth(0).locator("time")).toHaveAttribute("title", /\d{4}/);
    // Deleted accounts never group: each anonymous message has its own neutral avatar.
    await expect(messages.nth(3)).toContainText("Anonymous User");
    await expect(messages.nth(4)).toHaveAttribute("data-group-start", "true");
    await expect(page.getByTestId("anonymous-avatar")).toHaveCount(2);
  });

  test("an unknown room is a 404 page", async ({ page }) => {
    const response = await page.goto("/rooms/no-such-room-here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});
