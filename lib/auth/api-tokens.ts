// Read by lib/env.ts, which the launcher runs in Node without a build: imports here carry `.ts`.
import { z } from 'zod';

/** The rights a token may have, one per route family (CONTRACT section 10); `*` is every one. */
export const SCOPES = ['flights', 'schedule', 'screens', 'notices', 'close', 'history'] as const;
export type Scope = (typeof SCOPES)[number];

/** One named token: what it may do, and for flight writes and imports, whose flights (airline designator prefixes). */
export interface ApiToken {
  name: string;
  token: string;
  scopes: readonly (Scope | '*')[];
  /** null: every airline's flights. */
  airlines: readonly string[] | null;
}

/** Who is writing: the token's name (the history's actor) and the airlines whose flights it may write (null: all). */
export interface Caller {
  name: string;
  airlines: readonly string[] | null;
}

/** The name `API_TOKEN` alone goes by: one token with every right. */
export const LEGACY_TOKEN_NAME = 'admin';

const tokenEntry = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_.:-]{1,40}$/, 'must be 1 to 40 letters, digits, dots, colons, dashes or underscores'),
  token: z.string().min(16, 'must be at least 16 characters'),
  scopes: z.array(z.enum([...SCOPES, '*'], { error: `must each be one of ${[...SCOPES, '*'].join(', ')}` })).min(1, 'must name at least one scope'),
  airlines: z
    .array(z.string().regex(/^[A-Z0-9]{2}$/, 'must each be a two-character airline designator such as KL'))
    .min(1, 'must name at least one airline; leave it out for every airline')
    .optional(),
});

/** `API_TOKENS`: a JSON list of named tokens; duplicate names or tokens are refused, naming them. */
export const apiTokensSchema = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be JSON: a list of { "name", "token", "scopes", "airlines"? }' });
      return z.NEVER;
    }
  })
  .pipe(z.array(tokenEntry).min(1, 'must list at least one token'))
  .superRefine((tokens, context) => {
    const repeated = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index);
    for (const name of new Set(repeated(tokens.map((token) => token.name)))) {
      context.addIssue({ code: 'custom', message: `names "${name}" twice; each token needs its own name` });
    }
    for (const token of new Set(repeated(tokens.map((entry) => entry.token)))) {
      const names = tokens.filter((entry) => entry.token === token).map((entry) => entry.name);
      context.addIssue({ code: 'custom', message: `gives the tokens ${names.join(' and ')} the same secret; each needs its own` });
    }
  });

/** Every token the server accepts: `API_TOKENS`, and `API_TOKEN` as the `admin` token with every right. */
export function acceptedTokens(settings: { API_TOKEN?: string; API_TOKENS?: z.infer<typeof apiTokensSchema> }): ApiToken[] {
  const named: ApiToken[] = (settings.API_TOKENS ?? []).map(({ name, token, scopes, airlines }) => ({ name, token, scopes, airlines: airlines ?? null }));
  return settings.API_TOKEN ? [{ name: LEGACY_TOKEN_NAME, token: settings.API_TOKEN, scopes: ['*'], airlines: null }, ...named] : named;
}

export const hasScope = (token: ApiToken, scope: Scope) => token.scopes.includes('*') || token.scopes.includes(scope);

