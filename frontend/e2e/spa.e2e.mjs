// Browser test of the SPA against a running stack: WPM_BASE_URL=http://localhost:8080 npm run e2e
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.WPM_BASE_URL?.replace(/\/+$/, '');
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const STEP_TIMEOUT_MS = 15_000;
const PASSWORD = 'correct-horse-battery-staple';

let browser;

function uniqueEmail(prefix) {
  return `${prefix}-${Date.now()}-${randomInt(1e6)}@example.com`;
}

/** A fresh browser profile; the gateway's per-IP limits read the (documentation-range) forwarded address. */
async function newPage(forwardedFor = `198.51.100.${randomInt(1, 255)}`) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { 'X-Forwarded-For': forwardedFor },
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return context.newPage();
}

/** Runs a scenario and leaves a full-page screenshot of every open page when it fails. */
async function scenario(name, body) {
  const pages = [];
  const open = async (forwardedFor) => {
    const page = await newPage(forwardedFor);
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

/** Waits for something the read side may show a moment late, reloading between tries. */
async function eventually(page, locator, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: 4_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
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

describe('WebProMetrics SPA', { timeout: 240_000 }, () => {
  before(async () => {
    assert.ok(BASE_URL, 'set WPM_BASE_URL to the gateway, e.g. http://localhost:8080');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
      timeout: 30_000,
    });
  });

  after(async () => {
    await browser?.close();
  });

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
      assert.ok(url.searchParams.get('token'), 'the invite link carries a token');

      // the teammate opens the link in their own browser profile
      const teammate = await open();
      await teammate.goto(`${url.pathname}${url.search}`);
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
      // its own TEST-NET-3 address, so its signup never shares a per-IP budget with the other scenarios
      const page = await open(`203.0.113.${randomInt(1, 255)}`);
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

      // the agency overview lists the client with its numbers
      await navLink(page, 'Overview').click();
      await page.waitForURL(atOverview);
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await eventually(page, page.getByRole('row', { name: /Northwind Outfitters/ }));
      await link(page, 'Northwind Outfitters').waitFor();
    }));
});
