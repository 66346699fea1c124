// "Thông báo" in Tasklist's header: a bell with the signed-in user's unread count and a panel listing
// their notifications (their unit's, their groups', their own), newest first, unread ones marked, each
// marked read on its own or all at once. Read from /api/notifications/mine (the same Camunda session).
// Loaded through config.js (customScripts); Tasklist plugin interface {id, pluginPoint, render(node)}.

const API = '/api/notifications';
const POLL_MS = 60000;
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/MM/yyyy HH:mm in Điện Biên, whatever the browser's zone. */
function dateTime(iso) {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
}

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

async function call(path, method) {
  const response = await fetch(path, {
    method: method || 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' },
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(data.message || 'lỗi ' + response.status);
  }
  return data;
}

function style() {
  if (document.getElementById('tdkt-notifications-style')) {
    return;
  }
  const css = el('style', { id: 'tdkt-notifications-style' });
  css.textContent = `
    #tdkt-notifications-bell { position: relative; background: none; border: 0; color: inherit; padding: 15px 26px 15px 12px; }
    #tdkt-notifications-bell .badge { position: absolute; top: 6px; right: 0; background: #b00020; color: #fff; font-size: 11px; }
    #tdkt-notifications-panel { position: fixed; top: 70px; right: 12px; width: 440px; max-height: 75vh; overflow-y: auto;
      background: #fff; color: #333; border: 1px solid #ccc; box-shadow: 0 6px 18px rgba(0,0,0,.2); z-index: 2000; border-radius: 4px; }
    #tdkt-notifications-panel header { display: flex; justify-content: space-between; align-items: center; padding: 10px 12px;
      border-bottom: 1px solid #eee; font-weight: 600; }
    #tdkt-notifications-panel ul { list-style: none; margin: 0; padding: 0; }
    #tdkt-notifications-panel li { padding: 10px 12px; border-bottom: 1px solid #f0f0f0; }
    #tdkt-notifications-panel li.unread { background: #eef5fc; border-left: 4px solid #1f5f99; }
    #tdkt-notifications-panel .subject { font-weight: 600; }
    #tdkt-notifications-panel li.unread .subject::before { content: '● '; color: #1f5f99; }
    #tdkt-notifications-panel .meta { color: #666; font-size: 12px; margin: 2px 0 4px; }
    #tdkt-notifications-panel .body { white-space: pre-line; font-size: 13px; }
    #tdkt-notifications-panel .actions a, #tdkt-notifications-panel .actions button { margin-right: 10px; font-size: 12px; }
    #tdkt-notifications-panel .status { padding: 10px 12px; color: #666; }`;
  document.head.appendChild(css);
}

function render(node) {
  style();
  const bell = el('button', {
    id: 'tdkt-notifications-bell', type: 'button', title: 'Thông báo', 'aria-label': 'Thông báo', 'aria-expanded': 'false',
  });
  bell.appendChild(el('span', { class: 'glyphicon glyphicon-bell', 'aria-hidden': 'true' }));
  bell.appendChild(document.createTextNode(' Thông báo'));
  const badge = el('span', { class: 'badge', id: 'tdkt-notifications-unread' });
  badge.style.display = 'none';
  bell.appendChild(badge);
  node.appendChild(bell);

  const panel = el('section', { id: 'tdkt-notifications-panel', role: 'dialog', 'aria-label': 'Thông báo của tôi' });
  panel.style.display = 'none';
  const header = el('header');
  header.appendChild(el('span', {}, 'Thông báo của tôi'));
  const readAll = el('button', { type: 'button', class: 'btn btn-link btn-xs', id: 'tdkt-notifications-read-all' },
    'Đánh dấu tất cả đã đọc');
  header.appendChild(readAll);
  const list = el('ul', { id: 'tdkt-notifications-list' });
  const status = el('p', { class: 'status' });
  const more = el('button', { type: 'button', class: 'btn btn-default btn-xs' }, 'Xem thêm');
  more.style.margin = '8px 12px';
  more.style.display = 'none';
  panel.append(header, list, status, more);
  document.body.appendChild(panel);

  let page = 0;
  const showUnread = (count) => {
    badge.textContent = count > 99 ? '99+' : String(count);
    badge.style.display = count > 0 ? '' : 'none';
    bell.title = count > 0 ? 'Thông báo: ' + count + ' chưa đọc' : 'Thông báo: không có thông báo chưa đọc';
  };

  const item = (n) => {
    const li = el('li', { 'data-notification-id': String(n.id), class: n.read ? 'read' : 'unread' });
    li.appendChild(el('div', { class: 'subject' }, n.subject));
    li.appendChild(el('div', { class: 'meta' }, dateTime(n.createdAt) + (n.read ? ' · đã đọc' : ' · chưa đọc')));
    li.appendChild(el('div', { class: 'body' }, n.body));
    const actions = el('div', { class: 'actions' });
    if (n.taskId) {
      actions.appendChild(el('a', { href: '#/?task=' + encodeURIComponent(n.taskId) }, 'Mở việc'));
    }
    if (!n.read) {
      const mark = el('button', { type: 'button', class: 'btn btn-link btn-xs' }, 'Đánh dấu đã đọc');
      mark.addEventListener('click', async () => {
        try {
          const data = await call(API + '/' + encodeURIComponent(n.id) + '/read', 'POST');
          li.className = 'read';
          li.querySelector('.meta').textContent = dateTime(n.createdAt) + ' · đã đọc';
          mark.remove();
          showUnread(data.unread);
        } catch (e) {
          status.textContent = 'Không đánh dấu được: ' + e.message;
        }
      });
      actions.appendChild(mark);
    }
    li.appendChild(actions);
    return li;
  };

  const load = async (reset) => {
    if (reset) {
      page = 0;
      list.textContent = '';
    }
    try {
      const data = await call(API + '/mine?size=20&page=' + page);
      showUnread(data.unread);
      if (panel.style.display !== 'none' || reset) {
        data.items.forEach((n) => list.appendChild(item(n)));
        status.textContent = data.total === 0 ? 'Chưa có thông báo nào.' : '';
        more.style.display = (page + 1) * data.size < data.total ? '' : 'none';
      }
    } catch (e) {
      status.textContent = 'Không đọc được thông báo (' + e.message + ').';
    }
  };

  bell.addEventListener('click', () => {
    const open = panel.style.display === 'none';
    panel.style.display = open ? '' : 'none';
    bell.setAttribute('aria-expanded', String(open));
    if (open) {
      load(true);
    }
  });
  more.addEventListener('click', () => {
    page += 1;
    load(false);
  });
  readAll.addEventListener('click', async () => {
    try {
      await call(API + '/read-all', 'POST');
      load(true);
    } catch (e) {
      status.textContent = 'Không đánh dấu được: ' + e.message;
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel.style.display !== 'none') {
      panel.style.display = 'none';
      bell.setAttribute('aria-expanded', 'false');
    }
  });

  // The count alone, refreshed while Tasklist is open.
  const refresh = () => call(API + '/mine?size=1').then((data) => showUnread(data.unread), () => {});
  refresh();
  setInterval(refresh, POLL_MS);
}

export default [
  {
    id: 'tdkt-notifications',
    pluginPoint: 'tasklist.navbar.action',
    priority: 100,
    render,
  },
];
