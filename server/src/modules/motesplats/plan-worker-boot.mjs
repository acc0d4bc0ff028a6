// The plan worker thread's first module, in plain JavaScript: it registers tsx in this thread, then
// loads the TypeScript worker. `execArgv: ['--import', 'tsx']` does not do it on Node 20: the worker's
// module loader ignores the hooks and fails on the .ts file. Works the same under `node --import tsx`,
// under Vitest and under the CLI (bin/samservice.mjs registers tsx the same way).
import { register } from 'tsx/esm/api';

register();
await import('./plan-worker-entry.ts');
