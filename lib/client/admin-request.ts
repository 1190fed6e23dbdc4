/** The answer to an operator's write: the body on success, else the server's refusal in its own words. */
export type AdminAnswer<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

/** Sends one write with the operator's token; never throws (a lost connection is an answer too). */
export async function adminRequest<T>(
  token: string,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: object,
  headers: Record<string, string> = {},
): Promise<AdminAnswer<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body && JSON.stringify(body),
    });
    if (!response.ok) {
      const refusal = await response.json().catch(() => null);
      return { ok: false, status: response.status, message: refusal?.error?.message ?? `The server answered ${response.status}.` };
    }
    return { ok: true, body: response.status === 204 ? (undefined as T) : await response.json() };
  } catch {
    return { ok: false, status: 0, message: 'The server could not be reached; nothing was changed.' };
  }
}
