// Shared pieces of the browser tests: Debian's Chromium, Tasklist login, named steps, screenshots.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const base = process.env.BASE_URL || 'http://localhost:8080';
export const shots = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

export async function openBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export function runner(browser) {
  const state = { passed: 0, failed: 0, lastPage: null };
  return {
    state,
    // locale en-US on purpose: Vietnamese must be the default whatever the browser says.
    async loginToTasklist(username) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 950 }, locale: 'en-US' });
      const page = await context.newPage();
      state.lastPage = page;
      await page.goto(base + '/camunda/app/tasklist/');
      await page.fill('input[ng-model="username"]', username);
      await page.fill('input[ng-model="password"]', 'demo');
      await page.click('button[type=submit]');
      await page.waitForSelector('text=Nhiệm vụ của đơn vị tôi', { timeout: 20000 });
      return { context, page };
    },
    async step(name, fn) {
      try {
        await fn();
        state.passed++;
        console.log('ok   - ' + name);
      } catch (e) {
        state.failed++;
        console.log('FAIL - ' + name + '\n       ' + (e.stack || e).toString().split('\n').slice(0, 4).join('\n       '));
        if (state.lastPage && !state.lastPage.isClosed()) {
          await state.lastPage.screenshot({ path: shots + 'FAILED-' + name.replace(/[^a-z]+/gi, '-') + '.png' })
            .catch(() => {});
        }
      }
    },
    track(page) {
      state.lastPage = page;
    },
  };
}

/** Opens a task by its name in the list, and claims it when it is not yet the user's. */
export async function openTask(page, name) {
  await page.click(`text=${name}`);
  await page.waitForTimeout(1500);
  if (await page.locator('text=Nhận việc').count()) {
    await page.click('text=Nhận việc');
    await page.waitForTimeout(800);
  }
}

export async function completeTask(page, name) {
  await page.click('button:has-text("Hoàn thành")');
  await page.waitForSelector(`text=${name}`, { state: 'detached', timeout: 20000 });
}
