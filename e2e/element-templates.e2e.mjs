// The element templates as Camunda Modeler (7.x platform) uses them: every file in
// bpmn/.camunda/element-templates/ is validated with the Modeler's own validator
// (@bpmn-io/element-templates-validator), and every template is applied with the Modeler's own
// code (bpmn-js-element-templates, bundled here with esbuild) to a new element of the type it
// applies to, in bpmn-js in Debian's Chromium; the element must then carry what the template says
// (name, delegate expression, groups, form, listeners). Needs no running application.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const e2e = new URL('.', import.meta.url).pathname;
// Another folder of templates may be named on the command line.
const dir = process.argv[2] || join(e2e, '../bpmn/.camunda/element-templates');

const entry = `
import Modeler from 'bpmn-js/lib/Modeler';
import { ElementTemplatesCoreModule } from 'bpmn-js-element-templates/core';
import { validateAll } from '@bpmn-io/element-templates-validator';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';

const EMPTY = '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
  + 'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="d" targetNamespace="x"><bpmn:process id="p" isExecutable="true"/>'
  + '<bpmndi:BPMNDiagram id="dd"><bpmndi:BPMNPlane id="pp" bpmnElement="p"/></bpmndi:BPMNDiagram></bpmn:definitions>';

window.validateTemplates = (data) => {
  const { results } = validateAll(data);
  return results.filter((r) => !r.valid).map((r) => ({ id: r.object && r.object.id, errors: r.errors.map((e) => e.message) }));
};

// Applies one template to a fresh element and reads back what the element carries.
window.applyTemplate = async (template) => {
  const modeler = new Modeler({ container: '#canvas', additionalModules: [ElementTemplatesCoreModule], moddleExtensions: { camunda } });
  await modeler.importXML(EMPTY);
  const canvas = modeler.get('canvas');
  let element;
  const type = template.appliesTo[0];
  if (type === 'bpmn:Process') {
    element = canvas.getRootElement();
  } else {
    const shape = modeler.get('elementFactory').createShape({ type });
    element = modeler.get('modeling').createShape(shape, { x: 300, y: 200 }, canvas.getRootElement());
  }
  const templates = modeler.get('elementTemplates');
  templates.set([template]);
  element = templates.applyTemplate(element, template);
  const bo = element.businessObject;
  const attrs = {};
  for (const p of template.properties) {
    if (p.binding.type === 'property') attrs[p.binding.name] = bo.get(p.binding.name);
  }
  const listeners = ((bo.extensionElements && bo.extensionElements.values) || [])
    .filter((v) => v.$type === 'camunda:ExecutionListener')
    .map((v) => ({ event: v.event, delegateExpression: v.delegateExpression }));
  const applied = { template: bo.get('camunda:modelerTemplate'), version: bo.get('camunda:modelerTemplateVersion') };
  modeler.destroy();
  return { attrs, listeners, applied };
};
`;

const bundle = await build({
  stdin: { contents: entry, resolveDir: e2e, loader: 'js' },
  bundle: true,
  write: false,
  format: 'iife',
  loader: { '.json': 'json' },
  logLevel: 'error',
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let passed = 0;
let failed = 0;
const fail = (what, why) => {
  failed++;
  console.log(`FAIL - ${what}\n       ${why.join('\n       ')}`);
};
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log('page error: ' + e.message));
  await page.setContent('<!doctype html><meta charset="utf-8"><div id="canvas" style="width:1000px;height:600px"></div>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });

  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const invalid = await page.evaluate((d) => window.validateTemplates(d), data);
    if (invalid.length) {
      fail(`${file}: the Modeler's validator accepts every template`, invalid.map((i) => `${i.id}: ${i.errors.join('; ')}`));
      continue; // the Modeler does not offer the templates of a file it rejects
    } else {
      passed++;
      console.log(`ok   - ${file}: the Modeler's validator accepts its ${data.length} templates`);
    }
    for (const template of data) {
      const got = await page.evaluate((t) => window.applyTemplate(t), template).catch((e) => ({ error: e.message }));
      const why = [];
      if (got.error) why.push('applying failed: ' + got.error);
      else {
        if (got.applied.template !== template.id || got.applied.version !== template.version) {
          why.push(`the element carries ${got.applied.template} v${got.applied.version}`);
        }
        for (const p of template.properties) {
          const b = p.binding;
          if (b.type === 'property' && p.value !== undefined && String(got.attrs[b.name]) !== String(p.value)) {
            why.push(`${b.name} is ${JSON.stringify(got.attrs[b.name])}, not ${JSON.stringify(p.value)}`);
          }
          if (b.type === 'camunda:executionListener'
            && !got.listeners.some((l) => l.event === b.event && l.delegateExpression === p.value)) {
            why.push(`no execution listener ${b.event} ${p.value}`);
          }
        }
      }
      const what = `${template.id}: "${template.name}" applies to a new ${template.appliesTo[0].replace('bpmn:', '')}`;
      if (why.length) fail(what, why);
      else {
        passed++;
        console.log('ok   - ' + what);
      }
    }
  }
} finally {
  await browser.close();
}
console.log(`element templates: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
