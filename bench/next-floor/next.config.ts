import type { NextConfig } from 'next';

// The same serving settings as Skyboard's next.config.ts, nothing else.
const nextConfig: NextConfig = { compress: false, poweredByHeader: false };

export default nextConfig;
