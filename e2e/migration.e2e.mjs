// Browser test of moving running cases to a new version (Chuyển phiên bản quy trình), as
// LaunchPlanMigrationTest shows it through the API: the Board returns Sở Tài chính's plan, so one case
// waits in the unit's revision; the administrator deploys a version of launch-plan through the engine
// REST (as Camunda Modeler does) whose review has a new fixed name and whose revision has moved into a
// new subprocess under a new id. On the page "Chuyển phiên bản" the revision shows unmapped with its
// case, the dry run refuses and writes nothing, the administrator maps it, the dry run passes and every
// running case moves. On version 2 the unit resends, the Board accepts the renamed review and the case
// ends; the auditor reads the move in the case's story. Screenshots 51–59 go to e2e/screenshots/.
import assert from 'node:assert/strict';
import { base, shots, openBrowser, runner, login } from './helpers.mjs';

const browser = await openBrowser();
const { state, loginToTasklist, step, track } = runner(browser);
const basic = (user) => ({ Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64') });
// Fixed diagram names: the create listener puts the round and the unit of each case in Tasklist.
const REVIEW_NAME = 'Thẩm định và tiếp nhận kế hoạch, báo cáo';
const REVISE_NAME = 'Chỉnh sửa và gửi lại kế hoạch, báo cáo';
const REVISE = 'Task_RevisePlan';
const AMEND = 'Task_AmendPlan';
const AMENDMENT = 'SubProcess_Amendment';
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

async function definitionOf(caseId) {
  return (await json(await api.get(base + '/engine-rest/process-instance/' + caseId, { headers: basic('admin') })))
    .definitionId;
}

async function taskOf(caseId, taskKey) {
  const tasks = await json(await api.get(base + '/engine-rest/task?processInstanceId=' + caseId
    + '&taskDefinitionKey=' + taskKey, { headers: basic('admin') }));
  assert.equal(tasks.length, 1, 'one ' + taskKey + ' task in case ' + caseId);
  return tasks[0];
}

async function submitForm(user, task, variables) {
  const sent = await api.post(base + '/engine-rest/task/' + task.id + '/submit-form', {
    headers: { ...basic(user), 'Content-Type': 'application/json' },
    data: { variables },
  });
  assert.ok(sent.ok(), sent.status() + ' ' + await sent.text());
}

// What the unit's form sends: the plan's number, date, summary and the uploaded document.
async function sendPlan(task, planNumber) {
  const document = await json(await api.post(base + '/api/documents', {
    headers: basic('canbo.stc'),
    multipart: { file: { name: planNumber.replace(/\//g, '-') + '.pdf', mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% Kế hoạch phát động thi đua của Sở Tài chính\n%%EOF\n') } },
  }));
  await submitForm('canbo.stc', task, {
    planNumber: { value: planNumber, type: 'String' },
    planDate: { value: new Date().toISOString().substring(0, 10), type: 'String' },
    planSummary: { value: 'Phát động thi đua hoàn thành dự toán ngân sách.', type: 'String' },
    planDocumentId: { value: document.id, type: 'Long' },
  });
}

/**
 * Version 2, changed by the user tasks' ids only, as LaunchPlanMigrationTest builds it: the review gets
 * a new fixed name; the revision becomes Task_AmendPlan (same form, candidate group and listeners) in
 * a new collapsed subprocess that takes the old task's flows, lane and shape.
 */
function version2(xml) {
  let edited = xml.replace(/<(\w+:)?userTask\b[^>]*\bid="Task_ReviewPlan"[^>]*>/,
    (tag) => tag.replace(/\bname="[^"]*"/, 'name="' + REVIEW_NAME + '"'));
  assert.notEqual(edited, xml, 'the review task was renamed');
  const revise = edited.match(/<(\w+:)?userTask\b[^>]*\bid="Task_RevisePlan"[\s\S]*?<\/\1userTask>/);
  assert.ok(revise, 'the revision task is in the diagram');
  const p = revise[1] || '';
  const amend = revise[0].replace('id="' + REVISE + '"', 'id="' + AMEND + '"')
    .replace(/<(\w+:)?incoming>[^<]*<\/\1incoming>/, '<' + p + 'incoming>Flow_ToAmend</' + p + 'incoming>')
    .replace(/<(\w+:)?outgoing>[^<]*<\/\1outgoing>/, '<' + p + 'outgoing>Flow_Amended</' + p + 'outgoing>');
  assert.match(amend, /delegateExpression="\$\{nameLaunchPlanTask\}"/, 'the moved task keeps its listeners');
  const [incoming] = revise[0].match(/<(\w+:)?incoming>[^<]*<\/\1incoming>/);
  const [outgoing] = revise[0].match(/<(\w+:)?outgoing>[^<]*<\/\1outgoing>/);
  const subprocess = '<' + p + 'subProcess id="' + AMENDMENT + '" name="Đơn vị chỉnh sửa kế hoạch, báo cáo">\n'
    + '      ' + incoming + '\n      ' + outgoing + '\n'
    + '      <' + p + 'startEvent id="StartEvent_Amendment" name="Bị trả lại">\n'
    + '        <' + p + 'outgoing>Flow_ToAmend</' + p + 'outgoing>\n      </' + p + 'startEvent>\n'
    + '      <' + p + 'sequenceFlow id="Flow_ToAmend" sourceRef="StartEvent_Amendment" targetRef="' + AMEND + '" />\n'
    + '      ' + amend + '\n'
    + '      <' + p + 'sequenceFlow id="Flow_Amended" sourceRef="' + AMEND + '" targetRef="EndEvent_Amended" />\n'
    + '      <' + p + 'endEvent id="EndEvent_Amended" name="Đã chỉnh sửa">\n'
    + '        <' + p + 'incoming>Flow_Amended</' + p + 'incoming>\n      </' + p + 'endEvent>\n'
    + '    </' + p + 'subProcess>';
  // The old task's flows, lane entry and shape now name the subprocess; its shape is drawn collapsed.
  edited = edited.replace(revise[0], '@@AMENDMENT@@')
    .replaceAll('"' + REVISE + '_di"', '"' + AMENDMENT + '_di"')
    .replaceAll('"' + REVISE + '"', '"' + AMENDMENT + '"')
    .replaceAll('>' + REVISE + '<', '>' + AMENDMENT + '<')
    .replace('bpmnElement="' + AMENDMENT + '"', 'bpmnElement="' + AMENDMENT + '" isExpanded="false"')
    .replace('@@AMENDMENT@@', () => subprocess);
  assert.ok(!edited.includes(REVISE), 'nothing names the old revision task');
  return edited;
}

await step('the Board returns Sở Tài chính\'s plan on version 1: the case waits in the unit\'s revision', async () => {
  v1 = await json(await api.get(base + '/engine-rest/process-definition/key/launch-plan', { headers: basic('admin') }));
  const tasks = await json(await api.get(base + '/engine-rest/task?taskDefinitionKey=Task_SubmitPlan&candidateGroup=donvi.stc'
    + '&processDefinitionId=' + encodeURIComponent(v1.id), { headers: basic('admin') }));
  assert.ok(tasks.length > 0, 'Sở Tài chính waits to send on version ' + v1.version);
  stcCase = tasks[0].processInstanceId;
  await sendPlan(tasks[0], '18/KH-STC');
  await submitForm('bantdkt', await taskOf(stcCase, 'Task_ReviewPlan'), {
    reviewDecision: { value: 'RETURN', type: 'String' },
    reviewReason: { value: 'Bổ sung chỉ tiêu tiết kiệm chi thường xuyên.', type: 'String' },
  });
  const revision = await taskOf(stcCase, REVISE);
  assert.match(revision.name, /^Chỉnh sửa và gửi lại kế hoạch/);
});

await step('the administrator deploys a version of launch-plan with a renamed review and a moved revision (engine REST)', async () => {
  running = await countOn(v1.id);
  assert.ok(running > 1, 'the demo campaign has running launch-plan cases');
  const { bpmn20Xml } = await json(await api.get(base + '/engine-rest/process-definition/' + v1.id + '/xml',
    { headers: basic('admin') }));
  const deployed = await json(await api.post(base + '/engine-rest/deployment/create', {
    headers: basic('admin'),
    multipart: {
      'deployment-name': 'launch-plan',
      'deployment-source': 'Camunda Modeler',
      'launch-plan.bpmn': { name: 'launch-plan.bpmn', mimeType: 'application/xml', buffer: Buffer.from(version2(bpmn20Xml)) },
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

await step('reads the plan: the review mapped by its id under its new name, the moved revision unmapped with 1 case', async () => {
  await page.click('button[data-open="launch-plan"]');
  const review = page.locator('#mapped tr[data-source="Task_ReviewPlan"]');
  await review.waitFor({ timeout: 20000 });
  assert.match(await review.textContent(), new RegExp(REVIEW_NAME + ' \\[Task_ReviewPlan\\]'));
  assert.match(await review.textContent(), /Cùng mã bước/);
  const revision = page.locator('#unmapped tr.has-cases[data-source="' + REVISE + '"]');
  await revision.waitFor({ timeout: 20000 });
  assert.equal(await page.locator('#unmapped tr.has-cases').count(), 1, 'only the revision is unmapped with cases');
  assert.equal((await revision.locator('td').nth(1).textContent()).trim(), '1');
  assert.match(await revision.textContent(), new RegExp(REVISE_NAME));
  assert.match(await page.textContent('#plan-section'), /Các bước chưa ánh xạ/);
  assert.equal(await page.textContent('#to-version'), String(v2.version));
  await page.waitForSelector('#cases input.case');
  assert.equal(await page.locator('#cases input.case').count(), running);
  // The page is long (every running case is listed): the picture shows the plan's two tables.
  await page.locator('#mapped').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots + '52-migration-plan-unmapped.png' });
});

await step('"Kiểm tra thử (dry run)" reports the unmapped revision as a problem and writes nothing', async () => {
  await page.check('#select-all');
  await page.click('#dry-run');
  await page.waitForSelector('#dry-run-result .warn', { timeout: 30000 });
  const result = await page.textContent('#dry-run-result');
  assert.match(result, /Kiểm tra thử không đạt/);
  assert.match(result, new RegExp('đang ở bước «' + REVISE_NAME + '».*chưa được ánh xạ'));
  assert.equal(await definitionOf(stcCase), v1.id, 'the returned case is still on version ' + v1.version);
  assert.equal(await countOn(v1.id), running, 'the dry run moved nothing');
  await page.locator('#dry-run-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots + '53-migration-dry-run-refused.png' });
});

await step('the administrator maps the revision to the moved step with «Ánh xạ»', async () => {
  const revision = page.locator('#unmapped tr[data-source="' + REVISE + '"]');
  await revision.locator('select').selectOption(AMEND);
  await page.click('button[data-map="' + REVISE + '"]');
  const mapped = page.locator('#mapped tr[data-source="' + REVISE + '"]');
  await mapped.waitFor({ timeout: 20000 });
  assert.match(await mapped.textContent(), new RegExp('\\[' + AMEND + '\\]'));
  assert.match(await mapped.textContent(), /Do quản trị chỉ định/);
  assert.equal(await page.locator('#unmapped tr.has-cases').count(), 0);
  await mapped.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots + '54-migration-mapped.png' });
});

await step('the dry run of all cases now passes and still writes nothing', async () => {
  await page.check('#select-all');
  await page.click('#dry-run');
  await page.waitForSelector('#dry-run-result .ok', { timeout: 30000 });
  assert.match(await page.textContent('#dry-run-result'), new RegExp('Kiểm tra thử đạt: ' + running + ' hồ sơ'));
  assert.equal(await definitionOf(stcCase), v1.id);
  assert.equal(await countOn(v1.id), running, 'the dry run moved nothing');
  await page.locator('#dry-run-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots + '55-migration-dry-run.png' });
});

await step('"Chuyển phiên bản" moves every running case and the history names who, when, which versions, which mapping', async () => {
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#migrate');
  await page.waitForSelector('#message.ok', { timeout: 60000 });
  assert.match(await page.textContent('#message'), new RegExp('Đã chuyển ' + running + ' hồ sơ sang phiên bản ' + v2.version));
  const row = page.locator('#history tr[data-migration]').first();
  await row.waitFor({ timeout: 20000 });
  const text = await row.textContent();
  assert.match(text, /admin/);
  assert.match(text, new RegExp(v1.version + ' → ' + v2.version));
  assert.match(text, new RegExp(REVISE + ' → ' + AMEND));
  assert.match(text, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  assert.equal(await countOn(v1.id), 0);
  assert.equal(await countOn(v2.id), running);
  assert.equal(await definitionOf(stcCase), v2.id);
  await page.screenshot({ path: shots + '56-migration-done.png', fullPage: true });
});

await step('on version 2 the unit finds its revision in Tasklist and resends', async () => {
  const amend = await taskOf(stcCase, AMEND);
  assert.match(amend.name, /^Chỉnh sửa và gửi lại kế hoạch/);
  const unit = await loginToTasklist('canbo.stc');
  await unit.page.waitForSelector('text=' + amend.name, { timeout: 30000 });
  await unit.page.screenshot({ path: shots + '57-migration-moved-revision.png' });
  await unit.context.close();
  track(page);
  await sendPlan(amend, '18/KH-STC (sửa đổi)');
});

await step('the Board sees the renamed review in Tasklist, accepts, and the case ends', async () => {
  const review = await taskOf(stcCase, 'Task_ReviewPlan');
  assert.equal(review.name, 'Thẩm định và tiếp nhận kế hoạch: Sở Tài chính');
  const board = await loginToTasklist('bantdkt');
  await board.page.waitForSelector('text=Thẩm định và tiếp nhận kế hoạch: Sở Tài chính', { timeout: 30000 });
  await board.page.screenshot({ path: shots + '58-migration-renamed-task.png' });
  await board.context.close();
  track(page);
  await submitForm('bantdkt', review, { reviewDecision: { value: 'ACCEPT', type: 'String' } });
  const gone = await api.get(base + '/engine-rest/process-instance/' + stcCase, { headers: basic('admin') });
  assert.equal(gone.status(), 404, 'the case is no longer running');
  const ended = await json(await api.get(base + '/engine-rest/history/process-instance/' + stcCase,
    { headers: basic('admin') }));
  assert.equal(ended.state, 'COMPLETED');
  assert.ok(ended.endTime, 'the case has ended');
  assert.equal(ended.processDefinitionId, v2.id);
  const amendment = await json(await api.get(base + '/engine-rest/history/activity-instance?processInstanceId='
    + stcCase + '&activityId=' + AMENDMENT + '&finished=true', { headers: basic('admin') }));
  assert.equal(amendment.length, 1, 'the revision ran in the moved subprocess');
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
  await audit.screenshot({ path: shots + '59-migration-audit.png' });
  await auditor.close();
});

await context.close();
await browser.close();
console.log(`migration: ${state.passed} passed, ${state.failed} failed`);
process.exit(state.failed ? 1 : 0);
