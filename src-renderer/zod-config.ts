import { z } from 'zod';

// zod compiles object schemas with `new Function` when it can, and probes for it on first use: under
// our Content-Security-Policy (no 'unsafe-eval') that probe is a CSP violation on every page load.
// Jitless mode never tries. Imported first by main.tsx, before any schema is used.
z.config({ jitless: true });
