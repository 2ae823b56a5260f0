// Seeds sample data (prisma/seed-data.ts). Idempotent: every row is keyed on a natural unique
// value, so running it again adds nothing. `npm run db:seed` runs it; `npm run dev` runs it on
// an empty database.
import { pathToFileURL } from "node:url";
import { hashPassword } from "../lib/auth/password";
import { db, disconnectDb } from "../lib/db/client";
import { recountParticipants } from "../lib/db/participants";
import { recountTopicRooms } from "../lib/db/topics";
import { seedRooms, seedTopics, seedUsers, SEED_PASSWORD } from "./seed-data";
import { seedStudy } from "./seed-study";
import { baseSlug } from "../lib/rooms/slug";

const MINUTE = 60_000;

export interface SeedSummary {
  users: number;
  topics: number;
  rooms: number;
  messages: number;
}

export async function seed(now = new Date()): Promise<SeedSummary> {
  const passwordHash = await hashPassword(SEED_PASSWORD);
  const userIds = new Map<string, string>();
  for (const u of seedUsers) {
    const user = await db.user.upsert({
      where: { email: u.email },
      // Never overwrite what someone changed locally (a new password, a bio).
      update: {},
      create: { ...u, passwordHash, emailVerifiedAt: now },
      select: { id: true },
    });
    userIds.set(u.username, user.id);
  }

  const topicIds = new Map<string, string>();
  for (const name of seedTopics) {
    const slug = baseSlug(name, "topic");
    const topic = await db.topic.upsert({ where: { slug }, update: {}, create: { name, slug }, select: { id: true } });
    topicIds.set(name, topic.id);
  }

  // Spread the conversations over the last days so the feed and relative times look real.
  let messages = 0;
  for (const [roomIndex, r] of seedRooms.entries()) {
    const hostId = userIds.get(r.host);
    const topicId = topicIds.get(r.topic);
    if (!hostId || !topicId) throw new Error(`seed data: unknown host or topic in ${r.slug}`);
    const startedAt = new Date(now.getTime() - (roomIndex * 7 + r.script.length * 3 + 60) * MINUTE * 9);
    const lines = r.script.map((line, i) => {
      const [username, ...rest] = line.split(": ");
      const authorId = userIds.get(username ?? "");
      if (!authorId) throw new Error(`seed data: unknown author in ${r.slug}: ${line}`);
      return {
        authorId,
        body: rest.join(": "),
        createdAt: new Date(startedAt.getTime() + i * 7 * MINUTE),
        clientKey: `seed:${r.slug}:${i}`,
      };
    });
    const lastActivityAt = lines.at(-1)?.createdAt ?? startedAt;

    const room = await db.room.upsert({
      where: { slug: r.slug },
      update: {},
      create: {
        slug: r.slug,
        name: r.name,
        description: r.description,
        topicId,
        hostId,
        createdAt: startedAt,
        lastActivityAt,
      },
      select: { id: true },
    });
    const participantIds = new Set([hostId, ...lines.map((l) => l.authorId)]);
    await db.participant.createMany({
      data: [...participantIds].map((userId) => ({ roomId: room.id, userId, joinedAt: startedAt })),
      skipDuplicates: true,
    });
    await recountParticipants({ roomIds: [room.id] });
    const created = await db.message.createMany({
      data: lines.map((l) => ({ ...l, roomId: room.id })),
      skipDuplicates: true,
    });
    messages += created.count;
  }

  // Rooms were upserted straight (idempotent, with fixed dates), not through createRoom: bring the
  // topics' room counts in line with them.
  await recountTopicRooms();
  await seedStudy(now, userIds);
  return { users: seedUsers.length, topics: seedTopics.length, rooms: seedRooms.length, messages };
}

/** True when the database holds no users: `npm run dev` seeds only then. */
export async function isDatabaseEmpty(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  seed()
    .then((summary) => {
      console.log(
        `Seeded ${summary.rooms} rooms, ${summary.topics} topics, ${summary.users} users (${summary.messages} new messages).`,
      );
      console.log(`Sign in as admin@roomful.local with password ${SEED_PASSWORD}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => disconnectDb());
}
