// End to end in a real browser: the local registry, the backend with the
// built app, and Debian's Chromium driven by playwright-core, on the
// example component payments-service.
//
//   node --test 'e2e-tests/*.test.mjs'
//
// Logs go to a temporary folder named at the start; screenshots to
// docs/screenshots/. E2E_BACKEND_PORT changes the backend's port (7007).

import assert from 'node:assert/strict';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildAppIfStale } from './support/app.mjs';
import { guestToken, startBackend } from './support/backend.mjs';
import {
  ENTITY_PATH,
  FAILING_PATTERN,
  FAILING_REPOSITORY,
  SEEDED_NEWEST,
  UBI8_PATTERN,
  UBI8_REPOSITORY,
  ubi8RefreshPlan,
} from './support/expectations.mjs';
import { listTags, pushOwnTag, startRegistry } from './support/registry.mjs';
import { waitFor } from './support/waitFor.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const screenshots = join(root, 'docs/screenshots');
const port = Number(process.env.E2E_BACKEND_PORT ?? 7007);
const UI_TIMEOUT = 30_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Waits until the locator's text passes `check`; returns the text. */
function waitForText(what, locator, check, timeoutMs = UI_TIMEOUT) {
  return waitFor(
    what,
    async report => {
      const text = (await locator.textContent({ timeout: 1_000 })) ?? '';
      report(text.slice(0, 300));
      return check(text) ? text : undefined;
    },
    { timeoutMs, intervalMs: 250 },
  );
}

describe('base-image-tags in a real browser', { timeout: 6 * 60_000 }, () => {
  let logDir;
  let registry;
  let backend;
  let browser;
  let page;
  let refreshPlan;
  let deletePushedTag;

  before(async () => {
    logDir = await mkdtemp(join(tmpdir(), 'base-image-tags-e2e-'));
    console.log(`Logs in ${logDir}`);
    await mkdir(screenshots, { recursive: true });

    const started = Date.now();
    const phase = what =>
      console.log(
        `${what} after ${Math.round((Date.now() - started) / 1000)}s`,
      );
    registry = await startRegistry({ root, logDir });
    phase(
      registry.startedHere
        ? 'Registry started and seeded'
        : 'Registry already running, seeded',
    );
    refreshPlan = ubi8RefreshPlan(await listTags(UBI8_REPOSITORY));
    phase(`App ${await buildAppIfStale({ root, logDir })}`);
    backend = await startBackend({ root, logDir, port });
    phase(`Backend up at ${backend.baseUrl}`);

    // The catalog reads the example entities, then the first poll cycle
    // lists their repositories; the browser starts once it has.
    const token = await guestToken(backend.baseUrl);
    await waitFor(
      "payments-service's patterns to be polled",
      async report => {
        const response = await fetch(
          `${backend.baseUrl}/api/base-image-tags/entities/component/default/payments-service/patterns`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        if (!response.ok) {
          report(`HTTP ${response.status}`);
          return undefined;
        }
        const { items } = await response.json();
        report(items.map(item => `${item.pattern}: ${item.status}`));
        const polled = items.filter(item => item.lastPolledAt);
        return items.length === 4 && polled.length === 4 ? true : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 1_000 },
    );
    phase('Patterns polled');

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(UI_TIMEOUT);
    page.setDefaultNavigationTimeout(UI_TIMEOUT);
  });

  after(async () => {
    // Each step runs even when an earlier one failed.
    await browser?.close().catch(error => console.error(error));
    await deletePushedTag?.().catch(error => console.error(error));
    await backend?.stop().catch(error => console.error(error));
    await registry?.stop().catch(error => console.error(error));
  });

  it('signs in as guest', async () => {
    await page.goto(backend.baseUrl);
    await page.getByRole('button', { name: /enter/i }).click();
    await page.getByRole('link', { name: 'Base image tags' }).first().waitFor();
  });

  it('shows the newest tag of each pattern on the entity card', async () => {
    await page.goto(`${backend.baseUrl}${ENTITY_PATH}`);
    const expected = {
      ...SEEDED_NEWEST,
      [UBI8_PATTERN]: refreshPlan.newestBefore,
    };
    for (const [pattern, image] of Object.entries(expected)) {
      const section = page.getByRole('region', { name: pattern });
      await waitForText(
        `the newest image of ${pattern}`,
        section.getByLabel('Newest image'),
        text => text === image,
      );
      assert.match(await section.textContent(), /Healthy/);
      assert.equal(
        await section.getByRole('button', { name: `Copy ${image}` }).count(),
        1,
      );
    }
    const card = page
      .locator('.MuiCard-root')
      .filter({ hasText: 'Top tags and counts' });
    await card.screenshot({ path: join(screenshots, 'entity-card.png') });
  });

  it("shows the failing pattern's reason", async () => {
    const section = page.getByRole('region', { name: FAILING_PATTERN });
    const text = await waitForText(
      `the failure of ${FAILING_PATTERN}`,
      section,
      content => content.includes('Failing since'),
    );
    assert.match(text, /Failing/);
    assert.match(text, /not found|NAME_UNKNOWN|404/);
    assert.equal(await section.getByLabel('Newest image').count(), 0);
  });

  it('shows a tag pushed to the registry after a refresh', async () => {
    const section = page.getByRole('region', { name: UBI8_PATTERN });
    const newImage = `localhost:5050/ubi8/ubi:${refreshPlan.newTag}`;
    deletePushedTag = await pushOwnTag(UBI8_REPOSITORY, refreshPlan.newTag);
    assert.ok((await listTags(UBI8_REPOSITORY)).includes(refreshPlan.newTag));

    // Repositories are listed every 4 hours, so without a refresh the card
    // keeps the old newest tag.
    await page.reload();
    await waitForText(
      'the card to load again',
      section.getByLabel('Newest image'),
      text => text === refreshPlan.newestBefore,
    );

    await page.getByRole('button', { name: 'Refresh base image tags' }).click();
    await waitForText(
      `${newImage} after the refresh`,
      section.getByLabel('Newest image'),
      text => text === newImage,
      90_000,
    );
    await waitForText('the refresh to finish', page.getByRole('status'), text =>
      /Refreshed \d+ repositor/.test(text),
    );
    // The other patterns keep their newest tags.
    for (const [pattern, image] of Object.entries(SEEDED_NEWEST)) {
      if (pattern === UBI8_PATTERN) continue;
      assert.equal(
        await page
          .getByRole('region', { name: pattern })
          .getByLabel('Newest image')
          .textContent(),
        image,
      );
    }
    await section.getByRole('button', { name: 'Top tags and counts' }).click();
    const topTags = section.getByRole('table', {
      name: `Top tags of ${UBI8_PATTERN}`,
    });
    await waitForText(
      'the new tag first in the top tags',
      topTags.getByRole('row').nth(1),
      text => text.startsWith(refreshPlan.newTag),
    );
  });

  it('lists every stored tag on the entity tab', async () => {
    // The entity page links its tabs; the app's navigation has a link of
    // the same name, to the overview page.
    const tab = page.locator(`a[href="${ENTITY_PATH}/base-image-tags"]`);
    assert.equal(await tab.count(), 1);
    await tab.click();
    await page.waitForURL(`${backend.baseUrl}${ENTITY_PATH}/base-image-tags`);
    const heading = page.getByRole('heading', { name: UBI8_PATTERN });
    await heading.waitFor();
    const table = page.locator('.MuiPaper-root').filter({ has: heading });
    await waitForText(
      'the new tag ranked first on the tab',
      table.getByRole('row').nth(1),
      text => text.includes(refreshPlan.newTag),
    );
    await page.screenshot({
      path: join(screenshots, 'entity-tab.png'),
      fullPage: true,
    });
  });

  it('opens the overview page with problems first', async () => {
    await page.getByRole('link', { name: 'Base image tags' }).first().click();
    await page.waitForURL(`${backend.baseUrl}/base-image-tags`);
    const table = page.getByRole('table');
    const firstRow = table.getByRole('row').nth(1);
    await waitForText(
      'the failing repository first',
      firstRow,
      text => text.includes(FAILING_REPOSITORY) && text.includes('Failing'),
    );
    const ubi8Row = table
      .getByRole('row')
      .filter({ hasText: 'localhost:5050/ubi8/ubi' });
    const ubi8Cells = await ubi8Row.getByRole('cell').allTextContents();
    assert.match(ubi8Cells[0], /Healthy/);
    // The refresh listed the pushed tag too.
    assert.equal(
      ubi8Cells[2],
      String((await listTags(UBI8_REPOSITORY)).length),
    );
    assert.match(ubi8Cells[3], /:8\.10-\*/);
    assert.match(ubi8Cells[4], /payments-service/);
    await page.screenshot({
      path: join(screenshots, 'overview.png'),
      fullPage: true,
    });

    await page.getByRole('button', { name: /^Failing \(1\)$/ }).click();
    await waitFor(
      'the failing filter to leave one row',
      async report => {
        const rows = await table.getByRole('row').allTextContents();
        report(rows);
        return rows.length === 2 && rows[1].includes(FAILING_REPOSITORY)
          ? true
          : undefined;
      },
      { timeoutMs: UI_TIMEOUT, intervalMs: 250 },
    );
  });

  it('keeps the card usable on a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${backend.baseUrl}${ENTITY_PATH}`);
    const section = page.getByRole('region', { name: UBI8_PATTERN });
    await section.getByLabel('Newest image').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    const card = page
      .locator('.MuiCard-root')
      .filter({ hasText: 'Top tags and counts' });
    await card.screenshot({
      path: join(screenshots, 'entity-card-narrow.png'),
    });
  });
});
