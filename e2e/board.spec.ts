import { auth, departureBody, expect, openStreams, test } from './fixtures';

test.describe('the flights board', () => {
  test('redirects / to /flights and server-renders the flights into the HTML', async ({ page, request }) => {
    const html = await (await request.get('/flights')).text();
    expect(html).toMatch(/data-flight-id="[A-Z0-9]+-\d{4}-\d{2}-\d{2}(\.sim)?"/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/flights$/);
    await expect(page.locator('table tbody tr[data-flight-id]')).not.toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('Live');
  });

  test('shows a row change live, without a reload', async ({ page }) => {
    await page.goto('/flights');
    await expect(page.getByRole('status')).toHaveText('Live');
    const statuses = () =>
      page.locator('tr[data-flight-id] td[data-status]').evaluateAll((cells) =>
        cells.map((cell) => `${cell.closest('tr')!.getAttribute('data-flight-id')}=${cell.getAttribute('data-status')}`),
      );
    const before = new Set(await statuses());
    await expect
      .poll(async () => (await statuses()).some((entry) => !before.has(entry)), { timeout: 10_000 })
      .toBe(true);
  });

  test('opens exactly one stream; Stop closes it on the server and Resume reopens it', async ({ page }) => {
    const baseline = await openStreams(page);
    const streamRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/events') streamRequests.push(request.url());
    });
    await page.goto('/flights');
    await expect(page.getByRole('status')).toHaveText('Live');
    await expect.poll(() => openStreams(page)).toBe(baseline + 1);
    expect(streamRequests).toHaveLength(1);
    expect(streamRequests[0]).toMatch(/lastEventId=[\w-]+\.\d+/);

    await page.getByRole('button', { name: 'Stop updates' }).click();
    await expect(page.getByRole('status')).toHaveText('Paused');
    await expect.poll(() => openStreams(page), { timeout: 2000 }).toBe(baseline);

    await page.getByRole('button', { name: 'Resume updates' }).click();
    await expect(page.getByRole('status')).toHaveText('Live');
    await expect.poll(() => openStreams(page), { timeout: 2000 }).toBe(baseline + 1);
    expect(streamRequests).toHaveLength(2);
  });

  test('shows the remark a passenger reads, with its time, each status in its own colour', async ({ page }) => {
    // Today at these UTC times: London keeps UTC in winter, so the board shows them as written.
    const today = (time: string) => `${new Date().toISOString().slice(0, 10)}T${time}:00.000Z`;
    const arrival = (id: string, overrides: Record<string, unknown>) =>
      departureBody(id, { direction: 'arrival', origin: { iata: 'JFK', city: 'New York' }, destination: { iata: 'LHR', city: 'London' }, gate: null, ...overrides });
    const flights: [Record<string, unknown>, string][] = [
      [departureBody('RM1-x', { scheduled: today('15:00'), status: 'delayed', estimated: today('15:30') }), 'Expected 15:30'],
      [departureBody('RM2-x', { scheduled: today('15:00') }), 'Gate closes 14:50'],
      [departureBody('RM3-x', { status: 'boarding' }), 'Boarding'],
      [departureBody('RM4-x', { status: 'final-call' }), 'Final call'],
      [departureBody('RM5-x', { status: 'gate-closed' }), 'Gate closed'],
      [departureBody('RM6-x', { status: 'departed', actual: today('14:07') }), 'Departed 14:07'],
      [departureBody('RM7-x', { status: 'cancelled' }), 'Cancelled'],
      [arrival('RM8-x', { status: 'landing' }), 'Landing'],
      [arrival('RM9-x', { status: 'landed', actual: today('13:12') }), 'Landed 13:12'],
      [arrival('RM10-x', { status: 'baggage', actual: today('13:12'), belt: '7' }), 'Baggage belt 7'],
      [arrival('RM11-x', { status: 'diverted' }), 'Diverted'],
    ];
    for (const [body] of flights) expect((await page.request.post('/api/flights', { headers: auth, data: body })).status()).toBe(201);
    const colours = new Map<string, string>();
    for (const [body, remark] of flights) {
      const tab = body.direction === 'arrival' ? 'arrivals' : 'departures';
      await page.goto(`/flights?tab=${tab}&q=${body.flight}`);
      const cell = page.locator(`tr[data-flight-id="${body.id}"] td[data-status]`);
      await expect(cell).toHaveText(remark);
      await expect(cell).toHaveAttribute('data-status', String(body.status));
      colours.set(String(body.status), await cell.locator(':scope > *').evaluate((badge) => getComputedStyle(badge).color));
    }
    expect(colours.size).toBe(11);
    expect(new Set(colours.values()).size).toBe(colours.size);
    for (const [body] of flights) await page.request.delete(`/api/flights/${body.id}`, { headers: auth });
  });
});
