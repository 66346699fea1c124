// Tra cứu hồ sơ: the search form, the paged and sortable results, and the CSV/Excel downloads of
// the same search. The search lives in the page's address, so Back from a case returns to it and
// an address can be handed to a colleague.
import { api, me, el, clear, say, showFailure, dateTime, statusText, KINDS, STATUSES } from './common.js';

const $ = (id) => document.getElementById(id);
const FILTERS = ['kind', 'campaign', 'year', 'unit', 'group', 'award', 'nominee', 'status', 'decision', 'actor', 'from', 'to'];
const DATES = ['from', 'to'];
const SIZES = ['20', '50', '100'];
const DEFAULT_SORT = 'startedAt,desc';

const state = { page: 0, size: 20, sort: DEFAULT_SORT, total: 0 };

function fillKinds() {
  KINDS.forEach(([code, label]) => $('kind').appendChild(el('option', { value: code }, label)));
}

/** Statuses of the chosen kind, or of every kind grouped by kind. */
function fillStatuses() {
  const select = $('status');
  const chosen = select.value;
  clear(select).appendChild(el('option', { value: '' }, 'Tất cả'));
  const kind = $('kind').value;
  KINDS.filter(([code]) => !kind || code === kind).forEach(([code, label]) => {
    const group = el('optgroup', { label });
    STATUSES[code].forEach(([value, text]) => group.appendChild(el('option', { value }, text)));
    select.appendChild(group);
  });
  select.value = chosen;
  if (select.value !== chosen) {
    select.value = '';
  }
}

async function fillCampaigns(wanted) {
  try {
    const campaigns = await api('/api/campaigns');
    campaigns.forEach((c) => $('campaign').appendChild(
      el('option', { value: c.code, title: c.title }, c.code + ' – ' + shorten(c.title, 60))));
  } catch (e) {
    // The list is a convenience: without it the code typed in the address still searches.
  }
  if (wanted && ![...$('campaign').options].some((o) => o.value === wanted)) {
    $('campaign').appendChild(el('option', { value: wanted }, wanted));
  }
  $('campaign').value = wanted || '';
}

function shorten(text, length) {
  return text && text.length > length ? text.slice(0, length - 1) + '…' : (text || '');
}

/** The search as query parameters; with paging when asked (the downloads take every row). */
function query(withPaging) {
  const params = new URLSearchParams();
  FILTERS.forEach((name) => {
    const value = DATES.includes(name) ? isoDate($(name).value) : String($(name).value || '').trim();
    if (value) {
      params.set(name, value);
    }
  });
  if (withPaging) {
    params.set('page', String(state.page));
    params.set('size', String(state.size));
  }
  params.set('sort', state.sort);
  return params;
}

/** dd/mm/yyyy as typed → yyyy-MM-dd as the API takes it; '' when empty, null when not a date. */
function isoDate(text) {
  const value = String(text || '').trim();
  if (!value) {
    return '';
  }
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!match) {
    return null;
  }
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return year + '-' + String(month).padStart(2, '0') + '-' + String(day).padStart(2, '0');
}

/** yyyy-MM-dd from the address → dd/mm/yyyy for the field. */
function shownDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return match ? match[3] + '/' + match[2] + '/' + match[1] : '';
}

function readAddress() {
  const params = new URLSearchParams(window.location.search);
  FILTERS.filter((name) => name !== 'campaign').forEach((name) => {
    $(name).value = DATES.includes(name) ? shownDate(params.get(name)) : (params.get(name) || '');
  });
  fillStatuses();
  $('status').value = params.get('status') || '';
  state.page = Math.max(0, parseInt(params.get('page'), 10) || 0);
  state.size = SIZES.includes(params.get('size')) ? parseInt(params.get('size'), 10) : 20;
  state.sort = /^[A-Za-z]+,(asc|desc)$/.test(params.get('sort') || '') ? params.get('sort') : DEFAULT_SORT;
  $('page-size').value = String(state.size);
  return params.get('campaign') || '';
}

function validDates() {
  for (const name of DATES) {
    if (isoDate($(name).value) === null) {
      say($('message'), 'Ngày “' + $(name).value + '” không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 01/03/2025.', true);
      $(name).setAttribute('aria-invalid', 'true');
      $(name).focus();
      return false;
    }
    $(name).removeAttribute('aria-invalid');
  }
  const from = isoDate($('from').value);
  const to = isoDate($('to').value);
  if (from && to && from > to) {
    say($('message'), '“Từ ngày” phải trước hoặc bằng “Đến ngày”.', true);
    $('from').focus();
    return false;
  }
  return true;
}

async function search(pushAddress) {
  if (!validDates()) {
    return;
  }
  const params = query(true);
  if (pushAddress) {
    const address = '?' + params.toString();
    if (address !== window.location.search) {
      window.history.pushState(null, '', address);
    }
  }
  const downloads = query(false).toString();
  $('download-csv').href = '/api/audit/cases.csv?' + downloads;
  $('download-xlsx').href = '/api/audit/cases.xlsx?' + downloads;
  sessionStorage.setItem('audit.lastSearch', window.location.search);
  showSort();
  say($('message'), 'Đang tìm…');
  $('results').setAttribute('aria-busy', 'true');
  try {
    const result = await api('/api/audit/cases?' + params.toString());
    state.total = result.total;
    render(result);
    say($('message'), '');
  } catch (e) {
    showFailure($('message'), e);
  } finally {
    $('results').removeAttribute('aria-busy');
  }
}

function render(result) {
  const body = clear($('results-body'));
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  $('result-count').textContent = result.total === 0 ? 'Không có hồ sơ nào phù hợp'
    : 'Tìm thấy ' + result.total.toLocaleString('vi-VN') + ' hồ sơ';
  $('page-info').textContent = 'Trang ' + (result.page + 1) + ' / ' + pages;
  $('page-prev').disabled = result.page <= 0;
  $('page-next').disabled = result.page + 1 >= pages;
  if (result.items.length === 0) {
    body.appendChild(el('tr', {}, el('td', { colSpan: 9, className: 'empty' },
      'Không tìm thấy hồ sơ nào. Thử bớt điều kiện tìm kiếm.')));
    return;
  }
  result.items.forEach((c) => body.appendChild(row(c)));
}

function caseUrl(caseId) {
  return 'case.html?id=' + encodeURIComponent(caseId);
}

function row(c) {
  const link = el('a', { href: caseUrl(c.caseId), 'data-case-link': c.caseId }, c.title || c.caseId);
  const tr = el('tr', { 'data-case-id': c.caseId, 'data-kind': c.kind },
    el('td', {}, c.kindLabel || c.kind),
    el('td', { className: 'title' }, link,
      c.campaignCode ? el('span', { className: 'sub' }, 'Đợt ' + c.campaignCode) : null),
    el('td', { className: 'nowrap' }, c.year != null ? String(c.year) : ''),
    el('td', { title: c.unitCode ? 'Mã đơn vị: ' + c.unitCode : '' }, c.unitName || c.unitCode || '',
      c.groupName ? el('span', { className: 'sub' }, 'Khối: ' + c.groupName) : null),
    el('td', {}, c.nomineeName || '', c.awardName ? el('span', { className: 'sub' }, c.awardName) : null),
    el('td', {}, statusText(c.kind, c.status, c.statusLabel)),
    el('td', { className: 'nowrap' }, c.decisionCode || '',
      c.revocation ? el('span', { className: 'sub revoked' }, c.revocation) : null),
    el('td', { className: 'nowrap' }, dateTime(c.startedAt)),
    el('td', { className: 'nowrap' }, c.endedAt ? dateTime(c.endedAt) : el('span', { className: 'muted' }, 'đang xử lý')));
  // The whole row opens the case; the link inside stays the keyboard's and the middle click's way.
  tr.addEventListener('click', (event) => {
    if (event.target.closest('a') || window.getSelection().toString()) {
      return;
    }
    window.location.href = caseUrl(c.caseId);
  });
  return tr;
}

/** Sortable headers: a button in each, aria-sort on the active one. */
function prepareSortHeaders() {
  document.querySelectorAll('#results th[data-sort]').forEach((th) => {
    const field = th.dataset.sort;
    const button = el('button', { type: 'button', className: 'sort', id: 'sort-' + field,
      title: 'Sắp xếp theo cột này' }, th.textContent);
    clear(th).appendChild(button);
    button.addEventListener('click', () => {
      const [current, direction] = state.sort.split(',');
      const next = current === field && direction === 'asc' ? 'desc'
        : current === field ? 'asc' : (field === 'startedAt' || field === 'year' ? 'desc' : 'asc');
      state.sort = field + ',' + next;
      state.page = 0;
      search(true);
    });
  });
}

function showSort() {
  const [field, direction] = state.sort.split(',');
  document.querySelectorAll('#results th[data-sort]').forEach((th) => {
    if (th.dataset.sort === field) {
      th.setAttribute('aria-sort', direction === 'asc' ? 'ascending' : 'descending');
    } else {
      th.removeAttribute('aria-sort');
    }
  });
}

async function start() {
  fillKinds();
  prepareSortHeaders();
  const campaign = readAddress();
  $('kind').addEventListener('change', fillStatuses);
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.page = 0;
    search(true);
  });
  $('reset').addEventListener('click', () => {
    FILTERS.forEach((name) => { $(name).value = ''; });
    fillStatuses();
    state.page = 0;
    state.sort = DEFAULT_SORT;
    search(true);
  });
  $('page-prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); search(true); });
  $('page-next').addEventListener('click', () => { state.page += 1; search(true); });
  $('page-size').addEventListener('change', () => {
    state.size = parseInt($('page-size').value, 10);
    state.page = 0;
    search(true);
  });
  window.addEventListener('popstate', async () => {
    const wanted = readAddress();
    $('campaign').value = wanted;
    search(false);
  });
  try {
    const user = await me();
    $('user').textContent = user.fullName && user.fullName !== user.userId
      ? user.fullName + ' (' + user.userId + ')' : user.userId;
  } catch (e) {
    showFailure($('message'), e);
    return;
  }
  await fillCampaigns(campaign);
  search(false);
}

start();
