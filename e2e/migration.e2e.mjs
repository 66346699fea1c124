// Browser test of moving running cases to a new version (Chuyển phiên bản quy trình): the
// administrator deploys a version of launch-plan whose review task has a new name through the engine
// REST (as Camunda Modeler does), follows "Chuyển phiên bản" in Cockpit, reads the plan, runs the dry
// run, moves all the demo's running launch-plan cases and sees the migration in the history. Then a
// unit sends its plan on the new version and the Board finds the renamed review in Tasklist; the
// auditor reads the move in the case's story. Screenshots go to e2e/screenshots/.
import assert from 'node:assert/strict';
import { base, shots, openBrowser, runner, login } from './helpers.mjs';

const browser = await openBrowser();
const { state, loginToTasklist, step, track } = runner(browser);
const basic = (user) => ({ Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64') });
const REVIEW_NAME = 'Thẩm định và tiếp nhận ${roundLabel}: ${unitName}';
const context = await browser.newContext({ viewport: { width: 1400, height: 950 }, locale: 'en-US' });
const page = await context.newPage();
track(page);
const api = context.request;
let v1;
let v2;
let running;
let stcCase;

async function json(response) {
  const text = await response.text();
  assert.ok(response.ok(), response.status() + ' ' + text);
  return JSON.parse(text);
}

async function countOn(definitionId) {
  return (await json(await api.get(base + '/engine-rest/process-instance/count?processDefinitionId='
    + encodeURIComponent(definitionId), { headers: basic('admin') }))).count;
}

await step('the administrator deploys a version of launch-plan with a renamed review task (engine REST)', async () => {
  const latest = await json(await api.get(base + '/engine-rest/process-definition/key/launch-plan',
    { headers: basic('admin') }));
  v1 = latest;
  running = await countOn(v1.id);
  assert.ok(running > 0, 'the demo campaign has running launch-plan cases');
  const { bpmn20Xml } = await json(await api.get(base + '/engine-rest/process-definition/' + v1.id + '/xml',
    { headers: basic('admin') }));
  // Changed by the task's id only: its start tag gets the new name, whatever the drawing around it.
  const edited = bpmn20Xml.replace(/<(\w+:)?userTask\b[^>]*\bid="Task_ReviewPlan"[^>]*>/,
    (tag) => tag.replace(/\bname="[^"]*"/, 'name="' + REVIEW_NAME + '"'));
  assert.notEqual(edited, bpmn20Xml, 'the review task was renamed');
  const deployed = await json(await api.post(base + '/engine-rest/deployment/create', {
    headers: basic('admin'),
    multipart: {
      'deployment-name': 'launch-plan',
      'deployment-source': 'Camunda Modeler',
      'launch-plan.bpmn': { name: 'launch-plan.bpmn', mimeType: 'application/xml', buffer: Buffer.from(edited) },
    },
  }));
  v2 = Object.values(deployed.deployedProcessDefinitions)[0];
  assert.equal(v2.version, v1.version + 1);
  assert.equal(await countOn(v1.id), running, 'deploying moves no case');
});

await step('the administrator follows "Chuyển phiên bản" in Cockpit and sees launch-plan with cases on an older version', async () => {
  await page.goto(base + '/camunda/app/cockpit/');
  await login(page, 'admin');
  await page.click('text=Chuyển phiên bản', { timeout: 30000 });
  await page.waitForURL(/\/migration\//, { timeout: 20000 });
  const row = page.locator('#processes tr[data-key="launch-plan"]');
  await row.waitFor({ timeout: 20000 });
  assert.match(await row.textContent(), new RegExp(String(running)));
  await page.screenshot({ path: shots + '51-migration-processes.png', fullPage: true });
});

await step('reads the plan: every step mapped by its id, the review under its new name, nothing unmapped with cases', async () => {
  await page.click('button[data-open="launch-plan"]');
  const review = page.locator('#mapped tr[data-source="Task_ReviewPlan"]');
  await review.waitFor({ timeout: 20000 });
  assert.match(await review.textContent(), /Thẩm định và tiếp nhận …/);
  assert.match(await review.textContent(), /Cùng mã bước/);
  assert.equal(await page.locator('#unmapped tr.has-cases').count(), 0);
  assert.equal(await page.textContent('#to-version'), String(v2.version));
  await page.waitForSelector('#cases input.case');
  assert.equal(await page.locator('#cases input.case').count(), running);
  await page.screenshot({ path: shots + '52-migration-plan.png', fullPage: true });
});

await step('"Kiểm tra thử (dry run)" of all cases passes and writes nothing', async () => {
  await page.check('#select-all');
  await page.click('#dry-run');
  await page.waitForSelector('#dry-run-result .ok', { timeout: 30000 });
  assert.match(await page.textContent('#dry-run-result'), new RegExp('Kiểm tra thử đạt: ' + running + ' hồ sơ'));
  assert.equal(await countOn(v1.id), running, 'the dry run moved nothing');
  await page.screenshot({ path: shots + '53-migration-dry-run.png', fullPage: true });
});

await step('"Chuyển phiên bản" moves every running case and the history names who, when, which versions', async () => {
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#migrate');
  await page.waitForSelector('#message.ok', { timeout: 60000 });
  assert.match(await page.textContent('#message'), new RegExp('Đã chuyển ' + running + ' hồ sơ sang phiên bản ' + v2.version));
  const row = page.locator('#history tr[data-migration]').first();
  await row.waitFor({ timeout: 20000 });
  const text = await row.textContent();
  assert.match(text, /admin/);
  assert.match(text, new RegExp(v1.version + ' → ' + v2.version));
  assert.match(text, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  assert.equal(await countOn(v1.id), 0);
  assert.equal(await countOn(v2.id), running);
  await page.screenshot({ path: shots + '54-migration-done.png', fullPage: true });
});

await step('a unit sends its plan on the new version and the Board sees the renamed review in Tasklist', async () => {
  const tasks = await json(await api.get(base + '/engine-rest/task?taskDefinitionKey=Task_SubmitPlan&candidateGroup=donvi.stc'
    + '&processDefinitionId=' + encodeURIComponent(v2.id), { headers: basic('admin') }));
  assert.ok(tasks.length > 0, 'Sở Tài chính waits to send on version ' + v2.version);
  stcCase = tasks[0].processInstanceId;
  const document = await json(await api.post(base + '/api/documents', {
    headers: basic('canbo.stc'),
    multipart: { file: { name: 'ke-hoach-STC.pdf', mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% Kế hoạch phát động thi đua của Sở Tài chính\n%%EOF\n') } },
  }));
  const sent = await api.post(base + '/engine-rest/task/' + tasks[0].id + '/submit-form', {
    headers: { ...basic('canbo.stc'), 'Content-Type': 'application/json' },
    data: { variables: {
      planNumber: { value: '18/KH-STC', type: 'String' },
      planDate: { value: new Date().toISOString().substring(0, 10), type: 'String' },
      planSummary: { value: 'Phát động thi đua hoàn thành dự toán ngân sách.', type: 'String' },
      planDocumentId: { value: document.id, type: 'Long' },
    } },
  });
  assert.ok(sent.ok(), sent.status() + ' ' + await sent.text());
  const board = await loginToTasklist('bantdkt');
  await board.page.waitForSelector('text=Thẩm định và tiếp nhận kế hoạch: Sở Tài chính', { timeout: 30000 });
  await board.page.screenshot({ path: shots + '55-migration-renamed-task.png' });
  await board.context.close();
  track(page);
});

await step('the auditor reads the move in the case\'s story', async () => {
  const auditor = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
  const audit = await auditor.newPage();
  track(audit);
  await audit.goto(base + '/camunda/app/cockpit/');
  await login(audit, 'kiemtoan');
  await audit.waitForSelector('text=Tra cứu hồ sơ', { timeout: 30000 });
  await audit.goto(base + '/audit/case.html?id=' + encodeURIComponent(stcCase));
  await audit.waitForSelector('#timeline li[data-integrity]', { timeout: 30000 });
  const story = await audit.textContent('#timeline');
  assert.match(story, new RegExp('Chuyển sang phiên bản ' + v2.version + ' của quy trình bởi .+ lúc \\d{2}/\\d{2}/\\d{4}'));
  assert.equal(await audit.locator('#timeline li[data-integrity]:not([data-integrity="OK"])').count(), 0);
  await audit.locator('#timeline li', { hasText: 'Chuyển sang phiên bản' }).first().scrollIntoViewIfNeeded();
  await audit.screenshot({ path: shots + '56-migration-audit.png' });
  await auditor.close();
});

await context.close();
await browser.close();
console.log(`migration: ${state.passed} passed, ${state.failed} failed`);
process.exit(state.failed ? 1 : 0);
