// Trang chuyển phiên bản quy trình: reads and writes /api/process-migrations with the webapps' session.
// Every text from the server is put in with textContent (never as HTML).
(function () {
  'use strict';
  var API = '/api/process-migrations';
  var $ = function (id) { return document.getElementById(id); };
  var state = { key: null, process: null, fromVersion: null, mappings: [], plan: null, cases: [] };
  var PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  function when(iso) {
    if (!iso) { return ''; }
    var p = {};
    PARTS.formatToParts(new Date(iso)).forEach(function (part) { p[part.type] = part.value; });
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
  }

  function say(text, warn) {
    $('message').textContent = text || '';
    $('message').className = warn ? 'warn' : 'ok';
  }

  function call(method, path, body) {
    var options = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(API + path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.message || ('Lỗi ' + response.status));
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function cell(row, content) {
    var td = document.createElement('td');
    if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content == null ? '' : String(content); }
    row.appendChild(td);
    return td;
  }

  function button(text, onClick, attrs) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', onClick);
    Object.keys(attrs || {}).forEach(function (k) { b.setAttribute(k, attrs[k]); });
    return b;
  }

  function key(path) { return '/processes/' + encodeURIComponent(state.key) + path; }

  // ---------------------------------------------------------------- processes

  function loadProcesses() {
    return call('GET', '/processes').then(function (processes) {
      var body = $('processes');
      clear(body);
      processes.forEach(function (p) {
        var row = document.createElement('tr');
        row.setAttribute('data-key', p.processKey);
        if (p.casesOnOlderVersions > 0) { row.className = 'has-cases'; }
        cell(row, p.name);
        cell(row, p.processKey);
        cell(row, p.latestVersion);
        cell(row, p.casesOnOlderVersions > 0 ? p.casesOnOlderVersions : 'Không có');
        cell(row, p.casesOnOlderVersions > 0
          ? button('Xem kế hoạch chuyển', function () { openProcess(p.processKey); }, { 'data-open': p.processKey })
          : '');
        body.appendChild(row);
      });
    }, function (error) {
      $('process-section').hidden = true;
      if (error.status === 403) {
        say('Chuyển phiên bản dành cho quản trị hệ thống; bạn chỉ xem được lịch sử chuyển phiên bản.', false);
      } else {
        say(error.message, true);
      }
    });
  }

  function openProcess(processKey) {
    state.key = processKey;
    state.mappings = [];
    return call('GET', key('')).then(function (p) {
      state.process = p;
      $('plan-section').hidden = false;
      $('plan-title').textContent = p.name + ' (' + p.processKey + ')';
      $('to-version').textContent = String(p.latestVersion);
      var versions = $('versions');
      clear(versions);
      var select = $('from-version');
      clear(select);
      p.versions.forEach(function (v) {
        var row = document.createElement('tr');
        cell(row, v.version + (v.latest ? ' (mới nhất)' : ''));
        cell(row, when(v.deployedAt));
        cell(row, v.runningCases);
        versions.appendChild(row);
        if (!v.latest && v.runningCases > 0) {
          var option = document.createElement('option');
          option.value = String(v.version);
          option.textContent = 'Phiên bản ' + v.version + ' (' + v.runningCases + ' hồ sơ)';
          select.appendChild(option);
        }
      });
      if (!select.options.length) {
        say('Không còn hồ sơ nào ở phiên bản cũ của quy trình này.', false);
        return null;
      }
      state.fromVersion = Number(select.value);
      return Promise.all([loadPlan(), loadCases()]);
    }).catch(function (error) { say(error.message, true); });
  }

  // ---------------------------------------------------------------- plan

  function request(extra) {
    var body = { fromVersion: state.fromVersion, mappings: state.mappings };
    Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
    return body;
  }

  function loadPlan() {
    return call('POST', key('/plan'), request()).then(showPlan, function (error) { say(error.message, true); });
  }

  function showPlan(plan) {
    state.plan = plan;
    var mapped = $('mapped');
    clear(mapped);
    plan.mapped.forEach(function (m) {
      var row = document.createElement('tr');
      row.setAttribute('data-source', m.sourceActivityId);
      cell(row, m.sourceName + ' [' + m.sourceActivityId + ']');
      cell(row, m.targetName + ' [' + m.targetActivityId + ']');
      cell(row, m.explicit ? 'Do quản trị chỉ định' : 'Cùng mã bước');
      cell(row, m.explicit ? button('Bỏ ánh xạ', function () {
        state.mappings = state.mappings.filter(function (x) { return x.from !== m.sourceActivityId; });
        loadPlan();
      }) : '');
      mapped.appendChild(row);
    });
    var unmapped = $('unmapped');
    clear(unmapped);
    plan.unmapped.forEach(function (u) {
      var row = document.createElement('tr');
      row.setAttribute('data-source', u.activityId);
      if (u.cases > 0) { row.className = 'has-cases'; }
      cell(row, u.name + ' [' + u.activityId + ']');
      cell(row, u.cases);
      var select = document.createElement('select');
      select.setAttribute('aria-label', 'Bước của phiên bản mới cho ' + u.name);
      plan.targetSteps.forEach(function (s) {
        var option = document.createElement('option');
        option.value = s.activityId;
        option.textContent = s.name + ' [' + s.activityId + ']';
        select.appendChild(option);
      });
      cell(row, select);
      cell(row, button('Ánh xạ', function () {
        state.mappings.push({ from: u.activityId, to: select.value });
        loadPlan();
      }, { 'data-map': u.activityId }));
      unmapped.appendChild(row);
    });
    if (!plan.unmapped.length) {
      var row = document.createElement('tr');
      cell(row, 'Mọi bước hồ sơ có thể dừng đều đã được ánh xạ.').colSpan = 4;
      unmapped.appendChild(row);
    }
    var problems = $('plan-problems');
    clear(problems);
    plan.problems.forEach(function (line) {
      var li = document.createElement('li');
      li.textContent = line;
      problems.appendChild(li);
    });
    $('dry-run-result').textContent = '';
  }

  // ---------------------------------------------------------------- cases

  function loadCases() {
    return call('GET', key('/cases?version=' + encodeURIComponent(state.fromVersion))).then(function (cases) {
      state.cases = cases;
      var body = $('cases');
      clear(body);
      cases.forEach(function (c) {
        var row = document.createElement('tr');
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.className = 'case';
        box.value = c.caseId;
        box.setAttribute('aria-label', 'Chọn hồ sơ ' + (c.businessKey || c.caseId));
        box.addEventListener('change', function () { $('select-all').checked = false; counts(); });
        cell(row, box);
        cell(row, c.businessKey || c.caseId);
        cell(row, c.steps.join('; '));
        body.appendChild(row);
      });
      $('select-all').checked = false;
      counts();
    }, function (error) { say(error.message, true); });
  }

  function chosen() {
    return Array.prototype.slice.call(document.querySelectorAll('input.case:checked')).map(function (b) { return b.value; });
  }

  function counts() {
    var all = $('select-all').checked;
    $('case-count').textContent = all ? '(tất cả ' + state.cases.length + ' hồ sơ)'
      : '(đã chọn ' + chosen().length + '/' + state.cases.length + ' hồ sơ)';
  }

  // ---------------------------------------------------------------- dry run and migration

  function dryRun() {
    var all = $('select-all').checked;
    var ids = all ? [] : chosen();
    var result = $('dry-run-result');
    result.textContent = 'Đang kiểm tra thử…';
    result.className = '';
    return call('POST', key('/dry-run'), request({ caseIds: ids })).then(function (r) {
      clear(result);
      var head = document.createElement('p');
      head.className = r.valid ? 'ok' : 'warn';
      head.textContent = r.valid
        ? 'Kiểm tra thử đạt: ' + r.cases + ' hồ sơ chuyển được sang phiên bản ' + state.plan.toVersion
          + '. Chưa có gì được ghi.'
        : 'Kiểm tra thử không đạt (' + r.cases + ' hồ sơ). Chưa có gì được ghi:';
      result.appendChild(head);
      var list = document.createElement('ul');
      list.className = 'problems';
      r.problems.forEach(function (line) {
        var li = document.createElement('li');
        li.textContent = line;
        list.appendChild(li);
      });
      result.appendChild(list);
    }, function (error) { result.textContent = error.message; result.className = 'warn'; });
  }

  function migrate() {
    var all = $('select-all').checked;
    var ids = all ? [] : chosen();
    if (!all && !ids.length) {
      say('Chọn các hồ sơ cần chuyển, hoặc «Chọn tất cả hồ sơ của phiên bản này».', true);
      return;
    }
    var count = all ? state.cases.length : ids.length;
    if (!window.confirm('Chuyển ' + count + ' hồ sơ từ phiên bản ' + state.fromVersion + ' sang phiên bản '
        + state.plan.toVersion + '?')) {
      return;
    }
    $('migrate').disabled = true;
    call('POST', key('/migrations'), request(all ? { allCases: true } : { caseIds: ids })).then(function (m) {
      say('Đã chuyển ' + m.caseCount + ' hồ sơ sang phiên bản ' + m.toVersion + ' (' + when(m.migratedAt) + ').', false);
      $('dry-run-result').textContent = '';
      // The plan of the old version is spent: the lists tell what is left.
      $('plan-section').hidden = true;
      return Promise.all([loadProcesses(), loadHistory()]);
    }, function (error) { say(error.message, true); }).then(function () { $('migrate').disabled = false; });
  }

  // ---------------------------------------------------------------- history

  function loadHistory() {
    return call('GET', '/history').then(function (items) {
      var body = $('history');
      clear(body);
      items.forEach(function (m) {
        var row = document.createElement('tr');
        row.setAttribute('data-migration', String(m.id));
        cell(row, when(m.migratedAt));
        cell(row, m.migratedByName + ' (' + m.migratedBy + ')');
        cell(row, (m.processName || m.processKey) + ' [' + m.processKey + ']');
        cell(row, m.fromVersion + ' → ' + m.toVersion);
        cell(row, m.caseCount);
        var explicit = m.mappings.filter(function (x) { return x.explicit; })
          .map(function (x) { return x.sourceActivityId + ' → ' + x.targetActivityId; });
        cell(row, explicit.length ? explicit.join('; ') : 'Không (các bước cùng mã)');
        var details = document.createElement('details');
        var summary = document.createElement('summary');
        summary.textContent = m.cases.length + ' hồ sơ';
        details.appendChild(summary);
        m.cases.forEach(function (c) {
          var a = document.createElement('a');
          a.href = '/audit/case.html?id=' + encodeURIComponent(c.caseId);
          a.textContent = c.businessKey || c.caseId;
          var div = document.createElement('div');
          div.appendChild(a);
          details.appendChild(div);
        });
        cell(row, details);
        body.appendChild(row);
      });
      if (!items.length) {
        var row = document.createElement('tr');
        cell(row, 'Chưa có lần chuyển phiên bản nào.').colSpan = 7;
        body.appendChild(row);
      }
    }, function (error) { say(error.message, true); });
  }

  $('from-version').addEventListener('change', function () {
    state.fromVersion = Number($('from-version').value);
    state.mappings = [];
    loadPlan();
    loadCases();
  });
  $('select-all').addEventListener('change', function () {
    var all = $('select-all').checked;
    document.querySelectorAll('input.case').forEach(function (b) { b.checked = all; });
    counts();
  });
  $('dry-run').addEventListener('click', dryRun);
  $('migrate').addEventListener('click', migrate);

  loadProcesses().then(function () {
    var wanted = new URLSearchParams(window.location.search).get('key');
    if (wanted) { openProcess(wanted); }
  });
  loadHistory();
}());
