-- DropIndex
DROP INDEX "Room_topicId_idx";

-- DropIndex
DROP INDEX "Room_lastActivityAt_idx";

-- AlterTable
ALTER TABLE "Room" ADD COLUMN     "participantCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Room_lastActivityAt_id_idx" ON "Room"("lastActivityAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Room_createdAt_id_idx" ON "Room"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Room_participantCount_id_idx" ON "Room"("participantCount" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Room_topicId_lastActivityAt_idx" ON "Room"("topicId", "lastActivityAt" DESC);


-- Backfill the counter for rooms that already have participants.
UPDATE "Room" r SET "participantCount" = (SELECT count(*) FROM "Participant" p WHERE p."roomId" = r.id);
