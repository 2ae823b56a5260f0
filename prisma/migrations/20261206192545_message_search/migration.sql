-- Message search (issue 17 item 4): the body's English full-text vector, kept by PostgreSQL itself (GENERATED ALWAYS
-- … STORED, which Prisma's schema cannot say: it declares the column as Unsupported("tsvector")), so an edit is found
-- by its new text and a soft delete, which blanks the body, leaves nothing to match. Adding it rewrites the table once.
-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body)) STORED;

-- CreateIndex
CREATE INDEX "Message_searchVector_idx" ON "Message" USING GIN ("searchVector");
