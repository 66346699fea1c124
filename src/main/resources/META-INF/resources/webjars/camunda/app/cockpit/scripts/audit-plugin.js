// Cockpit plugins that lead auditors to the audit pages (Tra cứu, kiểm tra hồ sơ) of the application:
// Community Cockpit shows running instances only, the audit pages show every case, finished ones too,
// with the whole story, the path on the diagram and the seal's verdict. Loaded through config.js
// (customScripts); Cockpit 7.14+ plugin interface: {id, pluginPoint, priority, render(node, context)}.
// The pages live at the application's root, beside /camunda.

const AUDIT = '/audit/';

function caseUrl(processInstanceId) {
  return AUDIT + 'case.html?id=' + encodeURIComponent(processInstanceId);
}

function link(href, text, attrs) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  Object.entries(attrs || {}).forEach(([key, value]) => a.setAttribute(key, value));
  return a;
}

/** A sentence of the seal's verdict for the tab, read from /api (the same Camunda session). */
async function verdict(processInstanceId) {
  const response = await fetch('/api/audit/cases/' + encodeURIComponent(processInstanceId),
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    return { text: data.message || 'Không đọc được hồ sơ kiểm tra (lỗi ' + response.status + ').', problem: true };
  }
  const integrity = data.integrity || {};
  const count = (data.entries || []).length;
  return integrity.intact
    ? { text: 'Chuỗi niêm phong nguyên vẹn — ' + count + ' mục diễn biến.', problem: false }
    : { text: 'Cảnh báo: ' + (integrity.flaggedEntries || 0) + ' mục bị sửa, xóa hoặc chưa niêm phong.', problem: true };
}

const STATES = {
  ACTIVE: 'Đang xử lý', SUSPENDED: 'Tạm dừng', COMPLETED: 'Đã kết thúc', EXTERNALLY_TERMINATED: 'Bị hủy',
  INTERNALLY_TERMINATED: 'Kết thúc bất thường',
};
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});
const PAGE = 25;

function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const p = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
}

function cell(row, content) {
  const td = document.createElement('td');
  if (typeof content === 'string') {
    td.textContent = content;
  } else {
    td.appendChild(content);
  }
  row.appendChild(td);
}

/**
 * Every case of one version of a procedure, finished ones too, newest first, each opening its audit
 * page: Community Cockpit lists running instances only. Read from the engine's history through
 * Cockpit's own engine API (the signed-in user's authorizations apply).
 */
function renderDefinitionCases(node, { api, processDefinitionId }) {
  const box = document.createElement('div');
  box.id = 'tdkt-audit-definition-tab';
  box.style.padding = '10px 0';
  const intro = document.createElement('p');
  intro.append('Mọi hồ sơ của phiên bản quy trình này, cả hồ sơ đã kết thúc (mới nhất trước). ');
  intro.appendChild(link(AUDIT, 'Tìm theo đợt, đơn vị, người được đề nghị…', { id: 'tdkt-audit-search-link' }));
  const table = document.createElement('table');
  table.className = 'cam-table';
  table.id = 'tdkt-audit-definition-cases';
  const head = document.createElement('tr');
  ['Khóa nghiệp vụ', 'Bắt đầu', 'Kết thúc', 'Tình trạng', ''].forEach((text) => {
    const th = document.createElement('th');
    th.textContent = text;
    head.appendChild(th);
  });
  const thead = document.createElement('thead');
  thead.appendChild(head);
  const body = document.createElement('tbody');
  table.append(thead, body);
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'btn btn-default';
  more.id = 'tdkt-audit-definition-more';
  more.textContent = 'Xem thêm';
  more.style.display = 'none';
  const status = document.createElement('p');
  box.append(intro, table, more, status);
  node.appendChild(box);

  let first = 0;
  const load = async () => {
    more.disabled = true;
    const query = new URLSearchParams({ processDefinitionId, sortBy: 'startTime', sortOrder: 'desc',
      firstResult: String(first), maxResults: String(PAGE) });
    try {
      const response = await fetch(api.engineApi + '/history/process-instance?' + query,
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error('lỗi ' + response.status);
      }
      const instances = await response.json();
      instances.forEach((instance) => {
        const row = document.createElement('tr');
        row.setAttribute('data-case-id', instance.id);
        cell(row, instance.businessKey || instance.id);
        cell(row, dateTime(instance.startTime));
        cell(row, dateTime(instance.endTime));
        cell(row, STATES[instance.state] || instance.state || '');
        cell(row, link(caseUrl(instance.id), 'Mở hồ sơ kiểm tra'));
        body.appendChild(row);
      });
      first += instances.length;
      more.style.display = instances.length < PAGE ? 'none' : '';
      status.textContent = first === 0 ? 'Chưa có hồ sơ nào của phiên bản này.' : '';
    } catch (e) {
      status.textContent = 'Không đọc được danh sách hồ sơ (' + e.message + ').';
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', load);
  load();
}

export default [
  {
    id: 'tdkt-audit-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { label: 'Tra cứu hồ sơ' },
    // The page is outside Cockpit: never the active menu entry.
    checkActive: () => false,
    render: (node) => {
      node.appendChild(link(AUDIT, 'Tra cứu hồ sơ', {
        id: 'tdkt-audit-nav', title: 'Tra cứu mọi hồ sơ, cả hồ sơ đã kết thúc, và kiểm tra diễn biến',
      }));
    },
  },
  {
    id: 'tdkt-audit-instance-tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 0,
    properties: { label: 'Hồ sơ kiểm tra' },
    render: (node, { processInstanceId }) => {
      const box = document.createElement('div');
      box.id = 'tdkt-audit-tab';
      box.style.padding = '10px 0';
      const intro = document.createElement('p');
      intro.textContent = 'Toàn bộ diễn biến của hồ sơ này (ai làm gì, lúc nào, với dữ liệu nào), sơ đồ các bước đã đi qua, '
        + 'tình trạng niêm phong và bản tải PDF/JSON.';
      const status = document.createElement('p');
      status.id = 'tdkt-audit-verdict';
      status.textContent = 'Đang đối chiếu niêm phong…';
      const open = link(caseUrl(processInstanceId), 'Mở hồ sơ kiểm tra', {
        id: 'tdkt-audit-open-case', class: 'btn btn-primary', 'data-case-id': processInstanceId,
      });
      box.append(intro, status, open);
      node.appendChild(box);
      verdict(processInstanceId).then((v) => {
        status.textContent = v.text;
        status.style.color = v.problem ? '#b00020' : '#1e7b34';
        status.style.fontWeight = '600';
      }, () => { status.textContent = ''; });
    },
  },
  {
    id: 'tdkt-audit-definition-tab',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: 0,
    properties: { label: 'Hồ sơ kiểm tra' },
    render: renderDefinitionCases,
  },
  {
    id: 'tdkt-audit-instance-action',
    pluginPoint: 'cockpit.processInstance.runtime.action',
    priority: 20,
    render: (node, { processInstanceId }) => {
      const a = link(caseUrl(processInstanceId), '', {
        id: 'tdkt-audit-action', class: 'btn btn-default action-button', title: 'Mở hồ sơ kiểm tra',
        'aria-label': 'Mở hồ sơ kiểm tra',
      });
      const icon = document.createElement('span');
      icon.className = 'glyphicon glyphicon-list-alt';
      a.appendChild(icon);
      node.appendChild(a);
    },
  },
];
