// Drives cases of every procedure over HTTP as the demo officials would (issue 13: crash, restart, two nodes,
// restore). Several parallel clients; every step is discovered from the server (open tasks, dossiers waiting for a
// council), so running it again after a crash or on a restored database carries each case on from where it is.
//
//   node tools/faults/drive.mjs <mode>      modes: prekill | resume | final | twonode-setup | twonode-last-ballots | api-checks
//
// Environment: BASES (comma-separated base URLs; each request goes to one of them in turn, as a load balancer
// would), STATE (a directory for the ledger), PREFIX (campaign codes), DOSSIERS, CAMPAIGNS, CLIENTS.
//
// The ledger STATE/acks.jsonl has one line per request the server acknowledged with 2xx (a case, a dossier, a
// session, a completed task): the checks afterwards prove that each of them is there and went on to its end.
// Requests that failed because the node went away are counted in STATE/failed.jsonl and sent again: proposals
// carry an Idempotency-Key, everything else is found again from the server's state (a task already completed is
// no longer open; a session already opened has taken its dossiers), so a retry never makes a second case.
import fs from 'node:fs';
import path from 'node:path';

const MODE = process.argv[2];
const BASES = (process.env.BASES || 'http://localhost:8080').split(',');
const STATE = process.env.STATE || '/tmp/tdkt-faults';
const PREFIX = process.env.PREFIX || 'SC';
const DOSSIERS = Number(process.env.DOSSIERS || 60);
const CAMPAIGNS = Number(process.env.CAMPAIGNS || 3);
const CLIENTS = Number(process.env.CLIENTS || 6);
const SESSION_SIZE = 10;
const MEMBERS = ['chutich', 'hoidong1', 'hoidong2', 'hoidong3', 'hoidong4', 'hoidong5', 'thuongtruc.hd'];
const UNITS = ['SYT', 'STC', 'SGDDT', 'SNNPTNT'];
const EVAL_YEAR = new Date().getFullYear();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
fs.mkdirSync(STATE, { recursive: true });

class NodeDown extends Error {}
const stats = { requests: {}, acks: 0, failed: 0, replayed: 0, completed: 0, refused: 0 };
let turn = 0;

function ack(kind, data) {
  fs.appendFileSync(path.join(STATE, 'acks.jsonl'), JSON.stringify({ kind, ...data, at: Date.now() }) + '\n');
  stats.acks++;
}
function acks(kind) {
  const file = path.join(STATE, 'acks.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((a) => !kind || a.kind === kind);
}

async function call(user, method, url, body, headers = {}) {
  const base = BASES[turn++ % BASES.length];
  stats.requests[base] = (stats.requests[base] || 0) + 1;
  const init = { method, headers: { Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64'), ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let res;
  try {
    res = await fetch(base + url, { ...init, signal: AbortSignal.timeout(60_000) });
  } catch (e) {
    stats.failed++;
    fs.appendFileSync(path.join(STATE, 'failed.jsonl'), JSON.stringify({ user, method, url, error: String(e.cause?.code || e.message), at: Date.now() }) + '\n');
    throw new NodeDown(`${method} ${url}: ${e.cause?.code || e.message}`);
  }
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = text; }
  if (res.status === 503 || res.status === 502) {
    stats.failed++;
    throw new NodeDown(`${method} ${url}: ${res.status}`);
  }
  return { status: res.status, json };
}

const ok = (r) => r.status >= 200 && r.status < 300;

async function upload(user, name) {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), name);
  const r = await call(user, 'POST', '/api/documents', form);
  if (!ok(r)) throw new Error(`upload ${name} as ${user}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.id;
}

/** Runs fn over items with CLIENTS parallel clients. */
async function pool(items, fn) {
  let next = 0;
  let down = null;
  const worker = async () => {
    while (next < items.length && !down) {
      const item = items[next++];
      try {
        await fn(item);
      } catch (e) {
        if (e instanceof NodeDown) down = e;
        else {
          stats.refused++;
          if (stats.refused <= 10) console.log('  ! ' + e.message);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  if (down) throw down;
}

// ---------------------------------------------------------------- setup: campaigns, evaluation round, proposals
async function campaigns(count) {
  const out = [];
  for (let i = 1; i <= count; i++) {
    const code = `${PREFIX}-C${i}/KH`;
    let c = (await call('bantdkt', 'GET', '/api/campaigns')).json.find((x) => x.code === code);
    if (!c) {
      const year = new Date().getFullYear();
      const r = await call('bantdkt', 'POST', '/api/campaigns', { code, title: `Đợt thi đua kiểm thử sự cố ${i}`,
        issuedOn: new Date(Date.now() - 10 * 86400e3).toISOString().slice(0, 10), periodStartYear: year, periodEndYear: year + 4,
        launchPlanDueBefore: new Date(Date.now() + 60 * 86400e3).toISOString().slice(0, 10) + 'T00:00:00' });
      if (ok(r)) { ack('campaign', { id: r.json.id, code }); c = r.json; }
      else c = (await call('bantdkt', 'GET', '/api/campaigns')).json.find((x) => x.code === code);
    }
    if (c.status !== 'OPEN') {
      const r = await call('bantdkt', 'POST', `/api/campaigns/${c.id}/open`);
      if (ok(r)) ack('campaign-open', { id: c.id, code });
    }
    out.push({ id: c.id, code });
  }
  return out;
}

async function evaluationRound(campaign) {
  await call('canbo.dbp', 'POST', '/api/scoring-tables', { groupCode: 'CUM1', year: EVAL_YEAR, criteria: [
    { code: 'TC1', name: 'Thực hiện nhiệm vụ chính trị', kind: 'CRITERION', maxPoints: 50 },
    { code: 'TC2', name: 'Phong trào thi đua, khen thưởng', kind: 'CRITERION', maxPoints: 40 },
    { code: 'TH', name: 'Điểm thưởng', kind: 'BONUS', maxPoints: 10 },
    { code: 'TR', name: 'Điểm trừ', kind: 'PENALTY', maxPoints: 10 }] });
  const r = await call('bantdkt', 'POST', `/api/campaigns/${campaign.id}/evaluation-rounds`, { year: EVAL_YEAR });
  if (ok(r)) ack('evaluation-round', { id: r.json.id });
}

async function propose(n, lostAnswer = false) {
  const key = `${PREFIX}-d${n}`;
  const earlier = acks('dossier').find((a) => a.key === key);
  if (earlier && !lostAnswer) return;
  const unit = UNITS[n % UNITS.length];
  const officer = 'canbo.' + unit.toLowerCase();
  const documents = {};
  for (const type of ['TO_TRINH', 'BAO_CAO_THANH_TICH', 'BIEN_BAN_HOI_DONG']) documents[type] = await upload(officer, `${type}-${n}.pdf`);
  const body = { campaignCode: '383/KH-UBND', year: 2023, awardCode: 'CERTIFICATE', nomineeKind: 'INDIVIDUAL',
    nominee: { fullName: `Lò Thị Xuân ${PREFIX} ${n}`, gender: 'Nữ', birthYear: 1980, position: 'Chuyên viên', workUnit: unit,
      directWorker: false },
    achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ hai năm liền; hai sáng kiến được công nhận.',
    facts: { excellentYears: [2022, 2023], recognisedInitiatives: 2, underDiscipline: false, underInvestigation: false, openComplaint: false },
    documents };
  const r = await call(officer, 'POST', '/api/dossiers', body, { 'Idempotency-Key': key });
  if (!ok(r)) throw new Error(`proposal ${key}: ${r.status} ${JSON.stringify(r.json)}`);
  if (r.status === 200) stats.replayed++;
  if (lostAnswer) {
    // The client sends again a proposal whose answer it did not see: the same dossier, no second case.
    if (r.status !== 200 || r.json.id !== earlier.id || r.json.processInstanceId !== earlier.pi) {
      throw new Error(`replay of ${key}: ${r.status} #${r.json.id}, first answer #${earlier.id}`);
    }
    return;
  }
  ack('dossier', { key, id: r.json.id, pi: r.json.processInstanceId, replay: r.status === 200 });
}

// ---------------------------------------------------------------- converging: the next step of every open case
const unitOfKey = (bk) => (bk || '').split(' | ').pop();
const sessionOfKey = (bk) => Number((bk || '').replace('PH-', ''));
const sessionDossiers = new Map();

async function groupOf(taskId) {
  const links = (await call('admin', 'GET', `/engine-rest/task/${taskId}/identity-links`)).json || [];
  const g = links.find((l) => l.groupId && l.groupId.startsWith('donvi.'));
  return g ? g.groupId.slice('donvi.'.length) : null;
}

async function complete(task, user, variables) {
  const vars = {};
  for (const [k, v] of Object.entries(variables)) {
    vars[k] = v && v.type ? v : typeof v === 'number' ? { value: v, type: 'Long' } : { value: v, type: 'String' };
  }
  const r = await call(user, 'POST', `/engine-rest/task/${task.id}/complete`, { variables: vars });
  if (r.status === 204 || r.status === 200) {
    stats.completed++;
    ack('task', { id: task.id, key: task.taskDefinitionKey, pi: task.processInstanceId, user });
    return true;
  }
  // Completed by another client or before a lost answer: the task is gone, nothing to do again.
  if (r.status === 404 || (await call('admin', 'GET', `/engine-rest/task/${task.id}`)).status === 404) return false;
  throw new Error(`${task.taskDefinitionKey} ${task.id} as ${user}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
}

/** What to do with one open task in this mode, or null to leave it for later. */
function plan(task, bk, mode, heldCampaign, reviewHeld) {
  const key = task.taskDefinitionKey;
  switch (key) {
    case 'Task_SubmitPlan':
    case 'Task_RevisePlan': {
      if (mode !== 'final' && bk.startsWith(heldCampaign + ' |')) return null;
      if (mode === 'twonode-setup') return null; // the units have not sent: their reminder timers wait
      const unit = unitOfKey(bk).toLowerCase();
      return async () => {
        const doc = await upload('canbo.' + unit, `ke-hoach-${unit}.pdf`);
        await complete(task, 'canbo.' + unit, { planNumber: `${unit.toUpperCase()}-01/KH`, planDate: new Date().toISOString().slice(0, 10),
          planSummary: 'Phát động thi đua hoàn thành các chỉ tiêu của năm.', planDocumentId: doc });
      };
    }
    case 'Task_ReviewPlan':
      if (mode === 'prekill' && reviewHeld && bk.startsWith(reviewHeld + ' |')) return null; // sent, under review at the crash
      return () => complete(task, 'bantdkt', { reviewDecision: 'ACCEPT', reviewReason: 'Đạt yêu cầu.' });
    case 'Task_Urge':
      return () => complete(task, 'bantdkt', { urgeMethod: 'DIEN_THOAI', urgeNote: 'Đã gọi điện đôn đốc.' });
    case 'Task_HeadConfirm':
      // The Board's Task_Appraise comes from the case's job after this (and after Task_Supplement): a later round
      // finds it; converge() waits while executable jobs remain.
      return () => complete(task, 'lanhdao.' + unitOfKey(bk).toLowerCase(), { headDecision: 'CONFIRM' });
    case 'Task_Supplement':
      return () => complete(task, 'canbo.' + unitOfKey(bk).toLowerCase(), { supplementNote: 'Đã bổ sung.' });
    case 'Task_Appraise':
      return async () => {
        try {
          await complete(task, 'bantdkt', { appraisalDecision: 'ACCEPT', appraisalReason: 'Đủ điều kiện.' });
        } catch (e) {
          if (e instanceof NodeDown) throw e;
          await complete(task, 'bantdkt', { appraisalDecision: 'REJECT', appraisalReason: 'Không đủ điều kiện theo quy định.' });
        }
      };
    case 'Task_Overdue':
      return () => complete(task, 'truongban.tdkt', { overdueNote: 'Đã xử lý.' });
    case 'Task_Vote': {
      const session = sessionOfKey(bk);
      const index = MEMBERS.indexOf(task.assignee);
      if (mode === 'prekill' && index >= 4) return null; // the council is mid-vote when the node dies
      if (mode === 'resume' && session > 4) return null; // left mid-vote for the restore drill
      if (mode === 'twonode-setup' && index === MEMBERS.length - 1) return null; // the last ballot comes later
      return async () => {
        if (!sessionDossiers.has(session)) {
          const view = await call('bantdkt', 'GET', `/api/council-sessions/${session}`);
          sessionDossiers.set(session, view.json.dossiers.map((d) => d.dossierId));
        }
        const ballot = sessionDossiers.get(session).map((id) => ({ dossierId: id, vote: 'YES', comment: '', conflictOfInterest: false }));
        await complete(task, task.assignee, { ballot: { value: Buffer.from(JSON.stringify(ballot)).toString('base64'), type: 'Bytes',
          valueInfo: { transient: true } } });
      };
    }
    case 'Task_Submission':
      return () => complete(task, 'thuongtruc.hd', { submissionNote: 'Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho các cá nhân đạt.' });
    case 'Task_Chairman':
      return () => complete(task, 'chutich', { chairmanDecision: 'APPROVE_ALL' });
    case 'Task_RegisterDecision':
      return async () => {
        const session = sessionOfKey(bk);
        const scan = await upload('vanthu.ubnd', `quyet-dinh-${session}.pdf`);
        for (let attempt = 1; ; attempt++) {
          const reg = (await call('vanthu.ubnd', 'GET', `/api/council-sessions/${session}/registration`)).json;
          try {
            await complete(task, 'vanthu.ubnd', { decisionNumber: String(reg.proposedNumber), signedOn: reg.today, signedScanId: String(scan) });
            return;
          } catch (e) {
            if (e instanceof NodeDown || attempt >= 10) throw e; // another session took the number first: ask again
          }
        }
      };
    case 'Task_SelfAssess':
    case 'Task_BlockVote':
    case 'Task_Adjust':
      if (mode === 'resume' || mode === 'twonode-setup') return null;
      if (mode === 'prekill' && key !== 'Task_SelfAssess') return null;
      return async () => {
        const unit = await groupOf(task.id);
        if (mode === 'prekill' && ['tgiao', 'mang'].includes(unit)) return; // the round is part-way at the crash
        const user = 'canbo.' + unit;
        if (key === 'Task_SelfAssess') {
          await complete(task, user, { selfScores: JSON.stringify([{ criterion: 'TC1', points: 45, evidence: 'Báo cáo năm' },
            { criterion: 'TC2', points: 35 }, { criterion: 'TH', points: unit === 'dbp' ? 5 : 1 }, { criterion: 'TR', points: 0 }]) });
        } else if (key === 'Task_Adjust') await complete(task, user, { adjustments: '[]' });
        else await complete(task, user, { votedUnit: 'DBP' });
      };
    default:
      return null; // Task_CloseVoting ends by itself with the last ballot; Task_Adjourn only below quorum
  }
}

/** Dossiers already in a session (an ACCEPTED dossier stays so until its session's tally), found from the server. */
const inSession = new Set();
async function findSessions() {
  const cases = (await call('admin', 'GET', '/engine-rest/history/process-instance?processDefinitionKey=council-session&maxResults=10000')).json;
  for (const c of cases) {
    const id = sessionOfKey(c.businessKey);
    if (sessionDossiers.has(id)) continue;
    const view = await call('bantdkt', 'GET', `/api/council-sessions/${id}`);
    if (!ok(view)) continue;
    sessionDossiers.set(id, view.json.dossiers.map((d) => d.dossierId));
    sessionDossiers.get(id).forEach((d) => inSession.add(d));
  }
}

async function openSessions(mode) {
  await findSessions();
  const accepted = (await call('bantdkt', 'GET', '/api/dossiers?status=ACCEPTED')).json.map((d) => d.dossierId)
    .filter((id) => id && !inSession.has(id));
  accepted.sort((a, b) => a - b);
  const batches = [];
  for (let i = 0; i < accepted.length; i += SESSION_SIZE) {
    const batch = accepted.slice(i, i + SESSION_SIZE);
    if (batch.length === SESSION_SIZE || mode === 'final') batches.push(batch);
  }
  // One client opens sessions: two sessions must not race for the same dossiers.
  for (const batch of batches) {
    const meetingDate = new Date(Date.now() + 7 * 86400e3).toISOString().slice(0, 10);
    const r = await call('bantdkt', 'POST', '/api/council-sessions', { title: `Phiên họp ${PREFIX} ${batch[0]}`, meetingDate, dossierIds: batch });
    if (ok(r)) {
      ack('session', { id: r.json.id, dossiers: batch });
      sessionDossiers.set(r.json.id, batch);
      batch.forEach((d) => inSession.add(d));
    }
    else console.log(`  ! session for ${batch[0]}…: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
  }
  return batches.length;
}

async function converge(mode, heldCampaign, reviewHeld) {
  let idle = 0;
  for (let round = 1; round <= 400; round++) {
    const tasks = (await call('admin', 'GET', '/engine-rest/task?maxResults=5000&sortBy=created&sortOrder=asc')).json;
    const instances = new Map((await call('admin', 'GET', '/engine-rest/process-instance?maxResults=10000')).json
      .map((p) => [p.id, p.businessKey]));
    const actions = [];
    for (const t of tasks) {
      const bk = instances.get(t.processInstanceId);
      if (bk === undefined) continue;
      const action = plan(t, bk, mode, heldCampaign, reviewHeld);
      if (action) actions.push(action);
    }
    const opened = await openSessions(mode);
    for (let i = actions.length - 1; i > 0; i--) { // mixed order: every procedure moves at once
      const j = Math.floor(Math.random() * (i + 1));
      [actions[i], actions[j]] = [actions[j], actions[i]];
    }
    if (actions.length) await pool(actions, (a) => a());
    if (actions.length || opened) { idle = 0; continue; }
    const jobs = (await call('admin', 'GET', '/engine-rest/job/count?executable=true')).json.count;
    if (jobs > 0 || idle < 3) { idle++; await new Promise((r) => setTimeout(r, 1000)); continue; }
    return;
  }
}

// ---------------------------------------------------------------- checks through the API (the SQL checks are in the shell scripts)
async function apiChecks() {
  let lost = 0, notEnded = 0, checked = 0;
  const dossiers = new Map();
  for (const a of acks('dossier')) dossiers.set(a.key, a);
  const session = new Map(acks('session').map((s) => [s.id, s]));
  await pool([...dossiers.values()], async (a) => {
    const r = await call('bantdkt', 'GET', `/api/dossiers/${a.id}`);
    checked++;
    if (r.status !== 200) { lost++; console.log(`  LOST dossier ${a.key} #${a.id}: ${r.status}`); }
    else if (r.json.status !== 'AWARDED') { notEnded++; console.log(`  dossier ${a.key} #${a.id}: ${r.json.status}`); }
  });
  let decisions = 0;
  await pool([...session.keys()], async (id) => {
    const r = await call('bantdkt', 'GET', `/api/council-sessions/${id}`);
    checked++;
    if (r.status !== 200) { lost++; console.log(`  LOST session ${id}: ${r.status}`); }
    else if (r.json.decisionCode) decisions++;
    else { notEnded++; console.log(`  session ${id}: ${r.json.status}`); }
  });
  const tasks = acks('task');
  let open = 0;
  await pool(tasks, async (t) => {
    const r = await call('admin', 'GET', `/engine-rest/history/task?taskId=${t.id}`);
    if (!r.json.length || !r.json[0].endTime) open++;
  });
  console.log(`API: ${dossiers.size} hồ sơ (${acks('dossier').filter((a) => a.replay).length} trả lời lặp lại), ${session.size} phiên họp,`
    + ` ${decisions} quyết định, ${tasks.length} việc đã báo hoàn thành; mất ${lost + open}, chưa kết thúc ${notEnded}`);
  return lost + open + notEnded === 0;
}

// ---------------------------------------------------------------- modes
const t0 = Date.now();
try {
  if (MODE === 'prekill') {
    const cs = await campaigns(CAMPAIGNS);
    await evaluationRound(cs[0]);
    const ns = Array.from({ length: DOSSIERS }, (_, i) => i + 1);
    // Proposals and the first steps of the opened cases go on side by side.
    // C1's plans are sent and accepted, C2's sent and waiting for review, C3's not sent (their reminders wait).
    await Promise.all([pool(ns, propose), converge('prekill', cs[cs.length - 1].code, cs[1].code)]);
    await converge('prekill', cs[cs.length - 1].code, cs[1].code);
    console.log('prekill: hết việc trước khi bị dừng');
  } else if (MODE === 'resume' || MODE === 'final') {
    const cs = await campaigns(CAMPAIGNS); // creates nothing: finds the campaigns (a retry of a lost creation)
    await pool(Array.from({ length: DOSSIERS }, (_, i) => i + 1), (n) => propose(n)); // those that failed at the crash
    if (MODE === 'resume') {
      // Three clients that did not see their answer (a timeout at the crash) send their proposal again as it was.
      const before = stats.replayed;
      await pool([DOSSIERS - 2, DOSSIERS - 1, DOSSIERS], (n) => propose(n, true));
      console.log(`resume: ${stats.replayed - before}/3 proposals sent again with their Idempotency-Key answered 200 with the first dossier`);
    }
    await converge(MODE, cs[cs.length - 1].code);
  } else if (MODE === 'twonode-setup') {
    await campaigns(CAMPAIGNS);
    await pool(Array.from({ length: DOSSIERS }, (_, i) => i + 1), (n) => propose(n));
    await converge('twonode-setup', 'none');
  } else if (MODE === 'twonode-last-ballots') {
    const tasks = (await call('admin', 'GET', '/engine-rest/task?taskDefinitionKey=Task_Vote&maxResults=1000')).json;
    const instances = new Map((await call('admin', 'GET', '/engine-rest/process-instance?maxResults=10000')).json.map((p) => [p.id, p.businessKey]));
    await pool(tasks.map((t) => plan(t, instances.get(t.processInstanceId), 'final', 'none')).filter(Boolean), (a) => a());
  } else if (MODE === 'api-checks') {
    const good = await apiChecks();
    console.log(`requests per node: ${JSON.stringify(stats.requests)}`);
    process.exit(good ? 0 : 1);
  } else {
    console.error('mode?');
    process.exit(2);
  }
} catch (e) {
  if (!(e instanceof NodeDown)) throw e;
  console.log(`${MODE}: node went away (${e.message})`);
}
console.log(`${MODE}: ${((Date.now() - t0) / 1000).toFixed(1)} s; acknowledged ${stats.acks}, tasks completed ${stats.completed},`
  + ` proposals answered as replays ${stats.replayed}, failed requests ${stats.failed}, refusals ${stats.refused};`
  + ` requests per node ${JSON.stringify(stats.requests)}`);
