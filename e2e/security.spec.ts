import { expect, test } from './fixtures';

test.describe('the page’s script policy', () => {
  test('runs with a per-request nonce and no unsafe-inline scripts, and breaks no rule of it', async ({ page, request }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`));
    });
    const response = await page.goto('/flights');
    const policy = response!.headers()['content-security-policy']!;
    const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src'))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response!.headers()['x-content-type-options']).toBe('nosniff');
    expect(response!.headers()['x-frame-options']).toBe('DENY');
    expect(response!.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');

    // Hydrated and live: every script it needed ran under the policy.
    await expect(page.getByRole('status')).toHaveText('Live');
    await page.getByRole('tab', { name: 'Departures' }).click();
    await expect(page).toHaveURL(/tab=departures/);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);

    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    const scripts = await page.locator('script').evaluateAll((all) => all.map((script) => (script as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((value) => value === nonce)).toBe(true);
    // A fresh nonce for every request.
    const again = (await request.get('/flights')).headers()['content-security-policy']!;
    expect(again).not.toContain(nonce);
  });

  test('holds on every page, the operators’ import page included', async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`));
    });
    const response = await page.goto('/admin/import');
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    const nonces = await page.locator('script').evaluateAll((all) => all.map((script) => (script as HTMLScriptElement).nonce));
    expect(nonces.every((value) => value.length > 0)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
});
