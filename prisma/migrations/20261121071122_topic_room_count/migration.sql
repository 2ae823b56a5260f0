-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "roomCount" INTEGER NOT NULL DEFAULT 0;

-- Backfill (before the index, so it is built once). From here on lib/db/topics.ts keeps the
-- count exact in the same transaction as every room create, delete and topic change.
UPDATE "Topic" AS t SET "roomCount" = c.n
FROM (SELECT "topicId", COUNT(*)::int AS n FROM "Room" GROUP BY "topicId") AS c
WHERE c."topicId" = t.id;

-- CreateIndex
CREATE INDEX "Topic_roomCount_name_idx" ON "Topic"("roomCount" DESC, "name");
