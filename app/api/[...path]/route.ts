import { noSuchEndpoint } from '@/lib/http/method-not-allowed';

// Any /api path without a route of its own answers with the contract's JSON 404, not an HTML page.
export const GET = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
