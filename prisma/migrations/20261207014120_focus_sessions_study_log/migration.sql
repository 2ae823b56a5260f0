-- AlterTable
ALTER TABLE "User" ADD COLUMN     "studyLogHidden" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Room" ADD COLUMN     "studyBoard" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "FocusSession" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "startedById" TEXT,
    "focusSeconds" INTEGER NOT NULL,
    "breakSeconds" INTEGER NOT NULL,
    "rounds" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "stoppedById" TEXT,
    "announcedPhase" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FocusSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FocusMember" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "goal" VARCHAR(140),
    "goalDone" BOOLEAN,
    "holdMessages" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FocusMember_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "FocusStint" (
    "id" BIGSERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "FocusStint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PresenceSpan" (
    "id" BIGSERIAL NOT NULL,
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "PresenceSpan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FocusSession_roomId_startedAt_idx" ON "FocusSession"("roomId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "FocusSession_endedAt_idx" ON "FocusSession"("endedAt");

-- CreateIndex
CREATE INDEX "FocusSession_startedById_idx" ON "FocusSession"("startedById");

-- CreateIndex
CREATE INDEX "FocusSession_stoppedById_idx" ON "FocusSession"("stoppedById");

-- CreateIndex
CREATE INDEX "FocusMember_userId_createdAt_idx" ON "FocusMember"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "FocusStint_sessionId_userId_idx" ON "FocusStint"("sessionId", "userId");

-- CreateIndex
CREATE INDEX "FocusStint_userId_startedAt_idx" ON "FocusStint"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "PresenceSpan_roomId_userId_startedAt_idx" ON "PresenceSpan"("roomId", "userId", "startedAt");

-- CreateIndex
CREATE INDEX "PresenceSpan_userId_startedAt_idx" ON "PresenceSpan"("userId", "startedAt");

-- AddForeignKey
ALTER TABLE "FocusSession" ADD CONSTRAINT "FocusSession_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocusSession" ADD CONSTRAINT "FocusSession_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocusSession" ADD CONSTRAINT "FocusSession_stoppedById_fkey" FOREIGN KEY ("stoppedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocusMember" ADD CONSTRAINT "FocusMember_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FocusSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocusMember" ADD CONSTRAINT "FocusMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocusStint" ADD CONSTRAINT "FocusStint_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FocusSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocusStint" ADD CONSTRAINT "FocusStint_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PresenceSpan" ADD CONSTRAINT "PresenceSpan_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PresenceSpan" ADD CONSTRAINT "PresenceSpan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One running session per room: two starts at once, one wins (lib/focus).
CREATE UNIQUE INDEX "FocusSession_one_running_per_room" ON "FocusSession"("roomId") WHERE "endedAt" IS NULL;

-- A member is joined to a session at most once at a time.
CREATE UNIQUE INDEX "FocusStint_one_open" ON "FocusStint"("sessionId", "userId") WHERE "endedAt" IS NULL;

-- A member is in a room at most once at a time (tabs share one here-channel).
CREATE UNIQUE INDEX "PresenceSpan_one_open" ON "PresenceSpan"("roomId", "userId") WHERE "endedAt" IS NULL;

-- Members online when this runs start their span now, so their time in a session starting soon counts.
INSERT INTO "PresenceSpan" ("roomId", "userId", "startedAt")
SELECT "roomId", "userId", now() AT TIME ZONE 'UTC' FROM "RoomPresence" WHERE "online";
