// Message search (issue 17 item 4): a member searches a room from its conversation bar, finds an old message with
// the searched word marked, and a click opens it in place, highlighted; the same search across rooms names the room
// and opens the message in it; visitors may search a room but are sent to sign in for every room; bad input says why.
import { expect, test } from "./support/test";
import { insertMessages, messageWith, openRoom } from "./support/chat";
import { createMember, createRoom, signInByCookie } from "./support/members";

/** A word no other spec writes (letters only, so search keeps it one word). */
function uniqueWord(base: string): string {
  return `${base}${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
}

test("a member finds an old message in a room and opens it highlighted in place", async ({
  page,
  context,
  baseURL,
}) => {
  const member = await createMember({ prefix: "seeker" });
  const word = uniqueWord("walrus");
  const room = await createRoom({
    hostId: member.id,
    name: "Search spec",
    messages: [{ authorId: member.id, body: `The ${word} plan is ready for review` }],
  });
  // Enough newer messages that the found one is far outside the first page.
  await insertMessages(room.id, member.id, 200, "Filler");
  await signInByCookie(context, baseURL ?? "", member);
  await openRoom(page, room);
  await expect(messageWith(page, `The ${word} plan is ready for review`)).toHaveCount(0);

  await page.getByTestId("message-search-open").click();
  const panel = page.getByTestId("message-search-panel");
  await expect(panel).toBeVisible();
  await panel.getByRole("searchbox", { name: "Search messages in this room" }).fill(word);
  await panel.getByRole("searchbox", { name: "Search messages in this room" }).press("Enter");

  const result = panel.getByTestId("message-result");
  await expect(result).toHaveCount(1);
  await expect(result.getByTestId("highlight")).toHaveText(word);
  await expect(result.getByTestId("message-result-author")).toHaveText(member.name);

  await result.getByRole("link").click();
  await expect(panel).toBeHidden();
  const found = messageWith(page, `The ${word} plan is ready for review`);
  await expect(found).toHaveAttribute("data-highlighted", "true");
  await expect(found).toBeInViewport();
});

test("across rooms: the result names its room and opens the message there", async ({ page, context, baseURL }) => {
  const member = await createMember({ prefix: "seeker" });
  const word = uniqueWord("narwhal");
  const room = await createRoom({
    hostId: member.id,
    name: "Search elsewhere",
    messages: [{ authorId: member.id, body: `Who brought the ${word}?` }],
  });
  await signInByCookie(context, baseURL ?? "", member);
  await page.goto(`/search/messages?q=${word}`);
  const result = page.getByTestId("message-result");
  await expect(result).toHaveCount(1);
  await expect(result.getByTestId("message-result-room")).toHaveText(`in ${room.name}`);
  await result.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/rooms/${room.slug}\\?m=\\d+`));
  await expect(messageWith(page, `Who brought the ${word}?`)).toHaveAttribute("data-highlighted", "true");
});

test("bad input and only common words get a clear message", async ({ page, context, baseURL }) => {
  const member = await createMember({ prefix: "seeker" });
  await signInByCookie(context, baseURL ?? "", member);
  await page.goto(`/search/messages?q=${"a".repeat(201)}`);
  await expect(page.getByTestId("message-search-error")).toHaveText("Searches have at most 200 characters.");
  await page.goto("/search/messages?q=the+and+of");
  await expect(page.getByTestId("message-search-notice")).toContainText("only very common words");
});

test("visitors search a room, and are sent to sign in to search every room", async ({ page, request }) => {
  const host = await createMember({ prefix: "host" });
  const word = uniqueWord("puffin");
  const room = await createRoom({
    hostId: host.id,
    name: "Search open",
    messages: [{ authorId: host.id, body: word }],
  });
  const inRoom = await request.get(`/api/rooms/${room.slug}/messages/search?q=${word}`);
  expect(inRoom.status()).toBe(200);
  expect((await inRoom.json()) as unknown).toMatchObject({ results: [{ excerpt: word }] });
  const everywhere = await request.get(`/api/search/messages?q=${word}`);
  expect(everywhere.status()).toBe(401);

  await page.goto(`/search/messages?q=${word}`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});
