-- Message search (issue 17 item 4): the body's English full-text vector, kept by PostgreSQL itself (GENERATED ALWAYS
-- … STORED, which Prisma's schema cannot say: it declares the column as Unsupported("tsvector")), so an edit is found
-- by its new text and a soft delete, which blanks the body, leaves nothing to match. Adding it rewrites the table once.
-- One GIN index holds the words, the room and the author (btree_gin makes plain values GIN entries), so a search by
-- any of them together intersects posting lists inside the index (GIN's fast scan skips through a common word's).

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "btree_gin";

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body)) STORED;

-- CreateIndex
CREATE INDEX "Message_search_idx" ON "Message" USING GIN ("roomId" text_ops, "authorId" text_ops, "searchVector");
