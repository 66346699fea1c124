// Browser test of an award dossier in Tasklist, from proposal to decision: a unit's officer
// proposes a Certificate of Merit with its documents (start form), the unit's head confirms,
// the Board returns it for a supplement, the unit supplements, the Board accepts, six of the seven council members vote (hoidong5 is absent and sends no written
// vote), the standing body closes voting (hoidong5 recorded as absent), submits, the Chairman
// approves, the văn thư registers the number, date and signed scan, and the numbered decision
// lists the awardee. Screenshots go to e2e/screenshots/.
import assert from 'node:assert/strict';
import { base, shots, openBrowser, runner, openTask, completeTask, officeText, waitForTask } from './helpers.mjs';

const browser = await openBrowser();
const { state, loginToTasklist, step } = runner(browser);
const nominee = 'Lò Thị Xuân ' + (Date.now() % 10000);
const lastYear = new Date().getFullYear() - 1;
const pdf = (name) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% ' + name + '\n%%EOF\n') });
let dossierId;
let sessionTitle;
let decisionId;

await step('a unit officer proposes a Certificate of Merit from Tasklist with its documents', async () => {
  const { context, page } = await loginToTasklist('canbo.syt');
  await page.click('text=Khởi tạo quy trình');
  await page.click('text=Hồ sơ đề nghị khen thưởng');
  await page.waitForSelector('#fullName');
  await page.fill('#fullName', nominee);
  await page.selectOption('#gender', 'Nữ');
  await page.fill('#birthYear', '1984');
  await page.fill('#position', 'Điều dưỡng trưởng');
  await page.fill('#workUnit', 'Trung tâm Y tế huyện Mường Nhé');
  await page.fill('#achievementSummary', 'Hai năm liền hoàn thành xuất sắc nhiệm vụ; hai sáng kiến chăm sóc sức khỏe bà mẹ, trẻ em vùng cao.');
  await page.fill('#excellentYears', `${lastYear - 1}, ${lastYear}`);
  await page.fill('#recognisedInitiatives', '2');
  for (const type of ['TO_TRINH', 'BAO_CAO_THANH_TICH', 'BIEN_BAN_HOI_DONG']) {
    await page.setInputFiles(`input[data-type="${type}"]`, pdf(type.toLowerCase() + '.pdf'));
    await page.waitForSelector(`[data-status="${type}"].text-success`, { timeout: 15000 });
  }
  await page.screenshot({ path: shots + '21-proposal-start-form.png', fullPage: true });
  await page.click('.modal-footer button.btn-primary');
  await page.waitForSelector('#fullName', { state: 'detached', timeout: 20000 });
  await context.close();
});

await step('the unit head confirms the dossier', async () => {
  const { context, page } = await loginToTasklist('lanhdao.syt');
  await openTask(page, `Thủ trưởng xác nhận hồ sơ: ${nominee}`);
  await page.getByLabel('Xác nhận, gửi Ban Thi đua – Khen thưởng', { exact: true }).check();
  await page.screenshot({ path: shots + '22-head-confirms.png' });
  await completeTask(page, `Thủ trưởng xác nhận hồ sơ: ${nominee}`);
  await context.close();
});

await step('the Board returns the dossier for a supplement, with what is missing', async () => {
  await waitForTask('bantdkt', `Thẩm định hồ sơ: ${nominee}`); // created by the case's job after the confirmation
  const { context, page } = await loginToTasklist('bantdkt');
  await openTask(page, `Thẩm định hồ sơ: ${nominee}`);
  await page.getByLabel('Trả lại để đơn vị bổ sung', { exact: true }).check();
  await page.getByLabel('Nội dung cần bổ sung / lý do / ý kiến thẩm định').fill('Bổ sung bản chụp quyết định công nhận sáng kiến.');
  await completeTask(page, `Thẩm định hồ sơ: ${nominee}`);
  await context.close();
});

await step('the unit sends its supplement', async () => {
  const { context, page } = await loginToTasklist('canbo.syt');
  await openTask(page, `Bổ sung hồ sơ: ${nominee}`);
  await page.fill('#supplementNote', 'Đã bổ sung quyết định công nhận hai sáng kiến.');
  await page.screenshot({ path: shots + '22b-unit-supplements.png' });
  await completeTask(page, `Bổ sung hồ sơ: ${nominee}`);
  await context.close();
});

await step('the Board sees each rule\'s result and accepts the dossier', async () => {
  await waitForTask('bantdkt', `Thẩm định hồ sơ: ${nominee}`); // created by the case's job after the resend
  const { context, page } = await loginToTasklist('bantdkt');
  await openTask(page, `Thẩm định hồ sơ: ${nominee}`);
  const summary = await page.inputValue('.fjs-container textarea[disabled]');
  assert.match(summary, /✔ Đủ thành phần hồ sơ/);
  assert.match(summary, /✔ Có ít nhất 2 năm liên tục hoàn thành xuất sắc nhiệm vụ/);
  await page.screenshot({ path: shots + '23-board-appraisal.png' });
  await page.getByLabel('Đủ điều kiện, trình Hội đồng', { exact: true }).check();
  await completeTask(page, `Thẩm định hồ sơ: ${nominee}`);
  const mine = await (await context.request.get(base + `/api/award-history?person=${encodeURIComponent(nominee)}`)).json();
  dossierId = mine[0].dossierId;
  assert.equal(mine[0].status, 'ACCEPTED');
  sessionTitle = 'Phiên họp ' + nominee;
  await page.click('text=Khởi tạo quy trình');
  await page.click('text=Phiên họp Hội đồng Thi đua – Khen thưởng và quyết định khen thưởng');
  await page.waitForSelector(`input[data-id="${dossierId}"]`);
  for (const box of await page.locator('input[data-id]').all()) {
    if ((await box.getAttribute('data-id')) !== String(dossierId)) {
      await box.uncheck();
    }
  }
  await page.fill('#sessionTitleInput', sessionTitle);
  await page.fill('#meetingDate', new Date().toISOString().substring(0, 10));
  await page.screenshot({ path: shots + '24-board-opens-council-session.png' });
  await page.click('.modal-footer button.btn-primary');
  await page.waitForSelector('#sessionTitleInput', { state: 'detached', timeout: 20000 });
  await context.close();
});

for (const member of ['chutich', 'hoidong1', 'hoidong2', 'hoidong3', 'hoidong4', 'thuongtruc.hd']) {
  await step(`council member ${member} votes`, async () => {
    const { context, page } = await loginToTasklist(member);
    // The standing body also sees the absent member's ballot (to enter a written vote) and its own
    // closing task: it opens its own ballot from "tasks assigned to me", by its exact name.
    const ballotName = `"Biểu quyết: ${sessionTitle}"`;
    if (member === 'thuongtruc.hd') {
      await page.click('text=Nhiệm vụ tôi đang xử lý');
      await page.waitForTimeout(1000);
    }
    await openTask(page, ballotName);
    await page.waitForSelector(`input[name="v${dossierId}"]`);
    await page.check(`input[name="v${dossierId}"][value="YES"]`);
    await page.fill(`[name="m${dossierId}"]`, 'Ý kiến của ' + member);
    if (member === 'chutich') {
      await page.screenshot({ path: shots + '25-council-ballot.png' });
    }
    await completeTask(page, ballotName);
    await context.close();
  });
}

await step('member hoidong5 is absent: the standing body closes voting and hoidong5 is recorded as absent', async () => {
  const { context, page } = await loginToTasklist('thuongtruc.hd');
  const sessionRead = page.waitForResponse((r) => /\/api\/council-sessions\/\d+$/.test(r.url()), { timeout: 20000 });
  await openTask(page, `Thường trực Hội đồng kết thúc biểu quyết: ${sessionTitle}`);
  const sessionUrl = (await sessionRead).url();
  await page.waitForSelector('#missing li');
  assert.deepEqual(await page.locator('#missing li').allTextContents(), ['hoidong5']);
  await page.check('#confirm');
  await page.screenshot({ path: shots + '25b-standing-body-closes-voting.png', fullPage: true });
  await completeTask(page, `Thường trực Hội đồng kết thúc biểu quyết: ${sessionTitle}`);
  const view = await (await context.request.get(sessionUrl)).json();
  assert.deepEqual(view.absentMembers, ['hoidong5']);
  assert.equal(view.votingClosedBy, 'thuongtruc.hd');
  console.log(`       voting closed by ${view.votingClosedBy}; absent: ${view.absentMembers.join(', ')}`);
  await context.close();
});

await step('the standing body submits and the Chairman approves', async () => {
  let { context, page } = await loginToTasklist('thuongtruc.hd');
  await openTask(page, `Lập tờ trình Chủ tịch UBND tỉnh: ${sessionTitle}`);
  await page.waitForSelector('#tally:not(:empty)');
  assert.match(await page.textContent('#tally'), /6\/7 đồng ý — đạt/);
  await page.fill('#submissionNote', 'Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 01 cá nhân.');
  await page.screenshot({ path: shots + '26-standing-body-submission.png' });
  await completeTask(page, `Lập tờ trình Chủ tịch UBND tỉnh: ${sessionTitle}`);
  await context.close();

  ({ context, page } = await loginToTasklist('chutich'));
  await openTask(page, `Phê duyệt khen thưởng: ${sessionTitle}`);
  await page.getByLabel('Phê duyệt toàn bộ hồ sơ đạt', { exact: true }).check();
  await page.screenshot({ path: shots + '27-chairman-approval.png' });
  const submissionDocx = await context.request.get(base + (await page.getAttribute('#submissionDocx', 'href')));
  assert.equal(submissionDocx.status(), 200, 'the Chairman downloads the submission (DOCX)');
  assert.match(submissionDocx.headers()['content-type'], /wordprocessingml/);
  await completeTask(page, `Phê duyệt khen thưởng: ${sessionTitle}`);
  await context.close();
});

await step('the văn thư registers the decision: proposed number, signing date, signed scan', async () => {
  const { context, page } = await loginToTasklist('vanthu.ubnd');
  await openTask(page, `Văn thư vào số, ngày ký quyết định: ${sessionTitle}`);
  await page.waitForSelector('#proposed:not(:empty)');
  const proposed = (await page.textContent('#proposed')).trim();
  assert.match(proposed, /^\d+\/QĐ-UBND$/);
  assert.equal(await page.inputValue('#decisionNumber'), proposed.split('/')[0], 'the form proposes the next number');
  assert.ok(await page.inputValue('#signedOn'), 'the signing date defaults to today');
  const draft = await context.request.get(base + (await page.getAttribute('#draftDocx', 'href')));
  assert.equal(draft.status(), 200, 'the văn thư downloads the draft decision (DOCX)');
  await page.setInputFiles('#scanFile', pdf('quyet-dinh-da-ky.pdf'));
  await page.waitForSelector('#uploadStatus.text-success', { timeout: 15000 });
  await page.screenshot({ path: shots + '27b-clerk-registration.png', fullPage: true });
  await completeTask(page, `Văn thư vào số, ngày ký quyết định: ${sessionTitle}`);
  console.log(`       registered under ${proposed}`);
  await context.close();
});

await step('the decision lists the awardee, with its number, document and signed scan', async () => {
  const { context } = await loginToTasklist('chutich');

  // The decision issues in a job of the session after the văn thư's registration: the job executor runs it within
  // a second or two.
  let decision;
  for (const deadline = Date.now() + 30000; !decision && Date.now() < deadline;) {
    const decisions = await (await context.request.get(base + `/api/decisions?year=${new Date().getFullYear()}`)).json();
    decision = decisions.find((d) => d.awardees.some((a) => a.nomineeName === nominee));
    if (!decision) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.ok(decision, 'a decision names the awardee');
  decisionId = decision.id;
  assert.match(decision.code, /^\d+\/QĐ-UBND$/);
  assert.equal(decision.registeredBy, 'vanthu.ubnd');
  assert.match(decision.scanUrl, /^\/api\/documents\/\d+\/content$/);
  assert.equal((await context.request.get(base + decision.documentUrl)).status(), 200, 'the decision as DOCX');
  const record = await (await context.request.get(base + `/api/dossiers/${dossierId}`)).json();
  assert.equal(record.status, 'AWARDED');
  console.log(`       decision ${decision.code}: ${decision.title}; awardee ${nominee} (${record.statusLabel})`);
  const json = await context.newPage();
  await json.goto(base + `/api/decisions?year=${new Date().getFullYear()}`);
  await json.screenshot({ path: shots + '28-decision.png' });
  await context.close();
});

await step('the unit officer finds the result among the unread notifications in Tasklist', async () => {
  const { context, page } = await loginToTasklist('canbo.syt');
  await page.waitForSelector('#tdkt-notifications-unread', { state: 'visible', timeout: 20000 });
  const unread = Number((await page.textContent('#tdkt-notifications-unread')).replace('+', ''));
  assert.ok(unread > 0, 'the bell counts unread notifications');
  await page.click('#tdkt-notifications-bell');
  const result = page.locator('#tdkt-notifications-list li.unread', { hasText: `Kết quả xét khen thưởng: ${nominee}` });
  await result.first().waitFor({ timeout: 15000 });
  await page.screenshot({ path: shots + '29-notifications.png' });
  await result.first().locator('text=Đánh dấu đã đọc').click();
  await page.locator(`#tdkt-notifications-list li.read`, { hasText: `Kết quả xét khen thưởng: ${nominee}` }).first()
    .waitFor({ timeout: 10000 });
  const after = await page.isVisible('#tdkt-notifications-unread')
    ? Number((await page.textContent('#tdkt-notifications-unread')).replace('+', '')) : 0;
  assert.equal(after, unread - 1, 'marking it read lowers the count by one');
  console.log(`       ${unread} unread before, ${after} after marking the result read`);
  await context.close();
});

await step('anyone verifies the award by the code on the certificate list, without logging in', async () => {
  const { context } = await loginToTasklist('chutich');
  const list = await context.request.get(base + `/api/decisions/${decisionId}/certificates.xlsx`);
  assert.equal(list.status(), 200, 'the Chairman downloads the certificate list');
  const text = officeText(Buffer.from(await list.body()));
  assert.ok(text.includes(nominee), 'the list names the awardee');
  const code = (text.match(/[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/) || [])[0];
  assert.ok(code, 'the list prints a verification code');
  await context.close();

  const visitor = await browser.newContext({ viewport: { width: 800, height: 700 }, locale: 'en-US' });
  const page = await visitor.newPage();
  const response = await page.goto(base + `/public/verify/${code.toLowerCase()}`);
  assert.equal(response.status(), 200);
  assert.equal((await page.textContent('#ten')).trim(), nominee);
  assert.match(await page.textContent('#quyet-dinh'), /QĐ-UBND/);
  assert.equal((await page.textContent('#hieu-luc')).trim(), 'Còn hiệu lực');
  const body = await page.textContent('body');
  assert.ok(!body.includes('Sở Y tế') && !body.includes('1984'), 'nothing but the award, the name and the decision');
  await page.screenshot({ path: shots + '30-public-verification.png' });
  const wrong = await page.goto(base + '/public/verify/0000-0000-0000');
  assert.equal(wrong.status(), 404, 'an unknown code is not found');
  console.log(`       ${code} verified: ${(await (await visitor.request.get(base + `/public/verify/${code}.json`)).text()).slice(0, 160)}`);
  await visitor.close();
});

await browser.close();
console.log(`award-dossier: ${state.passed} passed, ${state.failed} failed`);
process.exit(state.failed ? 1 : 0);
