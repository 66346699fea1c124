// The case's own version of the BPMN with the path it took: done steps green, current steps
// orange, steps never reached greyed, and a badge "×n" on a step that ran n > 1 times (a return).
// bpmn-js (bpmn.io, MIT with the bpmn.io watermark kept) is bundled under vendor/bpmn-js.

const STATE_MARKER = { DONE: 'audit-done', CURRENT: 'audit-current', CANCELED: 'audit-canceled' };
const STATE_TEXT = { DONE: 'đã thực hiện', CURRENT: 'đang thực hiện', CANCELED: 'bị hủy (không cần làm nữa)' };

/** Elements that are steps of the procedure (not pools, lanes, labels, flows or annotations). */
function isStep(element) {
  const bo = element.businessObject;
  return !element.labelTarget && !element.waypoints && bo && bo.$instanceOf && bo.$instanceOf('bpmn:FlowNode');
}

/**
 * Draws the diagram in {@code container} and marks the path. {@code info} receives a sentence on
 * the clicked step. Returns the viewer (its canvas fits the frame again through fit()).
 */
export async function showDiagram(container, diagram, info) {
  if (!window.BpmnJS) {
    throw new Error('Không tải được thư viện vẽ sơ đồ.');
  }
  const viewer = new window.BpmnJS({ container });
  await viewer.importXML(diagram.bpmnXml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  const byId = new Map((diagram.activities || []).map((a) => [a.activityId, a]));

  registry.getAll().forEach((element) => {
    if (isStep(element)) {
      const activity = byId.get(element.id);
      canvas.addMarker(element.id, activity ? STATE_MARKER[activity.state] || 'audit-done' : 'audit-skipped');
      if (element.di && element.di.isExpanded) {
        // An expanded sub-process frames other steps: its border tells the state, its inside stays light.
        canvas.addMarker(element.id, 'audit-container');
      }
      if (activity && activity.count > 1) {
        const badge = document.createElement('span');
        badge.className = 'audit-count';
        badge.textContent = '×' + activity.count;
        badge.title = 'Thực hiện ' + activity.count + ' lần';
        overlays.add(element.id, 'audit-count', { position: { top: -9, right: 12 }, html: badge });
      }
    } else if (element.waypoints && element.businessObject && element.businessObject.$instanceOf('bpmn:SequenceFlow')) {
      // A flow was taken when both its ends were reached; otherwise it is greyed with the steps.
      const taken = element.source && element.target && byId.has(element.source.id) && byId.has(element.target.id);
      canvas.addMarker(element.id, taken ? 'audit-taken' : 'audit-skipped');
    }
  });
  markDom(container, registry, byId);

  viewer.get('eventBus').on('element.click', (event) => {
    const element = event.element;
    if (!isStep(element)) {
      info.textContent = '';
      return;
    }
    const name = element.businessObject.name || element.id;
    const activity = byId.get(element.id);
    info.textContent = activity
      ? '“' + name + '”: ' + STATE_TEXT[activity.state] + (activity.count > 1 ? ', ' + activity.count + ' lần.' : '.')
      : '“' + name + '”: hồ sơ không đi qua bước này.';
  });
  fit(viewer);
  return viewer;
}

/** Stable attributes for tests and assistive reading: data-activity-state on each step's shape. */
function markDom(container, registry, byId) {
  registry.getAll().filter(isStep).forEach((element) => {
    const gfx = registry.getGraphics(element);
    const activity = byId.get(element.id);
    gfx.setAttribute('data-activity-id', element.id);
    gfx.setAttribute('data-activity-state', activity ? activity.state : 'NOT_TAKEN');
    if (activity) {
      gfx.setAttribute('data-activity-count', String(activity.count));
    }
  });
}

export function fit(viewer) {
  const canvas = viewer.get('canvas');
  canvas.zoom('fit-viewport', 'auto');
}
