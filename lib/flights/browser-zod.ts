import { z } from 'zod';

// Schemas that also run in the browser import zod from here. The page's script policy has no
// 'unsafe-eval': zod would first try `new Function` to compile its parsers, a violation the browser
// reports. Plain parsing is enough for frames this size.
z.config({ jitless: true });

export { z };
