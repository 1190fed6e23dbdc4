/**
 * The Content-Security-Policy of a page, with this request's nonce: Next puts it on its own scripts
 * (it reads it from the request's policy), so no inline script without it runs. Styles keep
 * 'unsafe-inline' for React's style attributes (the virtual rows' spacers).
 */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** What every response that is not a page gets (JSON, the stream, assets): no script runs from it. */
const nonPagePolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers sent with every response; pages get their policy from proxy.ts instead. */
export const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** The policy of responses that are not pages. */
export const nonPageSecurityHeaders = [{ key: 'Content-Security-Policy', value: nonPagePolicy }];
