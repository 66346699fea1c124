// Model checks for the administrators' diagrams and element templates:
//  (1) bpmnlint with the repository's .bpmnlintrc on every bpmn/*.bpmn: no error, no warning;
//  (2) layout-check.mjs on every diagram: no layout defect;
//  (3) every element template in bpmn/.camunda/element-templates/ validates against Camunda's
//      element-templates JSON schema (Camunda 7), ids unique, and the beans it names exist;
//  (4) every delegate bean a diagram uses (camunda:delegateExpression of a service task, an
//      execution listener or a task listener) has an element template for that use, and an
//      element that carries a template (camunda:modelerTemplate) has what the template requires;
//      no camunda:class or camunda:expression steps or listeners (code no template describes).
//
//   node tools/model-check/check.mjs                   (from anywhere; checks this repository)
//   node tools/model-check/check.mjs bpmn/x.bpmn       (the templates and only that diagram)
// Prints a summary per file and exits 1 on any problem. `runChecks(options)` is used by selftest.mjs.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import Ajv from 'ajv';
import { checkLayout } from './layout-check.mjs';

const require = createRequire(import.meta.url);
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '../..');

/**
 * @param {{ bpmnDir: string, templatesDir: string, lintrc: string, javaDir?: string|null, root?: string }} options
 * @returns {Promise<{ files: { file: string, problems: { kind: string, message: string }[], notes: string[] }[], problemCount: number }>}
 */
export async function runChecks({ bpmnDir, templatesDir, lintrc, javaDir = null, root = repoRoot, only = null }) {
  const report = new Map();
  const entry = (path) => {
    const file = relative(root, path) || path;
    if (!report.has(file)) report.set(file, { file, problems: [], notes: [] });
    return report.get(file);
  };

  // Templates first: the diagrams are checked against them.
  const templates = loadTemplates(templatesDir, entry);
  if (javaDir) checkBeansExist(templates, javaDir, entry);

  const config = JSON.parse(readFileSync(lintrc, 'utf8'));
  const linter = new Linter({ config, resolver: new NodeResolver({ require }) });
  const diagrams = existsSync(bpmnDir)
    ? readdirSync(bpmnDir).filter((f) => f.endsWith('.bpmn')).sort().map((f) => join(bpmnDir, f))
      .filter((path) => !only || only.includes(resolve(path)))
    : [];
  const usages = [];
  for (const path of diagrams) {
    const e = entry(path);
    const xml = readFileSync(path, 'utf8');
    const moddle = new BpmnModdle({ camunda });
    let definitions;
    try {
      const parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
      definitions = parsed.rootElement;
      for (const w of parsed.warnings) e.problems.push({ kind: 'bpmnlint', message: 'error: import warning: ' + w.message.split('\n')[0] });
    } catch (err) {
      e.problems.push({ kind: 'bpmnlint', message: 'error: the file does not parse: ' + err.message });
      continue;
    }

    // (1) bpmnlint
    const results = await linter.lint(definitions);
    let errors = 0;
    let warnings = 0;
    for (const [rule, reports] of Object.entries(results)) {
      for (const r of reports) {
        if (r.category === 'error') errors++;
        else warnings++;
        e.problems.push({ kind: 'bpmnlint', message: `${r.category === 'error' ? 'error' : 'warning'} ${rule}: ${r.id || ''} ${r.message}`.replace(/\s+/g, ' ') });
      }
    }
    e.notes.push(`bpmnlint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);

    // (2) layout
    const defects = await checkLayout(xml);
    for (const d of defects) e.problems.push({ kind: 'layout', message: `${d.kind}: ${d.message}` });
    e.notes.push(`layout: ${defects.length} defect${defects.length === 1 ? '' : 's'}`);

    // (4) beans and templates used by this diagram
    const found = collectUsages(definitions, path);
    usages.push(...found);
    e.notes.push(`delegate beans: ${new Set(found.map((u) => u.expression)).size}`);
    checkAppliedTemplates(definitions, templates, e);
  }
  checkCoverage(usages, templates, entry);

  const files = [...report.values()];
  return { files, problemCount: files.reduce((n, f) => n + f.problems.length, 0) };
}

// ---------------------------------------------------------------- (3) templates

function loadTemplates(dir, entry) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  const templates = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  if (!files.length) entry(dir).problems.push({ kind: 'template', message: 'no element templates found' });
  const seen = new Map();
  for (const f of files) {
    const path = join(dir, f);
    const e = entry(path);
    let data;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      e.problems.push({ kind: 'template', message: 'not valid JSON: ' + err.message });
      continue;
    }
    if (!validate(data)) {
      // A file holds one template or a list of them; report against the form it has.
      const errors = (validate.errors || []).filter(relevantError)
        .filter((err) => !(err.instancePath === '' && err.keyword === 'type'));
      for (const err of errors.slice(0, 10)) {
        e.problems.push({ kind: 'template', message: `schema: ${err.instancePath || '/'} ${err.message}${err.params?.allowedValues ? ' ' + JSON.stringify(err.params.allowedValues) : ''}` });
      }
      continue;
    }
    const list = Array.isArray(data) ? data : [data];
    for (const t of list) {
      const key = `${t.id}@${t.version ?? ''}`;
      if (seen.has(key)) e.problems.push({ kind: 'template', message: `template ${t.id} version ${t.version} is defined twice (also in ${seen.get(key)})` });
      seen.set(key, f);
      if (!/^vn\.dienbien\.tdkt\.[A-Za-z]+\.[A-Za-z]+$/.test(t.id)) {
        e.problems.push({ kind: 'template', message: `template id ${t.id} is not of the form vn.dienbien.tdkt.<module>.<name>` });
      }
      templates.push({ template: t, file: path, provides: provides(t) });
    }
    e.notes.push(`${list.length} element template${list.length === 1 ? '' : 's'}, valid against Camunda's schema`);
  }
  return templates;
}

// Ajv reports every branch of a failed if/then or oneOf; the leaf errors are the readable ones.
function relevantError(err) {
  return !['if', 'oneOf', 'anyOf', 'allOf'].includes(err.keyword);
}

/** The uses of delegate beans a template sets up: "delegate", "executionListener:start", "taskListener:complete". */
function provides(t) {
  const out = [];
  for (const p of t.properties || []) {
    const b = p.binding || {};
    if (b.type === 'property' && b.name === 'camunda:delegateExpression' && p.value) {
      out.push({ use: 'delegate', expression: norm(p.value) });
    }
    if (b.type === 'camunda:executionListener' && b.implementationType === 'delegateExpression' && p.value) {
      out.push({ use: 'executionListener:' + b.event, expression: norm(p.value) });
    }
  }
  // Camunda 7 templates have no binding for task listeners: ours name them in metadata, and the
  // check below requires them on every element that carries the template.
  for (const l of t.metadata?.taskListeners || []) {
    out.push({ use: 'taskListener:' + l.event, expression: norm(l.delegateExpression) });
  }
  return out;
}

function norm(expression) {
  return String(expression).replace(/\s+/g, '');
}

function beanName(expression) {
  const m = /^\$\{([A-Za-z_][\w]*)\}$/.exec(expression);
  return m ? m[1] : null;
}

/**
 * A template for a bean that no longer exists, or that is no longer of the kind the template uses
 * it as (a step turned into a task listener), would put a broken step into a diagram.
 */
function checkBeansExist(templates, javaDir, entry) {
  const beans = javaBeans(javaDir);
  const needs = { delegate: ['JavaDelegate'], executionListener: ['ExecutionListener', 'JavaDelegate'], taskListener: ['TaskListener'] };
  for (const { template, file, provides: uses } of templates) {
    for (const u of uses) {
      const name = beanName(u.expression);
      if (!name) continue;
      const where = relative(repoRoot, javaDir) || javaDir;
      if (!beans.has(name)) {
        entry(file).problems.push({ kind: 'template', message: `${template.id}: bean ${name} (${u.expression}) is not defined in ${where}` });
        continue;
      }
      const kinds = beans.get(name);
      const wanted = needs[u.use.split(':')[0]];
      if (kinds && !wanted.some((k) => kinds.has(k))) {
        entry(file).problems.push({
          kind: 'template',
          message: `${template.id}: uses ${u.expression} as ${u.use.replace(':', ' (') + (u.use.includes(':') ? ')' : '')}, but bean ${name} is a ${[...kinds].join(', ')}, not a ${wanted.join(' or ')}`,
        });
      }
    }
  }
}

/**
 * Bean name -> the delegate interfaces it is declared with (JavaDelegate, TaskListener,
 * ExecutionListener), or null when the source does not say plainly (then any use is accepted).
 */
function javaBeans(dir) {
  const beans = new Map();
  const kindsOf = (text) => {
    const found = (text || '').match(/\b(JavaDelegate|TaskListener|ExecutionListener)\b/g);
    return found ? new Set(found) : null;
  };
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.java')) {
        const src = readFileSync(p, 'utf8');
        for (const m of src.matchAll(/@Bean(?:\([^)]*\))?\s+(?:(?:public|protected|static|final)\s+)*([\w.<>?, ]+?)\s+(\w+)\s*\(/g)) {
          beans.set(m[2], kindsOf(m[1]) || new Set([m[1].trim()]));
        }
        for (const m of src.matchAll(/@(?:Component|Service|Named)(?:\("(\w+)"\))?\s+(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|final|abstract)\s+)*class\s+(\w+)([^{]*)\{/g)) {
          const name = m[1] || m[2].charAt(0).toLowerCase() + m[2].slice(1);
          beans.set(name, kindsOf(m[3]));
        }
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return beans;
}

// ---------------------------------------------------------------- (4) beans used by diagrams

function walkModel(root, visit) {
  const seen = new Set();
  const go = (el, parent) => {
    if (!el || typeof el !== 'object' || !el.$type || seen.has(el)) return;
    seen.add(el);
    visit(el, parent);
    for (const prop of el.$descriptor?.properties || []) {
      if (prop.isReference) continue;
      const value = el.get(prop.name);
      if (Array.isArray(value)) value.forEach((v) => go(v, el));
      else go(value, el);
    }
  };
  go(root, null);
}

function collectUsages(definitions, file) {
  const usages = [];
  const owner = new Map();
  walkModel(definitions, (el, parent) => {
    owner.set(el, parent);
    const where = () => {
      let host = el;
      while (host && (host.$type === 'bpmn:ExtensionElements' || host.$type.startsWith('camunda:'))) host = owner.get(host);
      return host ? `${host.$type.replace('bpmn:', '')} ${host.id}` : '?';
    };
    // camunda:class or camunda:expression would bring in code that no template describes.
    const other = el.$type.startsWith('camunda:')
      ? ['ExecutionListener', 'TaskListener'].includes(el.$type.slice(8)) && (el.class || el.expression)
        && `camunda:${el.class ? 'class' : 'expression'} in ${el.$type === 'camunda:TaskListener' ? 'a task' : 'an execution'} listener`
      : el.get?.('camunda:class') ? 'camunda:class' : el.get?.('camunda:expression') ? 'camunda:expression' : null;
    if (other) {
      usages.push({ use: 'other', expression: other, file, where: where() });
      return;
    }
    if (el.$type === 'camunda:ExecutionListener' && el.delegateExpression) {
      usages.push({ use: 'executionListener:' + el.event, expression: norm(el.delegateExpression), file, where: where() });
    } else if (el.$type === 'camunda:TaskListener' && el.delegateExpression) {
      usages.push({ use: 'taskListener:' + el.event, expression: norm(el.delegateExpression), file, where: where() });
    } else if (!el.$type.startsWith('camunda:') && el.get?.('camunda:delegateExpression')) {
      usages.push({ use: 'delegate', expression: norm(el.get('camunda:delegateExpression')), file, where: `${el.$type.replace('bpmn:', '')} ${el.id}` });
    }
  });
  return usages;
}

function checkCoverage(usages, templates, entry) {
  const available = new Set(templates.flatMap((t) => t.provides.map((p) => p.use + ' ' + p.expression)));
  for (const u of usages) {
    if (u.use === 'other') {
      entry(u.file).problems.push({
        kind: 'template coverage',
        message: `${u.where} uses ${u.expression}: steps and listeners are Spring beans referenced by camunda:delegateExpression, each with an element template`,
      });
      continue;
    }
    if (available.has(u.use + ' ' + u.expression)) continue;
    const kind = u.use === 'delegate' ? 'delegate' : u.use.replace(':', ' (') + ')';
    entry(u.file).problems.push({
      kind: 'template coverage',
      message: `${u.expression} used as ${kind} on ${u.where} has no element template in bpmn/.camunda/element-templates/`,
    });
  }
}

/** An element carrying camunda:modelerTemplate must name a known template and have its task listeners. */
function checkAppliedTemplates(definitions, templates, e) {
  walkModel(definitions, (el) => {
    const id = el.get?.('camunda:modelerTemplate');
    if (!id) return;
    const version = el.get('camunda:modelerTemplateVersion');
    const t = templates.find((x) => x.template.id === id && (version == null || x.template.version === version));
    if (!t) {
      e.problems.push({ kind: 'template coverage', message: `${el.id} carries template ${id}${version != null ? ' version ' + version : ''}, which does not exist` });
      return;
    }
    const listeners = (el.extensionElements?.values || []).filter((v) => v.$type === 'camunda:TaskListener');
    for (const l of t.template.metadata?.taskListeners || []) {
      if (!listeners.some((x) => x.event === l.event && norm(x.delegateExpression || '') === norm(l.delegateExpression))) {
        e.problems.push({ kind: 'template coverage', message: `${el.id} carries template ${id} but lacks its task listener ${l.event} ${l.delegateExpression}` });
      }
    }
  });
}

// ---------------------------------------------------------------- command line

export function printReport({ files, problemCount }, title = 'Model checks') {
  for (const f of files) {
    console.log(`${f.problems.length ? 'FAIL' : 'ok  '} ${f.file}${f.notes.length ? ' — ' + f.notes.join('; ') : ''}`);
    for (const p of f.problems) console.log(`       ${p.kind}: ${p.message}`);
  }
  const bad = files.filter((f) => f.problems.length).length;
  console.log(`${title}: ${files.length - bad} passed, ${bad} failed (${problemCount} problem${problemCount === 1 ? '' : 's'})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const result = await runChecks({
    bpmnDir: join(repoRoot, 'bpmn'),
    templatesDir: join(repoRoot, 'bpmn/.camunda/element-templates'),
    lintrc: join(repoRoot, '.bpmnlintrc'),
    javaDir: join(repoRoot, 'src/main/java'),
    only: process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : null,
  });
  printReport(result);
  process.exit(result.problemCount ? 1 : 0);
}
