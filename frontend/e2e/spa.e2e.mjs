// Browser tests of the SPA against running stacks:
//   WPM_BASE_URL=http://localhost:8080 npm run e2e          the main scenarios (any stack)
//   WPM_STANDINS_BASE_URL=http://localhost:… npm run e2e    a stack whose Google and SMTP server are stand-ins: the
//                                                            OAuth round trip, e-mailed reports (system-tests
//                                                            SpaOAuthBrowserTest sets it up)
import assert from 'node:assert/strict';
import { createHash, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.WPM_BASE_URL?.replace(/\/+$/, '');
const STANDINS_BASE_URL = process.env.WPM_STANDINS_BASE_URL?.replace(/\/+$/, '');
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const STEP_TIMEOUT_MS = 15_000;
const PASSWORD = 'correct-horse-battery-staple';

let browser;

function uniqueEmail(prefix) {
  return `${prefix}-${Date.now()}-${randomInt(1e6)}@example.com`;
}

/**
 * Every page comes from an address no other request of the test run came from: the gateway's per-address budgets
 * (five sign-ups or log-ins per quarter hour; a page load's token refresh costs the anonymous budget) then never spill
 * from one scenario, or from the Java system tests on the same stack (2001:db8:1::/48), into another. IPv6
 * documentation addresses under 2001:db8:2::/48, with a random segment per run.
 */
const RUN_SEGMENT = randomInt(0x10000).toString(16);
let nextAddress = 1;
const newAddress = () => `2001:db8:2:${RUN_SEGMENT}::${(nextAddress++).toString(16)}`;

/** A fresh browser profile from a new address. */
async function newPage(baseURL = BASE_URL) {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { 'X-Forwarded-For': newAddress() },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return context.newPage();
}

/** Runs a scenario and leaves a full-page screenshot of every open page when it fails. */
async function scenario(name, body) {
  const pages = [];
  const open = async (baseURL) => {
    const page = await newPage(baseURL);
    pages.push(page);
    return page;
  };
  try {
    await body(open);
  } catch (error) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [i, page] of pages.entries()) {
      await page
        .screenshot({ path: `${SCREENSHOTS}${name}-${i}-${Date.now()}.png`, fullPage: true, timeout: 5_000 })
        .catch(() => {});
    }
    throw error;
  } finally {
    for (const page of pages) await page.context().close().catch(() => {});
  }
}

/** With WPM_E2E_SHOTS=<dir>, a full-page screenshot of a step worth looking at (for reviewing the UI by eye). */
async function snap(page, name) {
  const dir = process.env.WPM_E2E_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir.replace(/\/+$/, '')}/${name}.png`, fullPage: true }).catch(() => {});
}

/**
 * Waits for something the read side may show a moment late, reloading between tries — or doing `retry` instead (a
 * page's own refresh button: a reload spends the address's auth budget).
 */
async function eventually(page, locator, timeoutMs = 20_000, retry = () => page.reload()) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: 4_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await retry();
    }
  }
}

const field = (page, label) => page.getByLabel(label, { exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const link = (page, name) => page.getByRole('link', { name, exact: true });
const navLink = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
const atOverview = (url) => url.pathname === '/';

/** YYYY-MM-DD `days` before another YYYY-MM-DD. */
function isoMinusDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Waits until a KPI tile ("Sessions" then its value) shows a non-zero number, reloading now and then. */
async function kpiBecomesNonZero(page, label, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let lastReload = Date.now();
  let seen = '';
  while (Date.now() < deadline) {
    const tile = page.getByRole('group', { name: label, exact: true });
    if (await tile.isVisible().catch(() => false)) {
      seen = (await tile.textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
      const value = seen.slice(label.length).match(/^[\d.,\s\u00a0\u202f]+/)?.[0] ?? '';
      if (/[1-9]/.test(value)) return value.trim();
    }
    if (Date.now() - lastReload > 10_000) {
      await page.reload();
      lastReload = Date.now();
    }
    await page.waitForTimeout(1_000);
  }
  throw new Error(`the ${label} KPI did not show a non-zero value within ${timeoutMs} ms (last: "${seen}")`);
}

/**
 * An instant as a datetime-local input holds it on a zone's clock: "2026-12-05T18:00:05", or without the seconds when
 * they are zero (the browser drops them, and Playwright's fill insists on the value the input keeps).
 */
function wallClock(ms, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(ms).map((p) => [p.type, p.value]),
  );
  const minute = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  return parts.second === '00' ? minute : `${minute}:${parts.second}`;
}

/** Clicks something that starts a download and returns the browser's suggested name and the bytes. */
async function download(page, trigger) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), trigger.click()]);
  const failure = await file.failure();
  assert.equal(failure, null, `the download failed: ${failure}`);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Creates a client through the UI and opens its page (SPA navigation only: no page load, no token refresh). */
async function createClient(page, name) {
  await navLink(page, 'Clients').click();
  await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
  await button(page, 'New client').click();
  await field(page, 'Client name').fill(name);
  await button(page, 'Create client').click();
  await page.waitForURL(/\/clients$/);
  await eventually(page, link(page, name));
  await link(page, name).click();
  await page.waitForURL(/\/clients\/[^/]+$/);
  await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
}

async function signUp(page, { agencyName, name, email }) {
  await page.goto('/signup');
  await field(page, 'Agency name').fill(agencyName);
  await field(page, 'Your name').fill(name);
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await button(page, 'Sign up').click();
  await page.waitForURL(atOverview);
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
}

before(async () => {
  assert.ok(BASE_URL || STANDINS_BASE_URL, 'set WPM_BASE_URL to the gateway, e.g. http://localhost:8080 (or WPM_STANDINS_BASE_URL)');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    timeout: 30_000,
  });
});

after(async () => {
  await browser?.close();
});

// each suite runs only against the stack it needs, so a run reports no skipped suite
if (BASE_URL) describe('WebProMetrics SPA', { timeout: 420_000 }, () => {

  test('an owner signs up, manages a client through its lifecycle, and finds it again after logging back in', { timeout: 120_000 }, () =>
    scenario('client-lifecycle', async (open) => {
      const page = await open();
      const email = uniqueEmail('owner');
      await signUp(page, { agencyName: 'Crumb & Co Marketing', name: 'Olivia Owner', email });
      await page.getByText('Crumb & Co Marketing').first().waitFor();

      // create a client
      await navLink(page, 'Clients').click();
      await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
      await button(page, 'New client').click();
      await field(page, 'Client name').fill('Acme Bakery');
      await field(page, 'Website').fill('https://acme-bakery.example');
      await field(page, 'Industry').fill('Food & drink');
      await field(page, 'Contact email').fill('hello@acme-bakery.example');
      await button(page, 'Create client').click();
      await page.waitForURL(/\/clients$/);
      await link(page, 'Acme Bakery').waitFor();

      // rename it
      await link(page, 'Acme Bakery').click();
      await page.waitForURL(/\/clients\/[^/]+$/);
      await field(page, 'Client name').fill('Acme Bakery & Café');
      await button(page, 'Save').click();
      await page.getByRole('heading', { level: 1, name: /Acme Bakery & Café/ }).waitFor();
      assert.equal(await field(page, 'Client name').inputValue(), 'Acme Bakery & Café');

      // archive it: gone from the active list, present under the archived filter
      await button(page, 'Archive').click();
      await button(page, 'Restore').waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
      await page.getByRole('heading', { name: 'No clients yet' }).waitFor();
      assert.equal(await link(page, 'Acme Bakery & Café').count(), 0);
      await field(page, 'Status').selectOption('archived');
      await link(page, 'Acme Bakery & Café').waitFor();

      // log out and back in
      await button(page, 'Log out').click();
      await page.waitForURL(/\/login/);
      await field(page, 'Email').fill(email);
      await field(page, 'Password').fill(PASSWORD);
      await button(page, 'Log in').click();
      await page.waitForURL(atOverview);
      await navLink(page, 'Clients').click();
      await page.waitForURL(/\/clients$/);
      await field(page, 'Status').selectOption('archived');
      await eventually(page, link(page, 'Acme Bakery & Café'));
      assert.equal(await link(page, 'Acme Bakery').count(), 0);
    }));

  test('a session survives a reload with its refresh token out of script reach, and is over after logging out', { timeout: 90_000 }, () =>
    scenario('session-cookie', async (open) => {
      const page = await open();
      await signUp(page, { agencyName: 'Cookie Jar Agency', name: 'Cora Cookie', email: uniqueEmail('cookie') });
      const session = async () => (await page.context().cookies()).find((c) => c.name === 'wpm_refresh');
      const first = await session();
      assert.ok(first, 'the refresh token is in a cookie');
      assert.equal(first.httpOnly, true, 'HttpOnly: no script can read it');
      assert.equal(first.sameSite, 'Strict');
      assert.equal(first.path, '/api/auth');
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => /refresh/i.test(k))), []);
      assert.ok(!(await page.evaluate(() => document.cookie)).includes('wpm_refresh'));

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await page.getByText('Cookie Jar Agency').first().waitFor();
      const rotated = await session();
      assert.notEqual(rotated.value, first.value, 'the reload refreshed and rotated the token');

      await button(page, 'Log out').click();
      await page.waitForURL(/\/login/);
      assert.equal(await session(), undefined, 'logging out clears the cookie');
      const reuse = await fetch(new URL('/api/auth/refresh', BASE_URL), {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: rotated.value }),
      });
      assert.equal(reuse.status, 401, 'the last refresh token is dead after logging out');
      await page.reload();
      await page.waitForURL(/\/login/);
    }));

  test('a new agency is on a free trial: the billing page shows the plans, and the plan limit shows where clients are added', { timeout: 120_000 }, () =>
    scenario('billing-trial', async (open) => {
      const page = await open();
      await signUp(page, { agencyName: 'Trial Balloon Agency', name: 'Tara Trial', email: uniqueEmail('trial') });

      await navLink(page, 'Billing').click();
      await page.getByRole('heading', { level: 1, name: 'Billing' }).waitFor();
      const current = page.getByLabel('Current plan');
      await eventually(page, current.getByText('Trial', { exact: true }));
      assert.match(await page.getByTestId('trial-days-left').innerText(), /^14 days left in your free trial/);
      const plans = page.getByRole('table', { name: 'Plans' });
      assert.deepEqual((await plans.getByRole('rowheader').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()),
        ['Starter Your plan', 'Growth', 'Agency']);
      assert.match(await plans.getByRole('row', { name: /Starter/ }).innerText(), /€29\.00/);

      await createClient(page, 'Counted Client');
      await navLink(page, 'Clients').click();
      await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
      await eventually(page, page.getByText(/^1 of \d+ active clients on your plan$/));
      await navLink(page, 'Team').click();
      await eventually(page, page.getByText('1 of 5 seats on your plan'));

      // the trial moves to a bigger plan at once, after a confirmation that says it costs nothing yet
      await navLink(page, 'Billing').click();
      await plans.getByRole('button', { name: 'Switch to Growth' }).click();
      const confirm = page.getByRole('group', { name: 'Switch to Growth' });
      assert.match(await confirm.innerText(), /moves to Growth now, at no cost/);
      await confirm.getByRole('button', { name: 'Confirm' }).click();
      await eventually(page, plans.getByRole('row', { name: /Growth/ }).getByText('Your plan'));
      await navLink(page, 'Team').click();
      await eventually(page, page.getByText('1 of 15 seats on your plan'));

      // billing details: saved, normalized by the server, there again after a reload
      await navLink(page, 'Billing').click();
      const details = page.getByRole('form', { name: 'Billing details' });
      await field(details, 'Legal name').fill('Trial Balloon GmbH');
      await field(details, 'Address').fill('Hauptstraße 1\n2. Etage');
      await field(details, 'Postal code').fill('10115');
      await field(details, 'City').fill('Berlin');
      await field(details, 'Country').fill('de');
      await field(details, 'VAT id').fill('DE 123 456 789');
      await field(details, 'Billing e-mail').fill('billing@trial-balloon.example');
      await button(details, 'Save billing details').click();
      await details.getByRole('status').getByText('Saved.').waitFor();
      for (let attempt = 0; ; attempt++) {
        await page.reload();
        await field(details, 'Legal name').waitFor();
        if ((await field(details, 'VAT id').inputValue()) === 'DE123456789') break;
        assert.ok(attempt < 10, 'the saved billing details come back normalized');
        await page.waitForTimeout(1_000);
      }
      assert.equal(await field(details, 'Country').inputValue(), 'DE');
      assert.equal(await field(details, 'Address').inputValue(), 'Hauptstraße 1\n2. Etage');

      // a card saved on the payment provider's hosted page (the local stand-in) comes back to the billing page
      await button(page, 'Add a card').click();
      await page.waitForURL((url) => url.pathname.startsWith('/pay/cs_test_'));
      await page.getByRole('radio', { name: 'Visa — payments succeed (•••• 4242)' }).check();
      await button(page, 'Save card').click();
      await page.waitForURL((url) => url.pathname === '/billing' && url.searchParams.get('card') === 'saved');
      await page.getByTestId('saved-card').getByText(/^Visa •••• 4242, expires 12\/\d{4}$/).waitFor({ timeout: 20_000 });

      // the owner ends the trial now: the saved card pays the first invoice at once; its PDF downloads
      await button(page, 'Start paying now').click();
      await eventually(page, current.getByText('Active', { exact: true }));
      const invoices = page.getByRole('table', { name: 'Invoices' });
      await eventually(page, invoices.getByText('Paid'));
      const pdf = await download(page, invoices.getByRole('button', { name: 'Download PDF' }).first());
      assert.match(pdf.name, /^invoice-WPM-\d{6}\.pdf$/);
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');

      // in a paid period an upgrade shows what it costs now before it is confirmed, and is invoiced at once
      await plans.getByRole('button', { name: 'Switch to Agency' }).click();
      const upgrade = page.getByRole('group', { name: 'Switch to Agency' });
      await upgrade.getByTestId('plan-change-preview').getByText(/^Due now: €[\d,]+\.\d{2}$/).waitFor();
      await upgrade.getByRole('button', { name: 'Confirm' }).click();
      await eventually(page, plans.getByRole('row', { name: /Agency/ }).getByText('Your plan'));
      // the upgrade's invoice, newest first, above the first period's (waiting for the list to load after a reload)
      const invoiceRows = invoices.locator('tbody tr');
      await eventually(page, invoiceRows.nth(1));
      const numbers = await invoiceRows.getByRole('rowheader').allInnerTexts();
      assert.equal(numbers.length, 2, 'the first invoice and the upgrade invoice are listed');
      assert.ok(numbers[0] > numbers[1], `the upgrade invoice (${numbers[0]}) is listed above the first (${numbers[1]})`);
    }));

  test('an owner invites a teammate who accepts and appears on the Team page', { timeout: 120_000 }, () =>
    scenario('team-invitation', async (open) => {
      const owner = await open();
      await signUp(owner, { agencyName: 'Invite Test Agency', name: 'Oscar Owner', email: uniqueEmail('owner') });

      await link(owner, 'Team').click();
      await owner.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      await eventually(owner, owner.getByRole('cell', { name: /Oscar Owner/ }));
      await button(owner, 'Invite').click();
      const inviteeEmail = uniqueEmail('teammate');
      await field(owner, 'Email').fill(inviteeEmail);
      await field(owner, 'Role').selectOption('ADMIN');
      await button(owner, 'Send invitation').click();
      const inviteLink = field(owner, 'Invite link');
      await inviteLink.waitFor();
      const url = new URL(await inviteLink.inputValue());
      assert.equal(url.pathname, '/accept-invitation');
      assert.equal(url.search, '', 'no token in the query: it would land in access logs');
      assert.ok(new URLSearchParams(url.hash.slice(1)).get('token'), 'the invite link carries its token in the fragment');

      // the teammate opens the link in their own browser profile
      const teammate = await open();
      await teammate.goto(`${url.pathname}${url.hash}`);
      await field(teammate, 'Your name').fill('Bea Teammate');
      await field(teammate, 'Password').fill(PASSWORD);
      await button(teammate, 'Accept invitation').click();
      await teammate.waitForURL(atOverview);
      await teammate.getByRole('group', { name: 'User menu' }).getByText('Bea Teammate').waitFor();
      await teammate.getByText('Invite Test Agency').first().waitFor();

      await link(teammate, 'Team').click();
      await teammate.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      await eventually(teammate, teammate.getByRole('cell', { name: /Bea Teammate/ }));
      await teammate.getByRole('cell', { name: inviteeEmail }).waitFor();
    }));

  test('an owner connects demo data, reads the client dashboard and finds the client on the overview', { timeout: 180_000 }, () =>
    scenario('client-dashboard', async (open) => {
      const page = await open();
      await signUp(page, { agencyName: 'Dashboard Test Agency', name: 'Dana Dashboard', email: uniqueEmail('dashboard') });

      await navLink(page, 'Clients').click();
      await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
      await button(page, 'New client').click();
      await field(page, 'Client name').fill('Northwind Outfitters');
      await button(page, 'Create client').click();
      await page.waitForURL(/\/clients$/);
      await eventually(page, link(page, 'Northwind Outfitters'));
      await link(page, 'Northwind Outfitters').click();
      await page.waitForURL(/\/clients\/[^/]+$/);
      await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Integrations' }).waitFor();

      // connecting answers once the first sync (a year of demo data) has started; it runs in the background, and
      // the integration shows its last sync time when it is done
      await button(page, 'Connect demo data').click();
      const demo = page.getByRole('listitem', { name: 'Demo data integration' });
      await demo.waitFor();
      await eventually(page, demo.locator('time'), 60_000);
      await kpiBecomesNonZero(page, 'Sessions');
      await page.getByText(/^Showing 30 days/).waitFor();

      // switch to the last 7 days: the inputs and the shown range follow
      const to = await field(page, 'To').inputValue();
      await button(page, 'Last 7 days').click();
      await page.getByText(/^Showing 7 days/).waitFor();
      assert.equal(await field(page, 'From').inputValue(), isoMinusDays(to, 6));
      assert.equal(await button(page, 'Last 7 days').getAttribute('aria-pressed'), 'true');
      await kpiBecomesNonZero(page, 'Sessions', 20_000);
      await page.getByText(/^Days are in \S+/).waitFor();

      // a report for this client, made through the UI from the client page, downloads as a PDF
      await page.getByRole('region', { name: 'Reports' }).getByRole('link', { name: 'New report', exact: true }).click();
      await page.waitForURL(/\/reports\/new\?clientId=/);
      assert.equal((await field(page, 'Client').locator('option:checked').textContent())?.trim(), 'Northwind Outfitters');
      await field(page, 'Title').fill('Northwind weekly');
      for (const metric of ['Sessions', 'Revenue', 'ROAS', 'Avg. engagement time']) {
        await page.getByRole('checkbox', { name: metric, exact: true }).check();
      }
      await field(page, 'Period').selectOption('last_7_days');
      await button(page, 'Create report').click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Northwind weekly' }).waitFor();
      await page.getByRole('table', { name: 'Metrics' }).getByRole('rowheader', { name: 'Sessions', exact: true }).waitFor();
      await page.getByRole('list', { name: 'Data as of' }).getByText(/^Demo data: last sync/).waitFor();
      await snap(page, 'report-view');
      const pdf = await download(page, button(page, 'Export PDF'));
      assert.match(pdf.name, /^northwind-weekly_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.pdf$/);
      assert.equal(pdf.bytes.subarray(0, 4).toString('latin1'), '%PDF');

      // the agency overview lists the client with its numbers
      await navLink(page, 'Overview').click();
      await page.waitForURL(atOverview);
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      const northwind = page.getByRole('row', { name: /Northwind Outfitters/ });
      await eventually(page, northwind);
      await link(page, 'Northwind Outfitters').waitFor();
      // demo data is in US dollars: revenue and cost carry the symbol
      await northwind.getByRole('cell', { name: /^\$[\d,.]+[KM]?$/ }).first().waitFor();
    }));

  test('an owner keeps a scheduled report: errors at the fields, listed with its schedule, exported as CSV, deleted', { timeout: 150_000 }, () =>
    scenario('reports', async (open) => {
      // TEST-NET-1: an address no other scenario uses, for its own auth budget
      const page = await open();
      await signUp(page, { agencyName: 'Report Test Agency', name: 'Rhea Reports', email: uniqueEmail('reports') });
      await createClient(page, 'Harbor Books');

      await navLink(page, 'Reports').click();
      await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      await page.getByRole('heading', { name: 'No reports yet' }).waitFor();
      await link(page, 'New report').click();
      await page.waitForURL(/\/reports\/new$/);

      // nothing filled in: each problem at its field, nothing sent
      await button(page, 'Create report').click();
      await page.getByText('Choose the client this report is for.').waitFor();
      await page.getByText('Give the report a title.').waitFor();
      await page.getByText('Choose at least one metric.').waitFor();
      assert.equal(await field(page, 'Title').getAttribute('aria-invalid'), 'true');
      await snap(page, 'report-form-errors');

      await field(page, 'Client').selectOption({ label: 'Harbor Books' });
      await field(page, 'Title').fill('Harbor weekly');
      for (const metric of ['Sessions', 'Conversions', 'CTR']) {
        await page.getByRole('checkbox', { name: metric, exact: true }).check();
      }
      await page.getByRole('checkbox', { name: 'Send this report by e-mail on a schedule' }).check();
      await field(page, 'Frequency').selectOption('weekly');
      // the server decides what an e-mail address is; its answer shows at the field
      await field(page, 'Recipients').fill('owner@harbor-books.example, not-an-email');
      await button(page, 'Create report').click();
      await page.getByText('“not-an-email” must be an e-mail address.').waitFor();
      assert.equal(await field(page, 'Recipients').getAttribute('aria-invalid'), 'true');
      assert.match(page.url(), /\/reports\/new$/);
      await snap(page, 'report-form-server-error');

      await field(page, 'Recipients').fill('owner@harbor-books.example');
      await button(page, 'Create report').click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Harbor weekly' }).waitFor();
      await page.getByText('Weekly (Mondays) · PDF · to owner@harbor-books.example').waitFor();

      // listed with its schedule; the CSV export carries the header lines
      await navLink(page, 'Reports').click();
      const row = page.getByRole('row', { name: /Harbor weekly/ });
      await eventually(page, row);
      await row.getByText('Weekly (Mondays) · PDF · to owner@harbor-books.example').waitFor();
      await snap(page, 'reports-list');
      const csv = await download(page, button(page, 'Export CSV of Harbor weekly'));
      assert.match(csv.name, /^harbor-weekly_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = csv.bytes.toString('utf8').split('\r\n');
      assert.equal(lines[0], 'report,Harbor weekly');
      assert.equal(lines[1], 'client,Harbor Books');
      assert.equal(lines[2], 'agency,Report Test Agency');
      assert.match(lines[3], /^range,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},last_30_days$/);
      assert.ok(lines.includes('metric,label,unit,value,previous,change_pct'), 'the CSV has its metrics table');

      // delete asks first, then the list is empty again
      await link(page, 'Harbor weekly').click();
      await page.getByRole('heading', { level: 1, name: 'Harbor weekly' }).waitFor();
      await button(page, 'Delete').click();
      await page.getByText(/Delete “Harbor weekly”\?/).waitFor();
      await button(page, 'Delete report').click();
      await page.waitForURL(/\/reports\?clientId=/);
      await page.getByRole('heading', { name: 'No reports for Harbor Books yet' }).waitFor();
    }));

  test('an owner finds a rename in the audit log, reads the client\'s history and past state, verifies the log and exports it', { timeout: 150_000 }, () =>
    scenario('audit', async (open) => {
      const page = await open();
      await signUp(page, { agencyName: 'Audit Trail Agency', name: 'Avery Owner', email: uniqueEmail('audit') });
      await createClient(page, 'Acme Ltd');
      // the client page shows the created client, so its creation is in the past; the rename comes 2 s later, and the
      // instant half-way is one the state as of must show "Acme Ltd" for (the browser and the stack share a clock)
      const between = Date.now() + 1_000;
      await page.waitForTimeout(2_000);
      await field(page, 'Client name').fill('Acme Group');
      await button(page, 'Save').click();
      await page.getByRole('heading', { level: 1, name: /Acme Group/ }).waitFor();

      // the timeline: one line says who renamed what from what to what
      await navLink(page, 'Audit').click();
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      const rename = page.getByRole('listitem')
        .filter({ hasText: 'Acme Ltd' })
        .filter({ hasText: 'Acme Group' })
        .filter({ hasText: 'Avery Owner' });
      await eventually(page, rename, 20_000, () => button(page, 'Refresh').click());
      await snap(page, 'audit-timeline');

      // the client's history: the rename as a diff, and the state between creation and rename
      await rename.first().getByRole('link', { name: /^History of client / }).click();
      await page.waitForURL(/\/audit\/client\/[^/]+$/);
      await page.getByRole('heading', { level: 1, name: /^Client / }).waitFor();
      const nameChange = page.getByRole('table', { name: /^Changes in event / }).getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'name', exact: true }) })
        .filter({ hasText: 'Acme Group' });
      await nameChange.waitFor();
      assert.deepEqual(await nameChange.getByRole('cell').allInnerTexts(), ['Acme Ltd', 'Acme Group']);
      const hint = await page.getByText(/^Times are in \S+\.$/).innerText();
      const timeZone = hint.replace(/^Times are in /, '').replace(/\.$/, '');
      await field(page, 'State as of').fill(wallClock(between, timeZone));
      await button(page, 'Show state').click();
      const stateThen = page.getByRole('table', { name: /^State as of / });
      await stateThen.getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'name', exact: true }) })
        .getByRole('cell', { name: 'Acme Ltd', exact: true })
        .waitFor();
      await snap(page, 'audit-history');

      // verification: intact once the first checkpoint is sealed (within seconds on a test stack)
      await navLink(page, 'Audit').click();
      await link(page, 'Integrity and export').click();
      await page.getByRole('heading', { level: 1, name: 'Integrity and export' }).waitFor();
      const intact = page.getByRole('heading', { name: 'Intact', exact: true });
      const notSealed = page.getByText('The log has not been sealed yet; the first checkpoint is written within a minute.');
      await button(page, 'Verify now').click();
      await intact.or(notSealed).first().waitFor({ timeout: 30_000 });
      await eventually(page, intact, 90_000, () => button(page, 'Verify now').click());
      await button(page, 'Copy root hash').waitFor();
      await snap(page, 'audit-integrity');

      // the export and the key to check it with, offline
      const exported = await download(page, button(page, 'Export'));
      const header = JSON.parse(exported.bytes.toString('utf8').split('\n')[0]);
      assert.ok(header.export, `the export's first line is its header: ${JSON.stringify(header)}`);
      const key = await download(page, button(page, 'Download public key'));
      assert.ok(JSON.parse(key.bytes.toString('utf8')).kty, 'the checkpoint key is a JWK');
    }));
});

/*
 * The stack behind WPM_STANDINS_BASE_URL (system-tests SpaOAuthBrowserTest) has a stand-in Google — its consent page
 * sends the browser straight back with a code, its token endpoint trades that code, and its GA4 Data API answers
 * three days: 900 + 1,100 + 1,000 sessions, revenue €1,200.25 + €1,800 + €1,500.50, for property 412345678 — and an
 * SMTP server that accepts every report e-mail.
 */
if (STANDINS_BASE_URL) describe('With a stand-in Google and mail server', { timeout: 300_000 }, () => {
  test('an owner connects GA4 through the consent page and sees its numbers on the dashboard', { timeout: 200_000 }, () =>
    scenario('oauth-ga4', async (open) => {
      const page = await open(STANDINS_BASE_URL);
      await signUp(page, { agencyName: 'OAuth Browser Agency', name: 'Gina Google', email: uniqueEmail('ga4') });
      await createClient(page, 'Analytics Client');

      // providers the stack cannot connect are shown, disabled, with the reason
      const meta = button(page, 'Connect Meta Ads');
      await meta.waitFor();
      assert.equal(await meta.isDisabled(), true);
      await page.getByText('Not available on this server').first().waitFor();

      await button(page, 'Connect Google Analytics 4').click();
      await button(page, 'Continue to Google').click();
      await page.getByText('Enter the GA4 property ID.').waitFor();
      await field(page, 'GA4 property ID').fill('412345678');
      await snap(page, 'oauth-connect-form');

      // connect → the stand-in consent page → the callback → back on the client page
      await button(page, 'Continue to Google').click();
      await page.getByRole('status').filter({ hasText: 'Google Analytics 4 is connected' }).waitFor({ timeout: 30_000 });
      await page.waitForURL((url) => /^\/clients\/[^/]+$/.test(url.pathname) && !url.searchParams.has('oauth'));

      const ga4 = page.getByRole('listitem', { name: 'Google Analytics 4 integration' });
      await ga4.waitFor();
      await ga4.locator('time').waitFor({ timeout: 60_000 });
      await ga4.getByText('Connected', { exact: true }).waitFor();

      // the SPA refreshes the dashboard when the first sync ends
      const sessions = await kpiBecomesNonZero(page, 'Sessions', 60_000);
      assert.equal(sessions.replace(/\s/g, ''), '3,000');
      const revenue = page.getByRole('group', { name: 'Revenue', exact: true });
      await revenue.getByText('€4,500.75').waitFor();
      await page.getByRole('list', { name: 'Data freshness' }).getByText(/^Google Analytics 4: data through/).waitFor();
      await snap(page, 'oauth-connected');
    }));

  test('an owner sends a report now and downloads the exact file that was e-mailed', { timeout: 120_000 }, () =>
    scenario('send-now', async (open) => {
      const page = await open(STANDINS_BASE_URL);
      await signUp(page, { agencyName: 'Mail Test Agency', name: 'Mo Mail', email: uniqueEmail('mail') });
      await createClient(page, 'Lighthouse Dental');

      await page.getByRole('region', { name: 'Reports' }).getByRole('link', { name: 'New report', exact: true }).click();
      await field(page, 'Title').fill('Lighthouse monthly');
      await page.getByRole('checkbox', { name: 'Sessions', exact: true }).check();
      await page.getByRole('radio', { name: 'Fixed dates' }).check();
      await field(page, 'From').fill('2026-01-01');
      await field(page, 'To').fill('2026-01-31');
      await button(page, 'Create report').click();
      await page.getByRole('heading', { level: 1, name: 'Lighthouse monthly' }).waitFor();
      await page.getByText(/^1 – 31 Jan 2026/).first().waitFor();

      await page.getByRole('heading', { name: 'Nothing sent yet' }).waitFor();
      const sendNow = page.getByRole('form', { name: 'Send now' });
      await sendNow.getByLabel('Recipients', { exact: true }).fill('owner@lighthouse-dental.example');
      await sendNow.getByRole('button', { name: 'Send now', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'On its way to owner@lighthouse-dental.example' }).waitFor();

      // the history looks again by itself until the delivery settles
      const history = page.getByRole('table', { name: 'Delivery history' });
      await history.getByText('Delivered', { exact: true }).waitFor({ timeout: 60_000 });
      const fileButton = history.getByRole('button', { name: /^Download / });
      const sha256 = (await fileButton.getAttribute('title'))?.replace(/^SHA-256 /, '');
      const file = await download(page, fileButton);
      assert.match(file.name, /^lighthouse-monthly_2026-01-01_2026-01-31\.pdf$/);
      assert.equal(file.bytes.subarray(0, 4).toString('latin1'), '%PDF');
      assert.equal(createHash('sha256').update(file.bytes).digest('hex'), sha256, 'the same bytes that were e-mailed');
      await snap(page, 'report-delivered');
    }));
});
