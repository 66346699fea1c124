// Cockpit links to the application's page "Chuyển phiên bản quy trình" (/migration/): Cockpit's own
// migration screen is in the Enterprise edition only. Administrators see process versions in Cockpit,
// so the link sits in its menu and on each process definition (opening that process on the page).
// Loaded through config.js (customScripts); Cockpit 7.14+ plugin interface.

const PAGE = '/migration/';

function link(href, text, attrs) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  Object.entries(attrs || {}).forEach(([key, value]) => a.setAttribute(key, value));
  return a;
}

/** "launch-plan:2:8f3e…" → "launch-plan". */
function keyOf(processDefinitionId) {
  return String(processDefinitionId || '').split(':')[0];
}

export default [
  {
    id: 'tdkt-migration-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 4,
    properties: { label: 'Chuyển phiên bản' },
    checkActive: () => false,
    render: (node) => {
      node.appendChild(link(PAGE, 'Chuyển phiên bản', {
        id: 'tdkt-migration-nav', title: 'Chuyển hồ sơ đang chạy sang phiên bản mới nhất của quy trình (quản trị hệ thống)',
      }));
    },
  },
  {
    id: 'tdkt-migration-definition-tab',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: -1,
    properties: { label: 'Chuyển phiên bản' },
    render: (node, { processDefinitionId }) => {
      const box = document.createElement('div');
      box.style.padding = '10px 0';
      const intro = document.createElement('p');
      intro.textContent = 'Chuyển các hồ sơ đang chạy ở phiên bản cũ của quy trình này sang phiên bản mới nhất: '
        + 'xem các bước đã và chưa ánh xạ, kiểm tra thử, chọn hồ sơ và chuyển; mỗi lần chuyển được ghi vào lịch sử '
        + 'và vào diễn biến của từng hồ sơ. Dành cho quản trị hệ thống.';
      box.append(intro, link(PAGE + '?key=' + encodeURIComponent(keyOf(processDefinitionId)), 'Mở trang chuyển phiên bản',
        { id: 'tdkt-migration-open', class: 'btn btn-primary' }));
      node.appendChild(box);
    },
  },
];
