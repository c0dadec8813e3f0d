import { config } from 'zod';

// Zod probes for `new Function` support when a schema is built. Under the server's CSP
// (`default-src 'self'`, no 'unsafe-eval') the probe is blocked and reported as a violation, so turn
// zod's compiled fast path off before any schema (the contract's, imported by the app) is created.
// This module must stay the first import of main.tsx.
config({ jitless: true });
