#!/usr/bin/env node
// `npx samservice <command>`: the CLI, run through tsx like the server (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../server/src/cli/main.ts');
