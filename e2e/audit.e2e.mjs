// Browser test of the auditors' pages: kiemtoan signs in to Cockpit, follows "Tra cứu hồ sơ",
// searches by nominee, opens the dossier of award-dossier.e2e.mjs (returned for a supplement,
// voted by the council, awarded by decision), reads every step with person, time and data, sees
// the path on the diagram, downloads the PDF; then tries to complete a task, change a variable and
// delete an instance through the engine REST and is refused (403) each time.
import assert from 'node:assert/strict';
import { base, shots, openBrowser, runner, login } from './helpers.mjs';

const browser = await openBrowser();
const { state, step, track } = runner(browser);
const basic = (user) => ({ Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64') });
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', acceptDownloads: true });
const page = await context.newPage();
track(page);
let caseId;

await step('the auditor signs in to Cockpit and opens "Tra cứu hồ sơ"', async () => {
  await page.goto(base + '/camunda/app/cockpit/');
  await login(page, 'kiemtoan');
  await page.click('text=Tra cứu hồ sơ', { timeout: 30000 });
  await page.waitForURL(/\/audit\//, { timeout: 20000 });
  await page.waitForSelector('#nominee');
  await page.screenshot({ path: shots + '41-audit-search.png' });
});

await step('searches by nominee and finds the awarded dossier', async () => {
  await page.fill('#nominee', 'Lò Thị Xuân');
  await page.selectOption('#kind', 'DOSSIER').catch(() => {});
  await page.click('#search');
  const row = page.locator('#results tr[data-case-id]', { hasText: 'QĐ-UBND' }).first();
  await row.waitFor({ timeout: 20000 });
  caseId = await row.getAttribute('data-case-id');
  await page.screenshot({ path: shots + '42-audit-results.png' });
  await row.locator('a').first().click();
  await page.waitForURL(/case\.html\?id=/, { timeout: 20000 });
});

await step('reads every step with the person, the time and the data, sealed intact', async () => {
  await page.waitForSelector('#timeline li[data-integrity]', { timeout: 30000 });
  const banner = await page.textContent('#integrity');
  assert.match(banner, /Chuỗi niêm phong nguyên vẹn/);
  assert.equal(await page.locator('#timeline li[data-integrity]:not([data-integrity="OK"])').count(), 0);
  const story = await page.textContent('#timeline');
  assert.match(story, /Trả lại để bổ sung/);
  assert.match(story, /Bổ sung bản chụp quyết định công nhận sáng kiến/);
  assert.match(story, /Hoàn thành nhiệm vụ: Bổ sung hồ sơ/);
  assert.match(story, /canbo\.syt/);
  assert.match(story, /lanhdao\.syt/);
  assert.match(story, /Kết quả biểu quyết hồ sơ số \d+: Thông qua/);
  assert.match(story, /Quyết định khen thưởng số \d+\/QĐ-UBND/);
  assert.match(story, /SHA-256/);
  assert.match(story, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
  assert.match(await page.textContent('#related'), /Phiên họp/);
  await page.screenshot({ path: shots + '43-audit-case.png' });
});

await step('sees the path taken on the case\'s own diagram, the appraisal twice', async () => {
  await page.waitForSelector('#diagram svg', { timeout: 20000 });
  assert.ok(await page.locator('#diagram .audit-done').count() > 3, 'steps done are marked');
  assert.ok(await page.locator('#diagram .audit-skipped').count() > 0, 'steps not taken are greyed');
  assert.ok(await page.locator('#diagram .audit-count', { hasText: '×2' }).count() > 0, 'the appraisal ran twice');
  await page.locator('#diagram').screenshot({ path: shots + '44-audit-diagram.png' });
});

await step('downloads the case as a PDF', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-pdf')]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.ok(bytes.length > 5000, 'a real document: ' + bytes.length + ' bytes');
  assert.match(download.suggestedFilename(), /\.pdf$/);
});

await step('the auditor is refused (403) completing a task, changing a variable and deleting a case', async () => {
  const tasks = await (await context.request.get(base + '/engine-rest/task?maxResults=1', { headers: basic('admin') })).json();
  assert.ok(tasks.length > 0, 'an open task exists');
  const task = tasks[0];
  const attempts = [
    await context.request.post(base + `/engine-rest/task/${task.id}/complete`,
      { headers: { ...basic('kiemtoan'), 'Content-Type': 'application/json' }, data: { variables: {} } }),
    await context.request.put(base + `/engine-rest/process-instance/${task.processInstanceId}/variables/kiemTra`,
      { headers: { ...basic('kiemtoan'), 'Content-Type': 'application/json' }, data: { value: 'x', type: 'String' } }),
    await context.request.delete(base + `/engine-rest/process-instance/${task.processInstanceId}`,
      { headers: basic('kiemtoan') }),
  ];
  for (const answer of attempts) {
    assert.equal(answer.status(), 403, await answer.text());
    assert.match((await answer.json()).message, /[àáảãạăâđêôơư]/);
  }
  const still = await context.request.get(base + `/engine-rest/task/${task.id}`, { headers: basic('admin') });
  assert.equal(still.status(), 200, 'the task is still open');
  assert.ok(caseId, 'the case was found');
});

await context.close();
await browser.close();
console.log(`audit: ${state.passed} passed, ${state.failed} failed`);
process.exit(state.failed ? 1 : 0);
