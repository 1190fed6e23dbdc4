import { config } from 'zod/mini';

// Schemas that also run in the browser import zod from here: its mini build, re-exported by name so
// the bundler keeps only the parts used (the classic build is some 90 KB gzipped on the page). The
// page's script policy has no 'unsafe-eval': zod would first try `new Function` to compile its
// parsers, a violation the browser reports. Plain parsing is enough for frames this size.
config({ jitless: true });

export * from 'zod/mini';
