// End to end: a model trained and saved here is loaded by the built page in headless
// Chromium, on the wasm backend, and must recommend what Node recommends.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateSequential } from '@seqrec/datasets';
import { Interactions, toSequences } from '@seqrec/interactions';
import { ImplicitSequenceModel } from '@seqrec/models';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildDemo } from './build.js';
import { serveFolder, type StaticServer } from './serve.js';

const CHROMIUM = '/usr/bin/chromium';
const HISTORY = ['item-3', 'item-12', 'not-an-item', 'item-7'];
// cpu and wasm add products in different orders, so a score may differ in its last float32
// bits (~1e-7 relative). Scores are compared to 1e-4, and the model's top 11 must be further
// apart than that, so the order of the ten cannot flip between backends.
const TOLERANCE = 1e-4;

function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `browser-demo: the end-to-end test needs Chromium at ${CHROMIUM}; it is missing. ` +
        'Hint: install it with `sudo apt-get install -y chromium` (Debian or Ubuntu); ' +
        '.ci/run does this on CI.',
    );
  }
}

async function trainModel(): Promise<ImplicitSequenceModel> {
  // A seeded Markov chain, with its items renamed to strings so the saved id map is used.
  const chain = generateSequential({ numUsers: 60, numItems: 30, numInteractions: 1800, seed: 11 });
  const data = Interactions.fromRaw({
    users: chain.userIds,
    items: Array.from(chain.itemIds, (id) => `item-${String(id)}`),
    timestamps: chain.timestamps ?? [],
  });
  const model = new ImplicitSequenceModel({
    representation: 'lstm',
    embeddingDim: 16,
    nIter: 2,
    batchSize: 32,
    seed: 5,
    backend: 'cpu',
  });
  await model.fit(toSequences(data, { maxLength: 10 }));
  return model;
}

/** A new page that records uncaught exceptions and console errors into `errors`. */
async function openPage(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return page;
}

/** Waits for `ready` to match, or fails with the error the page shows. */
async function settle(page: Page, ready: string, errors: string[]): Promise<void> {
  await page.waitForSelector(`${ready}, #error:not([hidden])`, { timeout: 60_000 });
  if (await page.isVisible('#error')) {
    const shown = await page.textContent('#error');
    throw new Error(`the page shows an error: ${String(shown)} (logged: ${errors.join('; ')})`);
  }
}

describe('browser demo', () => {
  let site: string;
  let model: ImplicitSequenceModel;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    // Each test fails on its own, with the hint, rather than being reported as skipped.
    if (!existsSync(CHROMIUM)) return;
    site = mkdtempSync(join(tmpdir(), 'seqrec-browser-demo-'));
    model = await trainModel();
    await model.save(join(site, 'model'));
    await buildDemo(site);
    server = await serveFolder(site);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking'],
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    model?.dispose();
    if (site !== undefined) rmSync(site, { recursive: true, force: true });
  });

  it('recommends on wasm the ten items Node computes for a typed history', async () => {
    requireChromium();
    const [expected] = model.recommendMany([HISTORY], 11);
    const scores = expected?.scores ?? [];
    for (let i = 1; i < scores.length; i++) {
      expect((scores[i - 1] ?? 0) - (scores[i] ?? 0)).toBeGreaterThan(TOLERANCE);
    }

    const errors: string[] = [];
    const page = await openPage(browser, server.url, errors);
    await settle(page, '#history:enabled', errors);
    const status = await page.textContent('#model-status');
    expect(status).toContain(`${String(model.numItems - 1)} items`);
    expect(status).toContain('computes on wasm');

    await page.fill('#history', HISTORY.join(', '));
    await page.click('#recommend');
    await settle(page, '#recommendations li:nth-child(10)', errors);
    const shown = await page.$$eval('#recommendations li', (items) =>
      items.map((item) => ({
        id: item.getAttribute('data-item'),
        score: Number(item.getAttribute('data-score')),
      })),
    );
    expect(shown.map((item) => item.id)).toEqual(expected?.items.slice(0, 10));
    shown.forEach((item, rank) => {
      const score = scores[rank] ?? Number.NaN;
      expect(Math.abs(item.score - score)).toBeLessThan(TOLERANCE * Math.max(1, Math.abs(score)));
    });
    expect(await page.textContent('#note')).toContain('not-an-item');
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows on the page why a model could not be loaded', async () => {
    requireChromium();
    // The browser also logs the 404 as a console error, which is expected here.
    const page = await openPage(browser, `${server.url}?model=./no-such-model/`, []);
    await page.waitForSelector('#error:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#error')).toMatch(/no-such-model\/manifest\.json answered 404/);
    expect(await page.isDisabled('#recommend')).toBe(true);
  }, 120_000);
});
