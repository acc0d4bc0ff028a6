// drizzle-kit generates SQL migrations from server/src/db/schema.ts; the app applies them at boot.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/src/db/schema.ts', './server/src/db/schema-visits.ts', './server/src/db/schema-motesplats.ts'],
  out: './server/src/db/migrations',
});
