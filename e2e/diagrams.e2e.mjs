// Pictures of the diagrams as Camunda Modeler draws them: every bpmn/*.bpmn rendered with bpmn-js
// (and the DMN decision tables with dmn-js) in Debian's Chromium, to e2e/screenshots/diagrams/:
// <name>.png, plus <name>-<subprocess id>.png for each collapsed subprocess's own plane.
// Needs no running application. A diagram that does not import, or imports with warnings
// (unknown elements, broken references, missing DI), fails the run.
//
//   node e2e/diagrams.e2e.mjs                  every bpmn/*.bpmn and bpmn/*.dmn
//   node e2e/diagrams.e2e.mjs bpmn/x.bpmn ...  only these files
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const repo = new URL('..', import.meta.url).pathname;
const out = new URL('./screenshots/diagrams/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const bpmnJs = require.resolve('bpmn-js/dist/bpmn-navigated-viewer.production.min.js');
const bpmnCss = ['diagram-js.css', 'bpmn-js.css'].map((f) => require.resolve('bpmn-js/dist/assets/' + f));
const dmnJs = require.resolve('dmn-js/dist/dmn-navigated-viewer.production.min.js');
const dmnCss = ['diagram-js.css', 'dmn-js-shared.css', 'dmn-js-drd.css', 'dmn-js-decision-table.css']
  .map((f) => require.resolve('dmn-js/dist/assets/' + f));

const args = process.argv.slice(2);
const files = args.length
  ? args.map((f) => resolve(process.cwd(), f))
  : readdirSync(join(repo, 'bpmn')).filter((f) => /\.(bpmn|dmn)$/.test(f)).sort().map((f) => join(repo, 'bpmn', f));

// Largest picture side in CSS pixels; a bigger diagram is scaled down to fit.
const MAX_SIDE = 6000;
const MARGIN = 40;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let passed = 0;
let failed = 0;
try {
  for (const file of files) {
    const name = basename(file, extname(file));
    try {
      const written = extname(file) === '.dmn' ? await renderDmn(file, name) : await renderBpmn(file, name);
      passed++;
      console.log('ok   - ' + basename(file) + ' -> ' + written.map((p) => 'e2e/screenshots/diagrams/' + basename(p)).join(', '));
    } catch (e) {
      failed++;
      console.log('FAIL - ' + basename(file) + '\n       ' + String(e.message || e).split('\n').join('\n       '));
    }
  }
} finally {
  await browser.close();
}
console.log(`diagrams: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

async function blankPage(scripts, styles) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"><style>'
    + 'html,body{margin:0;padding:0;background:#fff}#canvas{width:1600px;height:1000px}'
    + '</style></head><body><div id="canvas"></div></body></html>');
  for (const path of styles) await page.addStyleTag({ path });
  for (const path of scripts) await page.addScriptTag({ path });
  return page;
}

async function renderBpmn(file, name) {
  const xml = readFileSync(file, 'utf8');
  const page = await blankPage([bpmnJs], bpmnCss);
  try {
    const result = await page.evaluate(async (xml) => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      window.viewer = viewer;
      try {
        const { warnings } = await viewer.importXML(xml);
        const inner = viewer.get('canvas').viewbox().inner;
        return { warnings: warnings.map((w) => w.message), inner };
      } catch (e) {
        return { error: e.message, warnings: (e.warnings || []).map((w) => w.message) };
      }
    }, xml);
    if (result.error || result.warnings.length) {
      throw new Error([result.error && 'import failed: ' + result.error, ...result.warnings.map((w) => 'warning: ' + w)]
        .filter(Boolean).join('\n'));
    }
    const path = join(out, name + '.png');
    await fitAndShoot(page, result.inner, path);
    const written = [path];
    // A collapsed subprocess is drawn on a plane of its own (Modeler's drill-down): one picture each.
    const planes = await page.evaluate(() => {
      const canvas = window.viewer.get('canvas');
      const main = canvas.getRootElement();
      return canvas.getRootElements().filter((r) => r !== main && r.children && r.children.length).map((r) => r.id);
    });
    for (const id of planes) {
      const inner = await page.evaluate((id) => {
        const canvas = window.viewer.get('canvas');
        canvas.setRootElement(canvas.getRootElements().find((r) => r.id === id));
        return canvas.viewbox().inner;
      }, id);
      const planePath = join(out, name + '-' + id.replace(/_plane$/, '') + '.png');
      await fitAndShoot(page, inner, planePath);
      written.push(planePath);
    }
    return written;
  } finally {
    await page.close();
  }
}

// Sizes the page to the diagram at 100 % (within MAX_SIDE), then fits the viewport around it.
async function fitAndShoot(page, inner, path) {
  const scale = Math.min(1, MAX_SIDE / Math.max(inner.width + 2 * MARGIN, inner.height + 2 * MARGIN));
  const width = Math.max(400, Math.ceil((inner.width + 2 * MARGIN) * scale));
  const height = Math.max(300, Math.ceil((inner.height + 2 * MARGIN) * scale));
  await page.setViewportSize({ width, height });
  await page.evaluate(({ width, height }) => {
    const el = document.getElementById('canvas');
    el.style.width = width + 'px';
    el.style.height = height + 'px';
    const canvas = window.viewer.get ? window.viewer.get('canvas') : window.viewer.getActiveViewer().get('canvas');
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
  }, { width, height });
  await page.screenshot({ path, fullPage: false });
}

async function renderDmn(file, name) {
  const xml = readFileSync(file, 'utf8');
  const page = await blankPage([dmnJs], dmnCss);
  const written = [];
  try {
    const result = await page.evaluate(async (xml) => {
      const viewer = new window.DmnJS({ container: '#canvas' });
      window.viewer = viewer;
      try {
        const { warnings } = await viewer.importXML(xml);
        const views = viewer.getViews().map((v) => ({ type: v.type, id: v.element.id }));
        return { warnings: warnings.map((w) => w.message), views };
      } catch (e) {
        return { error: e.message, warnings: (e.warnings || []).map((w) => w.message) };
      }
    }, xml);
    if (result.error || result.warnings.length) {
      throw new Error([result.error && 'import failed: ' + result.error, ...result.warnings.map((w) => 'warning: ' + w)]
        .filter(Boolean).join('\n'));
    }
    for (const view of result.views) {
      if (view.type === 'drd') {
        const inner = await page.evaluate(async (id) => {
          const viewer = window.viewer;
          await viewer.open(viewer.getViews().find((v) => v.element.id === id));
          return viewer.getActiveViewer().get('canvas').viewbox().inner;
        }, view.id);
        // A DRD of a single decision says nothing the table does not; draw it only when it has shapes.
        if (!inner.width) continue;
        const path = join(out, name + '-drd.png');
        await fitAndShoot(page, inner, path);
        written.push(path);
      } else if (view.type === 'decisionTable') {
        // The table as wide as its columns need, so no column is cut off at the right.
        const width = await page.evaluate(async (id) => {
          const el = document.getElementById('canvas');
          el.style.width = 'max-content';
          el.style.height = 'auto';
          const viewer = window.viewer;
          await viewer.open(viewer.getViews().find((v) => v.element.id === id));
          const table = document.querySelector('.tjs-table');
          return Math.ceil(Math.max(el.scrollWidth, table ? table.scrollWidth : 0));
        }, view.id);
        await page.setViewportSize({ width: Math.min(MAX_SIDE, Math.max(1200, width + 20)), height: 1000 });
        const path = join(out, name + (result.views.filter((v) => v.type === 'decisionTable').length > 1 ? '-' + view.id : '') + '.png');
        await page.locator('.tjs-container, .dmn-decision-table-container').first().screenshot({ path });
        written.push(path);
      }
    }
    if (!written.length) throw new Error('nothing to draw: no decision table and no DRD shapes');
    return written;
  } finally {
    await page.close();
  }
}
