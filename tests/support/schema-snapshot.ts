// A comparable description of a database's schema, read from the catalogs: tables and columns,
// constraints, indexes, enums and extensions. Two databases with equal snapshots have the same schema.
import { withClient } from "@/scripts/stack/database";

export interface SchemaSnapshot {
  columns: string[];
  constraints: string[];
  indexes: string[];
  enums: string[];
  extensions: string[];
}

const IGNORED_TABLE = "_prisma_migrations";

export async function snapshotSchema(url: string): Promise<SchemaSnapshot> {
  return withClient(url, async (client) => {
    const rows = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((r) => r.line);
    return {
      columns: await rows(`
        SELECT format('%s.%s %s null=%s default=%s', c.table_name, c.column_name,
                      format_type(a.atttypid, a.atttypmod), c.is_nullable, coalesce(c.column_default, '-')) AS line
        FROM information_schema.columns c
        JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass
                           AND a.attname = c.column_name
        WHERE c.table_schema = 'public' AND c.table_name <> '${IGNORED_TABLE}'
        ORDER BY 1`),
      constraints: await rows(`
        SELECT format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS line
        FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '${IGNORED_TABLE}'
          AND conrelid <> 0
        ORDER BY 1`),
      indexes: await rows(`
        SELECT indexdef AS line FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '${IGNORED_TABLE}'
        ORDER BY 1`),
      enums: await rows(`
        SELECT format('%s: %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typnamespace = 'public'::regnamespace
        GROUP BY t.typname ORDER BY 1`),
      extensions: await rows(`SELECT extname AS line FROM pg_extension ORDER BY 1`),
    };
  });
}
