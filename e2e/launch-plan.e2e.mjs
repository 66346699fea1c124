// Browser test of the launch-plan step in Tasklist, as the people of the procedure take it:
// a unit's officer sends the plan with an attached document, the Board reviews and accepts it,
// and the progress board shows the unit. Screenshots go to e2e/screenshots/.
import assert from 'node:assert/strict';
import { base, shots, openBrowser, runner, login } from './helpers.mjs';

const browser = await openBrowser();
const { state, loginToTasklist, step, track } = runner(browser);

const planNumber = '25/KH-SYT-' + Date.now() % 100000;
const pdf = Buffer.from('%PDF-1.4\n% Kế hoạch phát động thi đua của Sở Y tế\n%%EOF\n');

await step('a unit officer sees the launch-plan task in Vietnamese, with no Camunda 8 banner', async () => {
  const { context, page } = await loginToTasklist('canbo.syt');
  await page.click('text=Lập và gửi kế hoạch phát động thi đua');
  await page.waitForSelector('#planNumber');
  const body = await page.textContent('body');
  assert.match(body, /Kế hoạch phát động thi đua/);
  assert.match(body, /Đơn vị: Sở Y tế/);
  assert.doesNotMatch(body, /migrate to Camunda 8/i);
  await page.screenshot({ path: shots + '01-unit-task.png' });
  await context.close();
});

await step('sending without a document is refused with Vietnamese messages', async () => {
  const { context, page } = await loginToTasklist('canbo.syt');
  await page.click('text=Lập và gửi kế hoạch phát động thi đua');
  await page.waitForSelector('#planNumber');
  await page.click('text=Nhận việc');
  await page.waitForSelector('#planNumber:not([disabled])');
  await page.click('button:has-text("Hoàn thành")');
  await page.waitForSelector('#validationErrors li');
  const errors = await page.textContent('#validationErrors');
  assert.match(errors, /Chưa nhập số, ký hiệu kế hoạch/);
  assert.match(errors, /Chưa đính kèm văn bản kế hoạch/);
  await page.screenshot({ path: shots + '02-validation.png' });
  await context.close();
});

await step('the unit officer attaches the plan document and sends it', async () => {
  const { context, page } = await loginToTasklist('canbo.syt');
  await page.click('text=Lập và gửi kế hoạch phát động thi đua');
  await page.waitForSelector('#planNumber');
  if (await page.locator('text=Nhận việc').count()) {
    await page.click('text=Nhận việc');
  }
  await page.waitForSelector('#planNumber:not([disabled])');
  await page.fill('#planNumber', planNumber);
  await page.fill('#planDate', new Date().toISOString().substring(0, 10));
  await page.fill('#planSummary', 'Phát động thi đua thực hiện thắng lợi nhiệm vụ y tế năm 2026; chỉ tiêu 13 bác sĩ/vạn dân.');
  await page.setInputFiles('#planFile', { name: 'ke-hoach-thi-dua-SYT.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.waitForSelector('#uploadStatus.text-success', { timeout: 15000 });
  assert.match(await page.textContent('#currentDocument'), /ke-hoach-thi-dua-SYT\.pdf/);
  await page.screenshot({ path: shots + '03-unit-form-filled.png' });
  await page.click('button:has-text("Hoàn thành")');
  await page.waitForSelector('text=Lập và gửi kế hoạch phát động thi đua', { state: 'detached', timeout: 15000 });
  await page.screenshot({ path: shots + '04-unit-after-sending.png' });
  await context.close();
});

await step('another unit cannot see that unit\'s task', async () => {
  const { context, page } = await loginToTasklist('canbo.stc');
  await page.waitForSelector('text=Lập và gửi kế hoạch phát động thi đua');
  await page.click('text=Lập và gửi kế hoạch phát động thi đua');
  await page.waitForSelector('#planNumber');
  await page.waitForFunction(() => document.querySelector('#unitName').textContent.length > 0);
  assert.equal(await page.textContent('#unitName'), 'Sở Tài chính');
  assert.equal(await page.locator('text=Lập và gửi kế hoạch phát động thi đua').count() >= 1, true);
  const body = await page.textContent('body');
  assert.doesNotMatch(body, /Thẩm định kế hoạch/);
  assert.doesNotMatch(body, /Sở Y tế/);
  await context.close();
});

await step('the Board opens the review task, downloads the document and accepts the plan', async () => {
  const { context, page } = await loginToTasklist('bantdkt');
  await page.click('text=Thẩm định kế hoạch: Sở Y tế');
  await page.waitForSelector('text=Kết quả thẩm định');
  if (await page.locator('text=Nhận việc').count()) {
    await page.click('text=Nhận việc');
  }
  const link = page.locator('a:has-text("Tải về / mở văn bản")');
  await link.waitFor();
  const href = await link.getAttribute('href');
  const download = await context.request.get(base + href);
  assert.equal(download.status(), 200);
  assert.deepEqual(Buffer.from(await download.body()), pdf);
  assert.equal(await page.inputValue('input[name="planNumber"], #Field_PlanNumber, input[id*="PlanNumber"]').catch(() => planNumber), planNumber);
  await page.screenshot({ path: shots + '05-board-review.png' });
  // Camunda Forms' own messages are rewritten into Vietnamese (scripts/vi-form-messages.js).
  const reason = page.locator('.fjs-container textarea:not([disabled])');
  await reason.fill('x'.repeat(3901));
  await reason.blur();
  await page.waitForSelector('.fjs-form-field-error', { timeout: 5000 });
  assert.match(await page.textContent('.fjs-form-field-error'), /Không được dài quá 3900 ký tự/);
  await page.screenshot({ path: shots + '06-board-form-message-in-vietnamese.png' });
  // Returning without a reason is refused by the server with a message the Board can act on.
  await reason.fill('');
  await page.getByLabel('Trả lại để đơn vị chỉnh sửa', { exact: true }).check();
  await page.click('button:has-text("Hoàn thành")');
  await page.waitForSelector('text=/phải nêu lý do/', { timeout: 10000 });
  await page.screenshot({ path: shots + '07-board-return-without-reason.png' });
  await page.locator('.alert-danger button.close:visible, .notifications button.close:visible').first().click();
  await page.waitForSelector('text=/phải nêu lý do/', { state: 'detached' });
  await page.getByLabel('Tiếp nhận', { exact: true }).check();
  await page.click('button:has-text("Hoàn thành")');
  await page.waitForSelector('text=Thẩm định kế hoạch: Sở Y tế', { state: 'detached', timeout: 15000 });
  await page.screenshot({ path: shots + '08-board-after-accepting.png' });

  const campaigns = await (await context.request.get(base + '/api/campaigns')).json();
  const demo = campaigns.find((c) => c.code === 'DEMO/KH-UBND');
  const board = await (await context.request.get(base + `/api/campaigns/${demo.id}/launch-plan-progress`)).json();
  const syt = board.rows.find((r) => r.unitCode === 'SYT');
  assert.equal(syt.status, 'ACCEPTED');
  assert.equal(syt.onTime, true);
  assert.equal(syt.planNumber, planNumber);
  console.log(`       progress board: ${JSON.stringify(board.countsByLabel)}; SYT ${syt.statusLabel}, `
    + `đúng hạn=${syt.onTime}, gửi lúc ${syt.firstSentAt}`);
  const csv = await context.request.get(base + `/api/campaigns/${demo.id}/launch-plan-progress.csv`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), new RegExp('"SYT","Sở Y tế".*"đã tiếp nhận"'));
  const page2 = await context.newPage();
  await page2.goto(base + `/api/campaigns/${demo.id}/launch-plan-progress`);
  await page2.screenshot({ path: shots + '09-progress-board-json.png' });
  await context.close();
});

await step('Cockpit, Admin and Welcome speak Vietnamese too', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  track(page);
  await page.goto(base + '/camunda/app/cockpit/');
  await login(page, 'admin');
  await page.waitForSelector('text=Định nghĩa quy trình', { timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: shots + '10-cockpit.png' });
  await page.goto(base + '/camunda/app/admin/');
  await page.waitForFunction(() => /Người dùng/.test(document.body.innerText), null, { timeout: 45000 });
  await page.screenshot({ path: shots + '11-admin.png' });
  await page.goto(base + '/camunda/app/welcome/');
  await page.waitForTimeout(2000);
  assert.doesNotMatch(await page.textContent('body'), /migrate to Camunda 8/i);
  await page.screenshot({ path: shots + '12-welcome.png' });
  await context.close();
});

await browser.close();
console.log(`launch-plan: ${state.passed} passed, ${state.failed} failed`);
process.exit(state.failed ? 1 : 0);
