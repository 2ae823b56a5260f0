// Bulk sample data for benchmarks: tens of thousands of users, topics, rooms and messages made
// inside PostgreSQL (INSERT … SELECT over generate_series, words picked from arrays passed as
// parameters), so 100,000 rooms take seconds rather than 100,000 round trips. Deterministic:
// every pick is a hash of the row number, so two runs make the same data.
import type pg from "pg";

export const FIRST_NAMES = [
  "Maria",
  "James",
  "Aisha",
  "Chen",
  "Olga",
  "Diego",
  "Priya",
  "Liam",
  "Fatima",
  "Noah",
  "Yuki",
  "Emma",
  "Mateo",
  "Zara",
  "Ivan",
  "Amara",
  "Lucas",
  "Mei",
  "Omar",
  "Sofia",
  "Kwame",
  "Elena",
  "Ravi",
  "Hana",
  "Jonas",
  "Leila",
  "Tomas",
  "Ines",
  "Kenji",
  "Nadia",
  "Felix",
  "Anika",
  "Pablo",
  "Sara",
  "Arjun",
  "Chloe",
] as const;

export const LAST_NAMES = [
  "Garcia",
  "Smith",
  "Okafor",
  "Wang",
  "Ivanova",
  "Lopez",
  "Patel",
  "Murphy",
  "Haddad",
  "Kim",
  "Tanaka",
  "Schmidt",
  "Rossi",
  "Nguyen",
  "Kowalski",
  "Mensah",
  "Silva",
  "Cohen",
  "Dubois",
  "Jensen",
  "Sato",
  "Ali",
  "Novak",
  "Costa",
  "Moreau",
  "Berg",
  "Fischer",
  "Khan",
  "Larsen",
  "Reyes",
] as const;

/** 50 subjects × 20 angles = 1,000 distinct topic names (no punctuation, so slugs stay distinct). */
export const TOPIC_SUBJECTS = [
  "Python",
  "JavaScript",
  "TypeScript",
  "Rust",
  "Golang",
  "Kotlin",
  "Swift",
  "Haskell",
  "Elixir",
  "Ruby",
  "Calculus",
  "Linear algebra",
  "Statistics",
  "Probability",
  "Geometry",
  "Number theory",
  "Physics",
  "Chemistry",
  "Biology",
  "Astronomy",
  "Machine learning",
  "Data science",
  "Databases",
  "Networking",
  "Security",
  "Cloud computing",
  "DevOps",
  "Game design",
  "UX design",
  "Typography",
  "Photography",
  "Film making",
  "Music theory",
  "Guitar",
  "Piano",
  "Chess",
  "Cooking",
  "Baking",
  "Gardening",
  "Running",
  "Climbing",
  "Cycling",
  "Spanish",
  "Japanese",
  "French",
  "German",
  "Job hunting",
  "Career change",
  "Freelancing",
  "Startups",
] as const;

export const TOPIC_ANGLES = [
  "",
  "for beginners",
  "advanced",
  "study group",
  "projects",
  "interviews",
  "news",
  "help desk",
  "book club",
  "in practice",
  "tips",
  "weekly challenge",
  "careers",
  "research",
  "tools",
  "history",
  "meetups",
  "mentoring",
  "showcase",
  "questions",
] as const;

const ROOM_OPENERS = [
  "Weekend",
  "Late night",
  "Morning",
  "Friendly",
  "Serious",
  "Casual",
  "Daily",
  "Beginner",
  "Expert",
  "Sunday",
  "Remote",
  "Open",
  "Quiet",
  "Lively",
  "Weekly",
  "Slow",
  "Deep dive",
  "Quick",
  "Pair",
  "Global",
] as const;

const ROOM_NOUNS = [
  "study group",
  "hangout",
  "workshop",
  "office hours",
  "Q and A",
  "reading circle",
  "code review",
  "practice room",
  "support group",
  "lounge",
  "sprint",
  "clinic",
  "roundtable",
  "coffee chat",
  "lab",
] as const;

// Descriptions are put together from parts, so that one word is in a few percent of the rooms
// (as in real text), not in every room that drew the same fixed sentence.
const AUDIENCES = [
  "beginners",
  "self-taught developers",
  "students",
  "career changers",
  "hobbyists",
  "night owls",
  "parents with little time",
  "retirees",
  "teachers",
  "researchers",
  "bootcamp graduates",
  "freelancers",
  "people preparing for exams",
  "working professionals",
  "curious people",
  "anyone stuck on homework",
] as const;

const GOALS = [
  "get better at",
  "finally understand",
  "practise",
  "talk about",
  "teach each other",
  "build things with",
  "prepare interviews about",
  "keep up with news on",
  "swap notes on",
  "ask questions about",
  "read papers on",
  "share projects in",
  "find study partners for",
  "make friends through",
  "review each other's work in",
] as const;

const RHYTHMS = [
  "We meet every Sunday evening.",
  "Live sessions happen twice a week.",
  "Mostly async, drop in any time.",
  "A new challenge lands every Monday.",
  "We read one chapter a week.",
  "Office hours on Thursdays.",
  "Monthly meetups in Berlin and online.",
  "Pair sessions are organised in the pinned thread.",
  "Weekly recaps are posted on Fridays.",
  "Daily standups for accountability.",
  "Quiet most days, busy before deadlines.",
  "Guest speakers drop by now and then.",
] as const;

const EXTRAS = [
  "Be kind: everyone was a beginner once.",
  "No spam and no self-promotion, please.",
  "Salary talk is welcome.",
  "Bring your questions, however small.",
  "Share your setup and your mistakes.",
  "Homework help means explaining, not solving.",
  "Resources are pinned for newcomers.",
  "Expect the occasional terrible pun.",
  "English and Spanish both welcome.",
  "Screenshots beat long descriptions.",
  "Post your progress and cheer others on.",
  "Honest feedback, gently delivered.",
  "We keep a shared glossary.",
  "Mock interviews on request.",
  "Links to free courses in the sidebar.",
  "Mentors answer within a day.",
  "Accessibility questions are always on topic.",
  "Memes on Fridays only.",
  "Looking for moderators.",
  "Recordings of past sessions are linked.",
  "Code of conduct applies.",
  "Ask before sending private messages.",
  "All time zones welcome.",
  "We celebrate small wins.",
] as const;

const MESSAGE_LINES = [
  "Has anyone tried the new release yet?",
  "Thanks, that explanation finally made it click.",
  "I am stuck on the second exercise, any hints?",
  "Here is my attempt, feedback welcome.",
  "Good morning everyone!",
  "That link is broken for me, can someone repost it?",
  "I would start with the official tutorial, honestly.",
  "Same question here, following along.",
  "Meeting moved to eight o'clock tonight.",
  "This room has been so helpful, thank you all.",
] as const;

export interface BulkSeedCounts {
  users: number;
  topics: number;
  rooms: number;
  messages: number;
}

/** `hash(i, salt) % n`, 1-based for PostgreSQL arrays: a cheap deterministic pick per row. */
const pick = (array: string, i: string, salt: number) =>
  `(${array})[1 + abs(hashint4(${i} * 7919 + ${salt})) % cardinality(${array})]`;

/**
 * Fills an empty, migrated database. Returns how long each table took, in milliseconds.
 * It ends with VACUUM ANALYZE (see below), as a restored production database would be, and
 * leaves Topic.roomCount to the caller (recountTopicRooms).
 */
export async function bulkSeed(client: pg.Client, counts: BulkSeedCounts): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  // The rows are consistent by construction, so the per-row foreign-key triggers are skipped
  // (several times faster). Needs a superuser, as the embedded server's is; elsewhere they run.
  const skipTriggers = await client.query("SET session_replication_role = replica").then(
    () => true,
    () => false,
  );
  const time = async (label: string, text: string, values: unknown[]) => {
    const started = performance.now();
    await client.query(text, values);
    timings[label] = performance.now() - started;
  };

  // Users: "maria_garcia17", "Maria Garcia". Emails are unique by the row number.
  await time(
    "users",
    `INSERT INTO "User" (id, email, username, name, "emailVerifiedAt", "createdAt", "updatedAt")
     SELECT 'bu' || i, 'user' || i || '@bench.test',
            lower(f) || '_' || lower(l) || i, f || ' ' || l,
            now(), now() - (i % 700) * interval '1 day', now()
     FROM generate_series(1, $3::int) AS i,
          LATERAL (SELECT ${pick("$1::text[]", "i", 1)} AS f, ${pick("$2::text[]", "i", 2)} AS l) AS n`,
    [FIRST_NAMES, LAST_NAMES, counts.users],
  );

  // Topics: subject × angle ("Rust", "Rust for beginners", "Calculus study group" …).
  await time(
    "topics",
    `INSERT INTO "Topic" (id, name, slug)
     SELECT 'bt' || i, name, trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g'))
     FROM generate_series(0, $3::int - 1) AS i,
          LATERAL (SELECT trim(($1::text[])[1 + i % cardinality($1::text[])] || ' ' ||
                               ($2::text[])[1 + (i / cardinality($1::text[])) % cardinality($2::text[])]) AS name) AS n`,
    [TOPIC_SUBJECTS, TOPIC_ANGLES, counts.topics],
  );

  // Rooms: "Weekend Rust study group", a description like "For students who want to practise
  // Rust. We meet every Sunday evening. Salary talk is welcome.", a topic, a host (2% without
  // one), activity in the last 90 days and a skewed participant count.
  await time(
    "rooms",
    `INSERT INTO "Room" (id, name, slug, description, "topicId", "hostId", "lastActivityAt", "participantCount", "createdAt", "updatedAt")
     SELECT 'br' || i, name,
            trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')) || '-' || i,
            'For ' || audience || ' who want to ' || goal || ' ' || subject || '. ' || rhythm ||
              CASE WHEN i % 4 <> 0 THEN ' ' || extra1 ELSE '' END || CASE WHEN i % 3 = 0 THEN ' ' || extra2 ELSE '' END,
            'bt' || ((sidx + cardinality($2::text[]) * (abs(hashint4(i * 31 + 5)) % 20)) % $6::int),
            CASE WHEN i % 50 = 0 THEN NULL ELSE 'bu' || (1 + abs(hashint4(i * 17 + 3)) % $7::int) END,
            last_at, (power(abs(hashint4(i * 13 + 7)) % 1000 / 1000.0, 3) * 200)::int,
            last_at - (abs(hashint4(i * 11)) % 60) * interval '1 day', now()
     FROM generate_series(1, $5::int) AS i,
          -- A room about Rust is mostly in one of the Rust topics ("Rust", "Rust for beginners" …).
          LATERAL (SELECT abs(hashint4(i * 7919 + 12)) % cardinality($2::text[]) AS sidx) AS x,
          LATERAL (SELECT ($2::text[])[1 + sidx] AS subject) AS s,
          LATERAL (SELECT
            ${pick("$1::text[]", "i", 11)} || ' ' || subject || ' ' || ${pick("$3::text[]", "i", 13)} AS name,
            ${pick("$8::text[]", "i", 14)} AS audience, ${pick("$9::text[]", "i", 15)} AS goal, ${pick("$10::text[]", "i", 16)} AS rhythm,
            ${pick("$4::text[]", "i", 17)} AS extra1, ${pick("$4::text[]", "i", 18)} AS extra2,
            now() - (abs(hashint4(i * 19 + 1)) % 7776000) * interval '1 second' AS last_at) AS n`,
    [
      ROOM_OPENERS,
      TOPIC_SUBJECTS,
      ROOM_NOUNS,
      EXTRAS,
      counts.rooms,
      counts.topics,
      counts.users,
      AUDIENCES,
      GOALS,
      RHYTHMS,
    ],
  );

  // Messages spread over the rooms and the last 30 days (for the home page's activity panel).
  await time(
    "messages",
    `INSERT INTO "Message" ("roomId", "authorId", body, "createdAt")
     SELECT 'br' || (1 + abs(hashint4(i * 23 + 9)) % $3::int),
            CASE WHEN i % 40 = 0 THEN NULL ELSE 'bu' || (1 + abs(hashint4(i * 29 + 4)) % $4::int) END,
            ${pick("$1::text[]", "i", 21)},
            now() - ($2::int - i) * interval '13 seconds'
     FROM generate_series(1, $2::int) AS i`,
    [MESSAGE_LINES, counts.messages, counts.rooms, counts.users],
  );

  if (skipTriggers) await client.query("RESET session_replication_role");
  // VACUUM as well: rows inserted after the trigram (GIN) indexes were built sit in each index's
  // pending list, which every search then reads in full (15 ms for the users' list alone) until
  // autovacuum merges it. A restored database builds its indexes after the data and never has one.
  const started = performance.now();
  await client.query("VACUUM ANALYZE");
  timings.vacuumAnalyze = performance.now() - started;
  return timings;
}
