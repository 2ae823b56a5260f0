-- Numbers each reaction change in the order the changes of one message take their turns (under its advisory lock,
-- lib/db/reactions.ts), so a browser can drop a `reaction:updated` that arrives after a later one. A sequence of its
-- own, which Prisma's schema cannot describe: tests/integration/migrations.test.ts checks it by name.
CREATE SEQUENCE "ReactionChange_seq" AS bigint;
