// Shared pieces of the browser tests: Debian's Chromium, Tasklist login, named steps, screenshots.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

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
      await login(page, username);
      await page.waitForSelector('text=Nhiệm vụ của đơn vị tôi', { timeout: 30000 });
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

/**
 * Fills the webapps' login form. The form's autofocus may take the focus back while typing, so
 * the values are checked and typed again when they did not land where they belong.
 */
export async function login(page, username) {
  const user = page.locator('input[ng-model="username"]');
  const password = page.locator('input[ng-model="password"]');
  await user.waitFor();
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  for (let attempt = 0; attempt < 3; attempt++) {
    await user.fill(username);
    await password.fill('demo');
    if ((await user.inputValue()) === username && (await password.inputValue()) === 'demo') {
      break;
    }
  }
  await password.press('Enter');
}

/** Opens a task by its name in the list, and claims it when it is not yet the user's. */
export async function openTask(page, name) {
  await page.click(`text=${name}`);
  // The task's header (its tabs and, when unclaimed, "Nhận việc") renders after the list click.
  await page.waitForSelector('text=Biểu mẫu', { timeout: 20000 });
  await page.waitForTimeout(1000);
  if (await page.locator('text=Nhận việc').count()) {
    await page.click('text=Nhận việc');
    await page.waitForSelector('text=Nhận việc', { state: 'detached', timeout: 10000 }).catch(() => {});
    await page.waitForTimeout(500);
  }
}

/**
 * Waits until the user has a task of this name. Some tasks come from a job of the case a moment after the
 * previous step (the Board's "Thẩm định hồ sơ" after the head's confirmation or the unit's resend: the job
 * executor runs it within a second or two), so a step does not open Tasklist before its task exists.
 */
export async function waitForTask(user, name, timeoutMs = 30000) {
  const auth = { Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64') };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await fetch(base + '/engine-rest/task/count?name=' + encodeURIComponent(name), { headers: auth });
    if (answer.ok && (await answer.json()).count > 0) return;
    if (Date.now() > deadline) throw new Error(`no task "${name}" for ${user} after ${timeoutMs} ms (HTTP ${answer.status})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function completeTask(page, name) {
  await page.click('button:has-text("Hoàn thành")');
  await page.waitForSelector(`text=${name}`, { state: 'detached', timeout: 20000 });
}

/**
 * The text of every XML part of an Office file (XLSX, DOCX: a zip), read through its central
 * directory, so a test can look for what a spreadsheet says without a library.
 */
export function officeText(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) {
    end--;
  }
  if (end < 0) {
    throw new Error('not a zip file');
  }
  const entries = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  let text = '';
  for (let i = 0; i < entries; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (name.endsWith('.xml')) {
      const data = buffer.subarray(dataAt, dataAt + size);
      text += (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return text;
}
