// Shows that the model checks can fail: each fixture under fixtures/ is a small repository
// (bpmn/, templates/ and, where beans matter, java/) broken in one way, and the check must report that problem, of that kind;
// the clean fixture must pass. Run by `npm run check` and CI after check.mjs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecks } from './check.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const lintrc = join(here, '../../.bpmnlintrc');

// fixture -> the problem kinds it must produce (and no other kind), and a text one message must contain.
const cases = [
  { fixture: 'good', kinds: [] },
  { fixture: 'lint-error', kinds: ['bpmnlint'], text: 'error label-required' },
  { fixture: 'lint-warning', kinds: ['bpmnlint'], text: 'warning global' },
  { fixture: 'overlap', kinds: ['bpmnlint', 'layout'], text: 'shapes overlap' },
  { fixture: 'label-overlap', kinds: ['layout'], text: 'label of StartEvent' },
  { fixture: 'flow-crossing', kinds: ['layout'], text: 'crosses UserTask' },
  { fixture: 'flows-cross', kinds: ['layout'], text: 'Flow_1 and SequenceFlow Flow_2 cross' },
  { fixture: 'missing-di', kinds: ['bpmnlint', 'layout'], text: 'is not drawn (no DI)' },
  { fixture: 'outside-lane', kinds: ['bpmnlint', 'layout'], text: 'outside its lane' },
  { fixture: 'bad-template', kinds: ['template', 'template coverage'], text: "required property 'appliesTo'" },
  { fixture: 'missing-template', kinds: ['template coverage'], text: '${fixtureBean} used as delegate' },
  { fixture: 'template-listener', kinds: ['template coverage'], text: 'lacks its task listener complete' },
  { fixture: 'class-delegate', kinds: ['template coverage'], text: 'uses camunda:class in a task listener' },
  { fixture: 'wrong-kind', kinds: ['template'], text: 'is a TaskListener, not a JavaDelegate' },
];

let passed = 0;
let failed = 0;
for (const c of cases) {
  const dir = join(here, 'fixtures', c.fixture);
  const javaDir = existsSync(join(dir, 'java')) ? join(dir, 'java') : null;
  const result = await runChecks({ bpmnDir: join(dir, 'bpmn'), templatesDir: join(dir, 'templates'), lintrc, javaDir, root: dir });
  const problems = result.files.flatMap((f) => f.problems);
  const kinds = [...new Set(problems.map((p) => p.kind))].sort();
  const expected = [...c.kinds].sort();
  const why = [];
  if (JSON.stringify(kinds) !== JSON.stringify(expected)) why.push(`kinds ${JSON.stringify(kinds)}, expected ${JSON.stringify(expected)}`);
  if (c.text && !problems.some((p) => p.message.includes(c.text))) why.push(`no problem mentions "${c.text}"`);
  const title = c.kinds.length ? `the check fails on fixtures/${c.fixture} (${expected.join(', ')})` : `the check passes on fixtures/${c.fixture}`;
  if (why.length) {
    failed++;
    console.log(`FAIL - ${title}: ${why.join('; ')}`);
    for (const p of problems) console.log(`       ${p.kind}: ${p.message}`);
  } else {
    passed++;
    console.log(`ok   - ${title}`);
  }
}
console.log(`model-check selftest: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
