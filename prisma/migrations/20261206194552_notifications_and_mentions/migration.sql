-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('MENTION', 'REPLY', 'REPORT');

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "mentions" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "messageId" INTEGER NOT NULL,
    "actorId" TEXT,
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_id_idx" ON "Notification"("userId", "id");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_messageId_idx" ON "Notification"("messageId");

-- CreateIndex
CREATE INDEX "Notification_actorId_idx" ON "Notification"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_messageId_kind_key" ON "Notification"("userId", "messageId", "kind");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Messages sent before this migration keep their links: their mentions of members who exist now.
UPDATE "Message" m SET "mentions" = found.names
FROM (
    SELECT m2.id, array_agg(DISTINCT u.username ORDER BY u.username) AS names
    FROM "Message" m2
    CROSS JOIN LATERAL regexp_matches(m2.body, '(?:^|[^\w@/.])@([a-z0-9_]{3,30})(?!\w)', 'gi') AS r(g)
    JOIN "User" u ON u.username = lower(r.g[1]) AND u."deactivatedAt" IS NULL
    WHERE m2."deletedAt" IS NULL
    GROUP BY m2.id
) found
WHERE m.id = found.id;
