// Camunda Forms (form-js 1.8) in Tasklist write their validation messages in English only.
// This script, loaded through config.js customScripts, rewrites them into Vietnamese as they
// appear, so that officials read e.g. "Trường này là bắt buộc." under an empty required field.
const RULES = [
  [/^Field is required\.$/, () => 'Trường này là bắt buộc.'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Phải có ít nhất ${m[1]} ký tự.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Không được dài quá ${m[1]} ký tự.`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Giá trị nhỏ nhất là ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Giá trị lớn nhất là ${m[1]}.`],
  [/^Field must match pattern .+\.$/, () => 'Giá trị chưa đúng định dạng yêu cầu.'],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must be a valid\s+international phone number\..*$/, () => 'Số điện thoại không hợp lệ (ví dụ: +84215382xxxx).'],
  [/^Select$/, () => 'Chọn'],
  [/^Search$/, () => 'Tìm kiếm'],
];

function translate(node) {
  const text = node.nodeValue && node.nodeValue.trim();
  if (!text) {
    return;
  }
  for (const [pattern, replacement] of RULES) {
    const match = text.match(pattern);
    if (match) {
      node.nodeValue = replacement(match);
      return;
    }
  }
}

// The engine's refusals reach Tasklist as "Cannot submit task form <id>: <our Vietnamese message>":
// keep only our message.
const ENGINE_PREFIX = /^(Cannot submit task form|Cannot complete task|Cannot instantiate process definition) [^:]*: /;

function stripEnginePrefix(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (node.nodeValue && ENGINE_PREFIX.test(node.nodeValue.trim())) {
      node.nodeValue = node.nodeValue.trim().replace(ENGINE_PREFIX, '');
    }
  }
}

function translateWithin(root) {
  if (!root.closest && root.parentElement) {
    root = root.parentElement;
  }
  if (!root || !root.querySelectorAll) {
    return;
  }
  if (root.closest('.notifications, .alert') || root.querySelector('.notifications, .alert')) {
    stripEnginePrefix(root);
  }
  const inForm = root.closest('.fjs-container') || root.querySelector('.fjs-container');
  if (!inForm) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    translate(node);
  }
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      translateWithin(mutation.target.parentElement || mutation.target);
    }
    mutation.addedNodes.forEach((added) => translateWithin(added.nodeType === 3 ? added.parentElement : added));
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true });

export default [];
