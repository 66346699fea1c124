// Hồ sơ kiểm tra: one case as an auditor reads it — summary, the seal's verdict, related cases,
// the diagram with the path taken, the whole story in time order (flagged entries in red), the
// PDF/JSON exports and, for the Fatherland Front, the supervision comment box.
import { api, me, el, clear, say, showFailure, dateTime, safeLink, statusText, SOURCES, INTEGRITY } from './common.js';
import { showDiagram, fit } from './diagram.js';

const $ = (id) => document.getElementById(id);
const caseId = new URLSearchParams(window.location.search).get('id');
let viewer = null;

function userLabel(user) {
  return user.fullName && user.fullName !== user.userId ? user.fullName + ' (' + user.userId + ')' : user.userId;
}

function base() {
  return '/api/audit/cases/' + encodeURIComponent(caseId);
}

function renderSummary(record) {
  const s = record.summary || {};
  const title = s.title || ((s.kindLabel || 'Hồ sơ') + ' ' + caseId);
  $('case-title').textContent = title;
  document.title = title + ' – Hồ sơ kiểm tra';
  const rows = [
    ['Loại hồ sơ', s.kindLabel || s.kind],
    ['Mã hồ sơ (quy trình)', s.caseId],
    ['Đợt thi đua', s.campaignCode],
    ['Năm', s.year != null ? String(s.year) : ''],
    ['Đơn vị', s.unitName ? s.unitName + (s.unitCode ? ' (' + s.unitCode + ')' : '') : s.unitCode],
    ['Khối thi đua', s.groupName],
    ['Hình thức khen thưởng', s.awardName || s.awardCode],
    ['Cá nhân, tập thể', s.nomineeName],
    ['Trạng thái', statusText(s.kind, s.status, s.statusLabel)],
    ['Số quyết định', s.decisionCode],
    ['Bắt đầu', dateTime(s.startedAt)],
    ['Kết thúc', s.endedAt ? dateTime(s.endedAt) : 'đang xử lý'],
    ['Quy trình', record.processDefinitionName
      ? record.processDefinitionName + ' (phiên bản ' + record.processDefinitionVersion + ')' : record.processDefinitionKey],
    ['Lập bản xem lúc', dateTime(record.generatedAt)],
  ];
  const dl = clear($('summary'));
  rows.filter(([, value]) => value).forEach(([label, value]) => {
    dl.appendChild(el('dt', {}, label));
    dl.appendChild(el('dd', {}, value));
  });
}

function renderIntegrity(integrity, entries) {
  const banner = clear($('integrity'));
  banner.hidden = false;
  if (!integrity) {
    banner.className = 'banner broken';
    banner.setAttribute('data-intact', 'false');
    banner.appendChild(document.createTextNode('Không đối chiếu được niêm phong của hồ sơ.'));
    return;
  }
  banner.setAttribute('data-intact', String(integrity.intact));
  if (integrity.intact) {
    banner.className = 'banner intact';
    banner.append('✔ Chuỗi niêm phong nguyên vẹn',
      el('span', { className: 'small' }, ' — ' + integrity.sealedEntries + ' mục đã niêm phong, không mục nào bị sửa hay xóa.'));
    return;
  }
  banner.className = 'banner broken';
  banner.setAttribute('role', 'alert');
  banner.append('✖ Cảnh báo: dữ liệu của hồ sơ đã bị thay đổi ngoài ứng dụng — '
    + integrity.flaggedEntries + ' mục bị đánh dấu đỏ trong diễn biến'
    + (integrity.chainIntact ? '.' : '; chuỗi mã băm niêm phong bị đứt.'));
  if (integrity.problems && integrity.problems.length) {
    banner.appendChild(el('ul', {}, integrity.problems.map((p) => el('li', {}, p))));
  }
  const first = (entries || []).findIndex((e) => e.integrity && e.integrity !== 'OK');
  if (first >= 0) {
    banner.appendChild(el('a', { href: '#entry-' + first, id: 'first-flagged' }, 'Đến mục bị đánh dấu đầu tiên ↓'));
  }
}

function renderRelated(related) {
  const list = clear($('related-list'));
  if (!related || related.length === 0) {
    list.appendChild(el('li', { className: 'muted' }, 'Không có hồ sơ liên quan.'));
    return;
  }
  related.forEach((r) => list.appendChild(el('li', {},
    r.relation ? r.relation + ': ' : '',
    el('a', { href: 'case.html?id=' + encodeURIComponent(r.caseId), 'data-related-case-id': r.caseId },
      r.label || r.caseId))));
}

function entryItem(entry, index) {
  const flagged = entry.integrity && entry.integrity !== 'OK';
  const actor = entry.actorId
    ? (entry.actorName && entry.actorName !== entry.actorId ? entry.actorName + ' (' + entry.actorId + ')' : entry.actorId)
    : 'Hệ thống (tự động)';
  const link = safeLink(entry.link);
  const head = el('div', { className: 'entry-head' },
    el('span', { className: 'time' }, entry.time || dateTime(entry.at)),
    flagged ? el('span', { className: 'flag', 'data-flag': entry.integrity }, INTEGRITY[entry.integrity] || entry.integrity) : null,
    el('span', { className: 'title' }, entry.title || entry.kind || ''),
    el('span', { className: 'actor', 'data-actor-id': entry.actorId || '' }, '— ' + actor),
    link ? el('a', { className: 'document', href: link, 'data-document-link': '' }, '⤓ Tải tài liệu') : null,
    el('span', { className: 'source' }, SOURCES[entry.source] || entry.source || ''));
  const li = el('li', {
    id: 'entry-' + index,
    className: flagged ? 'flagged' : '',
    'data-integrity': entry.integrity || 'OK',
    'data-source': entry.source || '',
    'data-kind': entry.kind || '',
    'data-item-ref': entry.itemRef || null,
  }, head);
  const details = Object.entries(entry.details || {});
  if (details.length) {
    // Short values flow on one line ("Bước: …  Loại: …"); a long or multi-line value takes its own line.
    li.appendChild(el('dl', {}, details.map(([label, value]) => {
      const text = value == null ? '' : String(value);
      return el('div', { className: text.length > 90 || text.includes('\n') ? 'pair long' : 'pair' },
        el('dt', {}, label), el('dd', {}, text));
    })));
  }
  return li;
}

function renderTimeline(entries) {
  const list = clear($('timeline'));
  (entries || []).forEach((entry, index) => list.appendChild(entryItem(entry, index)));
  if (!entries || entries.length === 0) {
    list.appendChild(el('li', { className: 'muted', 'data-empty': '' }, 'Chưa có diễn biến nào.'));
  }
  filterTimeline();
}

function filterTimeline() {
  const source = $('timeline-source').value;
  const onlyFlagged = $('timeline-flagged').checked;
  let shown = 0;
  let total = 0;
  document.querySelectorAll('#timeline li[data-integrity]').forEach((li) => {
    const visible = (!source || li.dataset.source === source) && (!onlyFlagged || li.dataset.integrity !== 'OK');
    li.hidden = !visible;
    total += 1;
    shown += visible ? 1 : 0;
  });
  $('timeline-count').textContent = shown === total ? total + ' mục' : shown + ' / ' + total + ' mục';
  $('jump-timeline').textContent = 'Diễn biến (' + total + ' mục) ↓';
}

async function loadCase() {
  const record = await api(base());
  renderSummary(record);
  renderIntegrity(record.integrity, record.entries);
  renderRelated(record.related);
  renderTimeline(record.entries);
  return record;
}

async function loadDiagram() {
  try {
    const diagram = await api(base() + '/diagram');
    viewer = await showDiagram($('diagram'), diagram, $('diagram-info'));
    $('diagram').setAttribute('data-ready', 'true');
  } catch (e) {
    $('diagram-info').textContent = 'Không hiển thị được sơ đồ: ' + e.message;
    $('diagram-info').className = 'message problem';
  }
}

async function sendComment() {
  const text = $('comment-text').value.trim();
  if (!text) {
    say($('comment-message'), 'Nhập nội dung ý kiến trước khi gửi.', true);
    $('comment-text').focus();
    return;
  }
  $('comment-submit').disabled = true;
  say($('comment-message'), 'Đang gửi…');
  try {
    await api(base() + '/comments', { method: 'POST', body: { text } });
    $('comment-text').value = '';
    $('comment-text').dispatchEvent(new Event('input'));
    await loadCase();
    say($('comment-message'), 'Đã ghi ý kiến vào diễn biến hồ sơ.');
  } catch (e) {
    showFailure($('comment-message'), e);
  } finally {
    $('comment-submit').disabled = false;
  }
}

async function start() {
  const lastSearch = sessionStorage.getItem('audit.lastSearch');
  if (lastSearch) {
    $('back-to-search').href = 'index.html' + lastSearch;
  }
  $('timeline-source').addEventListener('change', filterTimeline);
  $('timeline-flagged').addEventListener('change', filterTimeline);
  $('diagram-fit').addEventListener('click', () => viewer && fit(viewer));
  if (!caseId) {
    say($('message'), 'Thiếu mã hồ sơ trong địa chỉ trang. Hãy mở hồ sơ từ trang tra cứu.', true);
    return;
  }
  $('download-pdf').href = base() + '/export.pdf';
  $('download-json').href = base() + '/export.json';
  let user;
  try {
    user = await me();
  } catch (e) {
    showFailure($('message'), e);
    return;
  }
  $('user').textContent = userLabel(user);
  if (user.canComment) {
    $('comment-panel').hidden = false;
    $('comment-submit').addEventListener('click', sendComment);
    const count = () => {
      $('comment-count').textContent = $('comment-text').value.length + ' / ' + $('comment-text').maxLength + ' ký tự';
    };
    $('comment-text').addEventListener('input', count);
    count();
  }
  say($('message'), 'Đang tải hồ sơ…');
  const diagram = loadDiagram();
  try {
    await loadCase();
    say($('message'), '');
  } catch (e) {
    showFailure($('message'), e);
  }
  await diagram;
}

start();
