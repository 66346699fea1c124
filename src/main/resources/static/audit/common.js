// Shared pieces of the audit pages (Tra cứu, kiểm tra hồ sơ): calls to /api with the Camunda
// webapps' session, building elements without innerHTML (every value a user typed is text),
// and dates in the province's time zone.

export const ZONE = 'Asia/Ho_Chi_Minh';
export const LOGIN_URL = '/camunda/app/cockpit/';

/** A refusal or failure of /api, with the Vietnamese message the server gave. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Reads JSON from /api (GET), or sends JSON (POST). Same-origin: the browser adds Origin, which /api checks. */
export async function api(path, options = {}) {
  // text/html (least preferred) tells /api that a browser calls: a 401 then carries no Basic challenge,
  // so the browser shows no password prompt and the page can offer its own sign-in link.
  const init = { method: options.method || 'GET', credentials: 'same-origin',
    headers: { Accept: 'application/json, text/html;q=0.1' } };
  if (options.body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (response.status === 204) {
    return null;
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, data.message || messageFor(response.status));
  }
  return data;
}

function messageFor(status) {
  if (status === 401) { return 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.'; }
  if (status === 403) { return 'Bạn không có quyền xem nội dung này.'; }
  if (status === 404) { return 'Không tìm thấy hồ sơ.'; }
  return 'Máy chủ không trả lời được yêu cầu (lỗi ' + status + '). Vui lòng thử lại sau.';
}

/** The signed-in reader: {userId, fullName, canComment}. */
export function me() {
  return api('/api/audit/me');
}

/**
 * Creates an element. {@code attrs}: properties such as id, className, href, type, or
 * data-* / aria-* attributes; children: elements or strings (always inserted as text).
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (key.startsWith('data-') || key.startsWith('aria-') || key === 'for' || key === 'role' || key === 'scope') {
      node.setAttribute(key, value === true ? '' : String(value));
    } else {
      node[key] = value;
    }
  });
  append(node, children);
  return node;
}

function append(node, children) {
  children.flat().forEach((child) => {
    if (child === undefined || child === null || child === false) {
      return;
    }
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  });
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
  return node;
}

/** Only links into this application (a path), never a javascript: or another site's address. */
export function safeLink(link) {
  return typeof link === 'string' && /^\/(?!\/)/.test(link) ? link : null;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** An instant (ISO text) as dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh; empty when absent. */
export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  const p = Object.fromEntries(PARTS.formatToParts(date).map((part) => [part.type, part.value]));
  return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
}

/** Shows a message in the page's status line (role=status), red when it is a problem. */
export function say(node, text, problem) {
  node.textContent = text || '';
  node.className = text ? (problem ? 'message problem' : 'message ok') : 'message';
}

/** A refusal shown to a person: with a sign-in link when the session is gone. */
export function showFailure(node, error) {
  clear(node);
  node.className = 'message problem';
  node.appendChild(document.createTextNode(error.message));
  if (error.status === 401) {
    node.appendChild(document.createTextNode(' '));
    node.appendChild(el('a', { href: LOGIN_URL, id: 'login-link' }, 'Đăng nhập Cockpit'));
  }
}

/** The kinds of case, as the search offers them (the labels of the server's CaseLabels). */
export const KINDS = [
  ['LAUNCH_PLAN', 'Kế hoạch phát động'],
  ['DOSSIER', 'Hồ sơ khen thưởng'],
  ['COUNCIL_SESSION', 'Phiên họp Hội đồng'],
  ['EVALUATION', 'Đánh giá, bình xét'],
  ['REVIEW', 'Sơ kết, tổng kết'],
  ['REVOCATION', 'Thu hồi, hủy bỏ khen thưởng'],
];

/** Statuses each kind of case may have (the code is what the search sends; labels as CaseLabels). */
export const STATUSES = {
  LAUNCH_PLAN: [
    ['NOT_SENT', 'Chưa gửi'], ['SENT', 'Đã gửi, chờ thẩm định'], ['RETURNED', 'Bị trả lại để chỉnh sửa'],
    ['ACCEPTED', 'Đã tiếp nhận'],
  ],
  DOSSIER: [
    ['AWAITING_HEAD', 'Chờ thủ trưởng xác nhận'], ['UNDER_APPRAISAL', 'Đang thẩm định'],
    ['RETURNED', 'Trả lại bổ sung'], ['ACCEPTED', 'Đủ điều kiện, chờ Hội đồng xét'],
    ['NOT_ELIGIBLE', 'Không đủ điều kiện'], ['WITHDRAWN', 'Đơn vị rút hồ sơ'], ['AWARDED', 'Được khen thưởng'],
    ['NOT_AWARDED', 'Không được khen thưởng'],
  ],
  COUNCIL_SESSION: [
    ['VOTING', 'Đang biểu quyết'], ['TALLIED', 'Đã tổng hợp kết quả biểu quyết'],
    ['SUBMITTED', 'Đã trình Chủ tịch UBND tỉnh'], ['RETURNED_BY_CHAIRMAN', 'Chủ tịch UBND tỉnh trả lại'],
    ['DECIDED', 'Đã có quyết định khen thưởng'], ['ADJOURNED', 'Hoãn (không đủ số thành viên)'],
  ],
  EVALUATION: [['OPEN', 'Đang đánh giá, bình xét'], ['CLOSED', 'Đã kết thúc']],
  REVIEW: [['DRAFT', 'Dự thảo'], ['SUBMITTED', 'Đã trình phê duyệt'], ['APPROVED', 'Đã phê duyệt']],
  REVOCATION: [
    ['REQUESTED', 'Chờ lãnh đạo Ban TĐKT kiểm tra'], ['FORWARDED', 'Đã trình Chủ tịch UBND tỉnh'],
    ['STOPPED', 'Lãnh đạo Ban TĐKT dừng đề nghị'], ['REJECTED', 'Chủ tịch UBND tỉnh không đồng ý thu hồi, hủy bỏ'],
    ['APPROVED', 'Đã quyết định thu hồi, hủy bỏ khen thưởng'],
  ],
};

/** Who wrote a timeline entry, in words. */
export const SOURCES = {
  ENGINE: 'Hệ thống quy trình',
  RECORD: 'Hồ sơ nghiệp vụ',
  COMMENT: 'Ý kiến giám sát',
};

/** How an entry stands against the seal, for the entries that are flagged. */
export const INTEGRITY = {
  CHANGED: 'Đã bị sửa',
  REMOVED: 'Đã bị xóa',
  UNSEALED: 'Chưa niêm phong',
};

/** The status in words: the server's label, or ours when the server gave the bare code. */
export function statusText(kind, status, label) {
  if (label && label !== status) {
    return label;
  }
  const known = (STATUSES[kind] || []).find(([code]) => code === status);
  return known ? known[1] : (label || status || '');
}
