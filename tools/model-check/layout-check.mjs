// Layout check of BPMN diagrams, read from their DI (what Camunda Modeler draws):
//  - elements without DI, DI pointing at nothing,
//  - shapes overlapping (containment in a pool, lane or expanded subprocess excepted; a boundary
//    event sits on its host's border), shapes straddling a pool, lane or subprocess border,
//  - flow nodes outside their lane (or in no lane / two lanes of a pool with lanes; an expanded
//    subprocess may reach over several lanes), outside their pool or their expanded subprocess,
//  - labels overlapping shapes, other labels, or crossed by a sequence flow; labels straddling a
//    pool or lane border; labels more than 30 px from their shape or flow,
//  - sequence flows crossing or running along each other, crossing shapes they do not connect,
//    not starting at their source or ending at their target, diagonal segments.
//
//   node tools/model-check/layout-check.mjs [bpmn/a.bpmn ...]   (no file: every bpmn/*.bpmn)
// Prints every defect and exits 1 when there is one. `checkLayout(xml)` returns the list.
import { readFileSync, readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';

const camunda = JSON.parse(readFileSync(new URL('./node_modules/camunda-bpmn-moddle/resources/camunda.json', import.meta.url)));

/** Pixels of slack: touching is not overlapping, a shape 1 px over a border is not outside. */
const TOL = 1;
/** How far a label may sit from its shape or flow and still read as its label. */
const LABEL_NEAR = 30;
/** Distance within which a flow's end counts as docked on its source or target. */
const DOCK = 6;

export async function checkLayout(xml) {
  const moddle = new BpmnModdle({ camunda });
  const defects = [];
  let definitions;
  try {
    const result = await moddle.fromXML(xml, 'bpmn:Definitions');
    definitions = result.rootElement;
    for (const w of result.warnings) defects.push({ kind: 'import', message: w.message });
  } catch (e) {
    return [{ kind: 'import', message: 'the file does not parse: ' + e.message }];
  }
  const ctx = collect(definitions, defects);
  for (const plane of ctx.planes) checkPlane(plane, ctx, defects);
  checkMissingDi(ctx, defects);
  return defects;
}

// ---------------------------------------------------------------- model

function collect(definitions, defects) {
  const ctx = {
    flowElements: [], // every flow element, with parent (process or subprocess)
    parentOf: new Map(), // element -> its process or subprocess
    lanesOf: new Map(), // flow node -> [leaf lanes referencing it]
    lanes: [], // { lane, leaf, process }
    participants: [],
    artifacts: [],
    messageFlows: [],
    planes: [],
    diIds: new Set(),
  };
  const walk = (container) => {
    for (const el of container.flowElements || []) {
      ctx.flowElements.push(el);
      ctx.parentOf.set(el, container);
      if (el.flowElements) walk(el);
    }
    for (const a of container.artifacts || []) {
      ctx.artifacts.push(a);
      ctx.parentOf.set(a, container);
    }
  };
  const walkLanes = (laneSet, process) => {
    for (const lane of laneSet?.lanes || []) {
      const leaf = !(lane.childLaneSet?.lanes?.length);
      ctx.lanes.push({ lane, leaf, process });
      if (leaf) {
        for (const node of lane.flowNodeRef || []) {
          if (!ctx.lanesOf.has(node)) ctx.lanesOf.set(node, []);
          ctx.lanesOf.get(node).push(lane);
        }
      }
      walkLanes(lane.childLaneSet, process);
    }
  };
  for (const root of definitions.rootElements || []) {
    if (root.$instanceOf('bpmn:Process')) {
      walk(root);
      for (const ls of root.laneSets || []) walkLanes(ls, root);
    } else if (root.$instanceOf('bpmn:Collaboration')) {
      ctx.participants.push(...(root.participants || []));
      ctx.messageFlows.push(...(root.messageFlows || []));
      for (const a of root.artifacts || []) ctx.artifacts.push(a);
    }
  }
  for (const diagram of definitions.diagrams || []) {
    const plane = diagram.plane;
    if (!plane) continue;
    const shapes = [];
    const edges = [];
    for (const di of plane.planeElement || []) {
      const el = di.bpmnElement;
      if (!el) {
        defects.push({ kind: 'no element', message: `DI ${di.id} refers to no element of the model` });
        continue;
      }
      ctx.diIds.add(el.id);
      if (di.$instanceOf('bpmndi:BPMNShape')) {
        if (!di.bounds) {
          defects.push({ kind: 'no DI', message: `${describe(el)} has a shape without bounds` });
          continue;
        }
        shapes.push({ el, di, b: rect(di.bounds) });
      } else if (di.$instanceOf('bpmndi:BPMNEdge')) {
        edges.push({ el, di, points: (di.waypoint || []).map((p) => ({ x: p.x, y: p.y })) });
      }
    }
    if (plane.bpmnElement) ctx.diIds.add(plane.bpmnElement.id);
    ctx.planes.push({ plane, shapes, edges });
  }
  return ctx;
}

function checkMissingDi(ctx, defects) {
  const needs = [
    ...ctx.flowElements.filter((el) => !el.$instanceOf('bpmn:DataObject')),
    ...ctx.lanes.map((l) => l.lane),
    ...ctx.participants,
    ...ctx.messageFlows,
    ...ctx.artifacts,
  ];
  for (const el of needs) {
    if (!ctx.diIds.has(el.id)) defects.push({ kind: 'no DI', message: `${describe(el)} is not drawn (no DI)` });
  }
}

// ---------------------------------------------------------------- checks per plane

function checkPlane({ shapes, edges }, ctx, defects) {
  const shapeOf = new Map(shapes.map((s) => [s.el, s]));
  const isContainer = (s) => s.el.$instanceOf('bpmn:Participant') || s.el.$instanceOf('bpmn:Lane') || isExpanded(s);
  const isGroup = (s) => s.el.$instanceOf('bpmn:Group');
  const hostOf = (s) => s.el.$instanceOf('bpmn:BoundaryEvent') ? s.el.attachedToRef : null;
  const ancestors = (el) => {
    const out = [];
    for (let p = ctx.parentOf.get(el); p; p = ctx.parentOf.get(p)) out.push(p);
    return out;
  };
  const participantOf = (el) => {
    const process = ancestors(el).find((a) => a.$instanceOf('bpmn:Process'));
    return ctx.participants.find((p) => p.processRef === process);
  };

  // Shapes against shapes.
  const plain = shapes.filter((s) => !isContainer(s) && !isGroup(s));
  for (let i = 0; i < plain.length; i++) {
    for (let j = i + 1; j < plain.length; j++) {
      const a = plain[i];
      const b = plain[j];
      if (hostOf(a) === b.el || hostOf(b) === a.el) continue;
      if (overlaps(a.b, b.b)) defects.push({ kind: 'shapes overlap', message: `${describe(a.el)} and ${describe(b.el)}` });
    }
  }
  const containers = shapes.filter(isContainer);
  const isPoolOrLane = (s) => s.el.$instanceOf('bpmn:Lane') || s.el.$instanceOf('bpmn:Participant');
  for (const c of containers) {
    for (const s of shapes) {
      if (s === c || isGroup(s)) continue;
      if (hostOf(s) === c.el) continue; // a boundary event on an expanded subprocess
      // A flow node against pools and lanes: its own lane and pool are checked below, and lanes
      // do not overlap, so a node half in another lane is already outside its own.
      if (s.el.$instanceOf('bpmn:FlowNode') && isPoolOrLane(c)) continue;
      if (c.el.$instanceOf('bpmn:FlowNode') && isPoolOrLane(s)) continue;
      const inside = contains(c.b, s.b);
      const apart = !overlaps(c.b, s.b);
      if (isPoolOrLane(s)) {
        // Lanes and pools among themselves: nested or apart, never half over each other.
        if (!inside && !apart && !contains(s.b, c.b)) {
          defects.push({ kind: 'shapes overlap', message: `${describe(c.el)} and ${describe(s.el)} overlap` });
        }
        continue;
      }
      if (contains(s.b, c.b)) continue; // an expanded subprocess around a lane's or subprocess' content
      if (!inside && !apart) {
        defects.push({ kind: 'crosses border', message: `${describe(s.el)} straddles the border of ${describe(c.el)}` });
      } else if (inside && isExpanded(c) && !ancestors(s.el).includes(c.el) && hostOf(s) == null) {
        defects.push({ kind: 'shapes overlap', message: `${describe(s.el)} is drawn inside ${describe(c.el)} but is not part of it` });
      }
    }
  }

  // Flow nodes against their lane, pool and subprocess.
  for (const s of shapes) {
    const el = s.el;
    if (!el.$instanceOf('bpmn:FlowNode')) continue;
    const check = el.$instanceOf('bpmn:BoundaryEvent') ? centre(s.b) : s.b;
    const parent = ctx.parentOf.get(el);
    if (parent?.$instanceOf('bpmn:SubProcess')) {
      const ps = shapeOf.get(parent);
      if (ps && isExpanded(ps) && !containsBox(ps.b, check)) {
        defects.push({ kind: 'outside container', message: `${describe(el)} lies outside its subprocess ${describe(parent)}` });
      }
      continue; // lanes hold the top-level nodes of a process
    }
    const pool = participantOf(el);
    const poolShape = pool && shapeOf.get(pool);
    if (poolShape && !containsBox(poolShape.b, check)) {
      defects.push({ kind: 'outside container', message: `${describe(el)} lies outside its pool ${describe(pool)}` });
    }
    const processHasLanes = ctx.lanes.some((l) => l.process === parent);
    if (!processHasLanes) continue;
    const lanes = ctx.lanesOf.get(el) || [];
    if (!lanes.length) {
      defects.push({ kind: 'outside lane', message: `${describe(el)} belongs to no lane (flowNodeRef)` });
    } else if (lanes.length > 1) {
      defects.push({ kind: 'outside lane', message: `${describe(el)} belongs to ${lanes.length} lanes: ${lanes.map(describe).join(', ')}` });
    }
    for (const lane of lanes) {
      const ls = shapeOf.get(lane);
      // An expanded subprocess may reach over several lanes, its steps drawn in the lanes of the
      // people who take them; it must still touch its own lane (and stay in its pool, above).
      if (ls && isExpanded(s) ? !overlaps(ls.b, s.b) : ls && !containsBox(ls.b, check)) {
        defects.push({ kind: 'outside lane', message: `${describe(el)} lies outside its lane ${describe(lane)}` });
      }
    }
  }

  // Labels.
  const labels = [];
  for (const s of shapes) {
    if (!hasExternalLabel(s.el)) continue;
    labels.push({ el: s.el, b: s.di.label?.bounds ? textIn(s.el.name, s.di.label.bounds) : defaultShapeLabel(s) });
  }
  for (const e of edges) {
    if (!hasExternalLabel(e.el) || e.points.length < 2) continue;
    labels.push({ el: e.el, b: e.di.label?.bounds ? textIn(e.el.name, e.di.label.bounds) : defaultEdgeLabel(e) });
  }
  // The name band of a pool or lane (30 px at its left, or at its top when drawn vertically) holds
  // its name: no shape, label or expanded subprocess on it. Its inner 22 px count: the name is
  // written in the middle, so a label that only touches the band's edge leaves it readable.
  const bands = containers.filter(isPoolOrLane).map((c) => ({
    c,
    b: c.di.isHorizontal === false ? { ...c.b, y: c.b.y + 4, height: 22 } : { ...c.b, x: c.b.x + 4, width: 22 },
  }));
  for (const { c, b } of bands) {
    for (const s of shapes) {
      if (isPoolOrLane(s) || isGroup(s)) continue;
      if (overlaps(b, s.b)) defects.push({ kind: 'shapes overlap', message: `${describe(s.el)} covers the name of ${describe(c.el)}` });
    }
  }

  // A label belongs beside its element: near the shape, or near its flow.
  const edgeOf = new Map(edges.map((e) => [e.el, e]));
  for (const l of labels) {
    const own = shapeOf.get(l.el);
    const edge = edgeOf.get(l.el);
    const distance = own ? rectDistance(l.b, own.b)
      : edge ? Math.min(...segments(edge.points).map(([p, q]) => segmentRectDistance(p, q, l.b))) : 0;
    if (distance > LABEL_NEAR) {
      defects.push({ kind: 'label far', message: `label of ${describe(l.el)} is ${Math.round(distance)} px away from its ${own ? 'shape' : 'flow'} (at most ${LABEL_NEAR})` });
    }
  }
  for (const l of labels) {
    for (const s of plain) {
      if (s.el === l.el) continue;
      if (labelCovers(l.b, s)) defects.push({ kind: 'label overlaps', message: `label of ${describe(l.el)} covers ${describe(s.el)}` });
    }
    for (const { c, b } of bands) {
      if (overlaps(b, l.b)) defects.push({ kind: 'label overlaps', message: `label of ${describe(l.el)} covers the name of ${describe(c.el)}` });
    }
    for (const c of containers) {
      if (!contains(c.b, l.b) && overlaps(c.b, l.b)) {
        defects.push({ kind: 'label overlaps', message: `label of ${describe(l.el)} straddles the border of ${describe(c.el)}` });
      }
    }
  }
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (overlaps(labels[i].b, labels[j].b)) {
        defects.push({ kind: 'label overlaps', message: `labels of ${describe(labels[i].el)} and ${describe(labels[j].el)} overlap` });
      }
    }
  }

  // Sequence flows.
  const flows = edges.filter((e) => e.el.$instanceOf('bpmn:SequenceFlow'));
  for (const f of flows) {
    const src = shapeOf.get(f.el.sourceRef);
    const tgt = shapeOf.get(f.el.targetRef);
    if (f.points.length < 2) {
      defects.push({ kind: 'flow', message: `${describe(f.el)} has fewer than two waypoints` });
      continue;
    }
    if (src && !containsPoint(grow(src.b, DOCK), f.points[0])) {
      defects.push({ kind: 'flow', message: `${describe(f.el)} does not start at its source ${describe(src.el)}` });
    }
    if (tgt && !containsPoint(grow(tgt.b, DOCK), f.points[f.points.length - 1])) {
      defects.push({ kind: 'flow', message: `${describe(f.el)} does not end at its target ${describe(tgt.el)}` });
    }
    for (const [p, q] of segments(f.points)) {
      if (Math.abs(p.x - q.x) > TOL && Math.abs(p.y - q.y) > TOL) {
        defects.push({ kind: 'flow', message: `${describe(f.el)} has a diagonal segment (${p.x},${p.y})→(${q.x},${q.y}); draw it with right angles` });
        break;
      }
    }
    const ends = [src, tgt].filter(Boolean).map((s) => grow(s.b, 3));
    const crossed = new Set();
    for (const s of shapes) {
      if (s === src || s === tgt || isGroup(s) || crossed.has(s)) continue;
      if (s.el.$instanceOf('bpmn:Participant') || s.el.$instanceOf('bpmn:Lane')) continue;
      for (const [p, q] of segments(f.points)) {
        const part = isExpanded(s) ? borderCrossing(p, q, s.b) : clipToShape(p, q, s);
        if (part && !ends.some((b) => containsPoint(b, part[0]) && containsPoint(b, part[1]))) {
          crossed.add(s);
          defects.push({ kind: 'flow crosses shape', message: `${describe(f.el)} crosses ${describe(s.el)}` });
          break;
        }
      }
    }
    for (const l of labels) {
      if (l.el === f.el) continue;
      if (segments(f.points).some(([p, q]) => clipConvex(p, q, rectPolygon(shrink(l.b, 1))))) {
        defects.push({ kind: 'label overlaps', message: `${describe(f.el)} runs through the label of ${describe(l.el)}` });
      }
    }
  }
  for (let i = 0; i < flows.length; i++) {
    for (let j = i + 1; j < flows.length; j++) {
      const a = flows[i];
      const b = flows[j];
      const shared = [a.el.sourceRef, a.el.targetRef]
        .filter((el) => el === b.el.sourceRef || el === b.el.targetRef)
        .map((el) => shapeOf.get(el)).filter(Boolean).map((s) => grow(s.b, 3));
      let found = null;
      for (const [p, q] of segments(a.points)) {
        for (const [r, t] of segments(b.points)) {
          for (const hit of intersections(p, q, r, t)) {
            if (!shared.some((box) => hit.every((pt) => containsPoint(box, pt)))) found = hit;
          }
          if (found) break;
        }
        if (found) break;
      }
      if (found) {
        const along = found[0].x !== found[1].x || found[0].y !== found[1].y;
        defects.push({
          kind: 'flows cross',
          message: `${describe(a.el)} and ${describe(b.el)} ${along ? 'run along each other' : 'cross'} at (${Math.round(found[0].x)},${Math.round(found[0].y)})`,
        });
      }
    }
  }
}

// ---------------------------------------------------------------- labels as bpmn-js places them

function hasExternalLabel(el) {
  const types = ['bpmn:Event', 'bpmn:Gateway', 'bpmn:DataStoreReference', 'bpmn:DataObjectReference',
    'bpmn:DataInput', 'bpmn:DataOutput', 'bpmn:SequenceFlow', 'bpmn:MessageFlow'];
  return types.some((t) => el.$instanceOf(t)) && !!(el.name && el.name.trim());
}

// Without label bounds in the DI, bpmn-js (LabelUtil, TextRenderer) lays the text out in a box at
// most 90 px wide, its top at the bottom of a shape, or 10 px above a point 15 px above the middle
// of a flow (15 px right of it for a vertical middle segment). 11 px Arial measured in Chromium:
// about 5.4 px a character, 13.5 px a line; words wrap at 90 px.
function estimateSize(text, maxWidth = 90) {
  const CHAR = 5.4;
  let lines = 0;
  let width = 0;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? line + ' ' + word : word;
      if (line && next.length * CHAR > maxWidth) {
        width = Math.max(width, line.length * CHAR);
        lines++;
        line = word;
      } else {
        line = next;
      }
    }
    width = Math.max(width, Math.min(maxWidth, line.length * CHAR));
    lines++;
  }
  return { width: Math.ceil(width), height: Math.ceil(lines * 13.5) };
}

// With label bounds in the DI, bpmn-js writes the text into that box from its top, centred and
// wrapped at its width: what covers the diagram is the text, not a generous box.
function textIn(text, bounds) {
  const b = rect(bounds);
  const size = estimateSize(text, Math.max(b.width, 10));
  const width = Math.min(b.width, size.width);
  return { x: b.x + (b.width - width) / 2, y: b.y, width, height: size.height };
}

function defaultShapeLabel(s) {
  const size = estimateSize(s.el.name);
  return { x: s.b.x + s.b.width / 2 - size.width / 2, y: s.b.y + s.b.height, ...size };
}

function defaultEdgeLabel(e) {
  const mid = e.points.length / 2 - 1;
  const first = e.points[Math.floor(mid)];
  const second = e.points[Math.ceil(mid + 0.01)];
  const size = estimateSize(e.el.name);
  let x = first.x + (second.x - first.x) / 2;
  let y = first.y + (second.y - first.y) / 2;
  if (Math.abs(Math.atan((second.y - first.y) / (second.x - first.x))) < Math.PI / 2) y -= 15;
  else x += 15;
  return { x: x - size.width / 2, y: y - 10, ...size };
}

/** Whether label box l covers the drawn figure of shape s (circle, diamond or box). */
function labelCovers(l, s) {
  const box = shrink(l, TOL / 2);
  if (!overlaps(box, s.b)) return false;
  const b = s.b;
  const c = centre(b);
  if (s.el.$instanceOf('bpmn:Event')) {
    const r = Math.min(b.width, b.height) / 2 - TOL;
    const nx = Math.max(box.x, Math.min(c.x, box.x + box.width));
    const ny = Math.max(box.y, Math.min(c.y, box.y + box.height));
    return Math.hypot(nx - c.x, ny - c.y) < r;
  }
  if (s.el.$instanceOf('bpmn:Gateway')) {
    const hw = b.width / 2 - TOL;
    const hh = b.height / 2 - TOL;
    const diamond = [{ x: c.x, y: c.y - hh }, { x: c.x + hw, y: c.y }, { x: c.x, y: c.y + hh }, { x: c.x - hw, y: c.y }];
    return convexOverlap(diamond, rectPolygon(box));
  }
  return true;
}

// Separating axis test for two convex polygons.
function convexOverlap(a, b) {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i];
      const q = poly[(i + 1) % poly.length];
      const axis = { x: -(q.y - p.y), y: q.x - p.x };
      const project = (pts) => pts.map((pt) => pt.x * axis.x + pt.y * axis.y);
      const pa = project(a);
      const pb = project(b);
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------- geometry

function rect(b) {
  return { x: b.x, y: b.y, width: b.width, height: b.height };
}
function grow(b, d) {
  return { x: b.x - d, y: b.y - d, width: b.width + 2 * d, height: b.height + 2 * d };
}
function shrink(b, d) {
  return grow(b, -d);
}
function centre(b) {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}
function overlaps(a, b) {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > TOL && h > TOL;
}
function contains(outer, inner) {
  return inner.x >= outer.x - TOL && inner.y >= outer.y - TOL
    && inner.x + inner.width <= outer.x + outer.width + TOL && inner.y + inner.height <= outer.y + outer.height + TOL;
}
function containsBox(outer, boxOrPoint) {
  return 'width' in boxOrPoint ? contains(outer, boxOrPoint) : containsPoint(outer, boxOrPoint);
}
function containsPoint(b, p) {
  return p.x >= b.x - TOL && p.x <= b.x + b.width + TOL && p.y >= b.y - TOL && p.y <= b.y + b.height + TOL;
}
function rectDistance(a, b) {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}
function segmentRectDistance(p, q, b) {
  if (clipConvex(p, q, rectPolygon(b))) return 0;
  const corners = rectPolygon(b);
  const pointSegment = (pt, a, c) => {
    const d = { x: c.x - a.x, y: c.y - a.y };
    const len = d.x * d.x + d.y * d.y;
    const t = len ? Math.max(0, Math.min(1, ((pt.x - a.x) * d.x + (pt.y - a.y) * d.y) / len)) : 0;
    return Math.hypot(pt.x - (a.x + d.x * t), pt.y - (a.y + d.y * t));
  };
  const edgesOfBox = corners.map((c, i) => [c, corners[(i + 1) % 4]]);
  return Math.min(
    ...corners.map((c) => pointSegment(c, p, q)),
    ...edgesOfBox.flatMap(([a, c]) => [pointSegment(p, a, c), pointSegment(q, a, c)]),
  );
}
function segments(points) {
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) out.push([points[i], points[i + 1]]);
  return out;
}
function isExpanded(s) {
  return s.el.$instanceOf('bpmn:SubProcess') && s.di.isExpanded === true;
}
function rectPolygon(b) {
  return [{ x: b.x, y: b.y }, { x: b.x + b.width, y: b.y }, { x: b.x + b.width, y: b.y + b.height }, { x: b.x, y: b.y + b.height }];
}

/** The part of segment pq inside the drawn figure of shape s (circle, diamond or box), or null. */
function clipToShape(p, q, s) {
  const b = s.b;
  if (s.el.$instanceOf('bpmn:Event')) {
    const c = centre(b);
    const r = Math.min(b.width, b.height) / 2 - 2;
    return clipCircle(p, q, c, r);
  }
  if (s.el.$instanceOf('bpmn:Gateway')) {
    const c = centre(b);
    const hw = b.width / 2 - 2;
    const hh = b.height / 2 - 2;
    return clipConvex(p, q, [{ x: c.x, y: c.y - hh }, { x: c.x + hw, y: c.y }, { x: c.x, y: c.y + hh }, { x: c.x - hw, y: c.y }]);
  }
  return clipConvex(p, q, rectPolygon(shrink(b, 2)));
}

/** Where segment pq passes through the border of box b (entering or leaving), or null. */
function borderCrossing(p, q, b) {
  const inner = clipConvex(p, q, rectPolygon(shrink(b, 2)));
  const outer = clipConvex(p, q, rectPolygon(grow(b, 2)));
  if (!outer) return null;
  const insideP = containsPoint(shrink(b, 2), p);
  const insideQ = containsPoint(shrink(b, 2), q);
  if (inner && insideP && insideQ) return null; // wholly inside
  if (!inner && !containsPoint(grow(b, 2), p) && !containsPoint(grow(b, 2), q)) {
    return outer; // skims along the border
  }
  if (!inner) return outer;
  // Crossing: report the point where it crosses.
  const at = insideP ? inner[1] : inner[0];
  return [at, at];
}

// Cyrus–Beck clipping against a convex polygon (clockwise on screen); null when the part inside
// is shorter than half a pixel.
function clipConvex(p, q, poly) {
  let t0 = 0;
  let t1 = 1;
  const d = { x: q.x - p.x, y: q.y - p.y };
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    // Inward normal for a clockwise polygon in screen coordinates (y down).
    const n = { x: -(b.y - a.y), y: b.x - a.x };
    const num = n.x * (p.x - a.x) + n.y * (p.y - a.y);
    const den = n.x * d.x + n.y * d.y;
    if (den === 0) {
      if (num < 0) return null;
      continue;
    }
    const t = -num / den;
    if (den > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  const a = { x: p.x + d.x * t0, y: p.y + d.y * t0 };
  const b = { x: p.x + d.x * t1, y: p.y + d.y * t1 };
  return Math.hypot(b.x - a.x, b.y - a.y) < 0.5 ? null : [a, b];
}

function clipCircle(p, q, c, r) {
  const d = { x: q.x - p.x, y: q.y - p.y };
  const f = { x: p.x - c.x, y: p.y - c.y };
  const A = d.x * d.x + d.y * d.y;
  if (A === 0) return null;
  const B = 2 * (f.x * d.x + f.y * d.y);
  const C = f.x * f.x + f.y * f.y - r * r;
  const disc = B * B - 4 * A * C;
  if (disc <= 0) return null;
  const s = Math.sqrt(disc);
  const t0 = Math.max(0, (-B - s) / (2 * A));
  const t1 = Math.min(1, (-B + s) / (2 * A));
  if (t1 - t0 <= 0) return null;
  const a = { x: p.x + d.x * t0, y: p.y + d.y * t0 };
  const b = { x: p.x + d.x * t1, y: p.y + d.y * t1 };
  return Math.hypot(b.x - a.x, b.y - a.y) < 0.5 ? null : [a, b];
}

/** Intersections of segments pq and rt: a crossing point [x, x] or a shared stretch [a, b]. */
function intersections(p, q, r, t) {
  const d1 = { x: q.x - p.x, y: q.y - p.y };
  const d2 = { x: t.x - r.x, y: t.y - r.y };
  const cross = d1.x * d2.y - d1.y * d2.x;
  const w = { x: r.x - p.x, y: r.y - p.y };
  const len1 = Math.hypot(d1.x, d1.y);
  const len2 = Math.hypot(d2.x, d2.y);
  if (!len1 || !len2) return [];
  if (Math.abs(cross) / (len1 * len2) < 1e-9) {
    // Parallel: a shared stretch when on one line, within a pixel.
    const dist = Math.abs(w.x * d1.y - w.y * d1.x) / len1;
    if (dist > TOL) return [];
    const proj = (pt) => ((pt.x - p.x) * d1.x + (pt.y - p.y) * d1.y) / (len1 * len1);
    const a = Math.max(0, Math.min(proj(r), proj(t)));
    const b = Math.min(1, Math.max(proj(r), proj(t)));
    if ((b - a) * len1 < TOL) {
      if (b - a < 0 || (b - a) * len1 < -TOL) return [];
      const pt = { x: p.x + d1.x * a, y: p.y + d1.y * a };
      return [[pt, pt]];
    }
    return [[{ x: p.x + d1.x * a, y: p.y + d1.y * a }, { x: p.x + d1.x * b, y: p.y + d1.y * b }]];
  }
  const s = (w.x * d2.y - w.y * d2.x) / cross;
  const u = (w.x * d1.y - w.y * d1.x) / cross;
  const eps = 1e-9;
  if (s < -eps || s > 1 + eps || u < -eps || u > 1 + eps) return [];
  const pt = { x: p.x + d1.x * s, y: p.y + d1.y * s };
  return [[pt, pt]];
}

export function describe(el) {
  const type = el.$type.replace(/^bpmn:/, '');
  return el.name ? `${type} "${el.name.replace(/\s+/g, ' ')}" (${el.id})` : `${type} ${el.id}`;
}

// ---------------------------------------------------------------- command line

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let files = process.argv.slice(2);
  if (!files.length) {
    const dir = fileURLToPath(new URL('../../bpmn/', import.meta.url));
    files = readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort().map((f) => relative(process.cwd(), dir + f));
  }
  let bad = 0;
  for (const file of files) {
    const defects = await checkLayout(readFileSync(file, 'utf8'));
    if (!defects.length) {
      console.log(`${file}: layout ok`);
      continue;
    }
    bad++;
    console.log(`${file}: ${defects.length} layout defect${defects.length > 1 ? 's' : ''}`);
    for (const d of defects) console.log(`  - ${d.kind}: ${d.message}`);
  }
  process.exit(bad ? 1 : 0);
}
