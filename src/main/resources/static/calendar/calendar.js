(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };

  function say(text, warn) {
    $('message').textContent = text || '';
    $('message').className = warn ? 'warn' : 'ok';
  }

  function call(method, path, body) {
    var options = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch('/api/calendar/' + path, options).then(function (response) {
      if (response.status === 204) { return null; }
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) { throw new Error(data.message || ('Lỗi ' + response.status)); }
        return data;
      });
    });
  }

  function year() { return String($('year').value).trim(); }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function show(data) {
    var status = $('status');
    if (data.entered) {
      status.textContent = 'Lịch năm ' + data.year + ' đã được xác nhận (' + data.confirmedBy + ').';
      status.className = 'ok';
    } else {
      status.textContent = 'Lịch năm ' + data.year + ' CHƯA được nhập và xác nhận: thời hạn rơi vào năm này '
        + 'đang chỉ trừ thứ Bảy, Chủ nhật và các ngày đã ghi.';
      status.className = 'warn';
    }
    var body = $('entries');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    data.entries.forEach(function (e) {
      var row = document.createElement('tr');
      var parts = e.date.split('-');
      cell(row, parts[2] + '/' + parts[1] + '/' + parts[0]);
      cell(row, e.dayOfWeek);
      cell(row, e.kindLabel);
      cell(row, e.name);
      var actions = cell(row, '');
      var edit = document.createElement('button');
      edit.type = 'button';
      edit.textContent = 'Chọn';
      edit.addEventListener('click', function () {
        $('date').value = e.date; $('kind').value = e.kind; $('name').value = e.name;
      });
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Xoá';
      remove.addEventListener('click', function () {
        if (!window.confirm('Xoá ngày ' + e.date + ' khỏi lịch?')) { return; }
        call('DELETE', encodeURIComponent(year()) + '/entries/' + encodeURIComponent(e.date))
          .then(function () { say('Đã xoá.'); load(); }, function (err) { say(err.message, true); });
      });
      actions.appendChild(edit);
      actions.appendChild(remove);
      body.appendChild(row);
    });
  }

  function load() {
    return call('GET', encodeURIComponent(year())).then(show, function (err) { say(err.message, true); });
  }

  function entry() {
    return { date: $('date').value, kind: $('kind').value, name: $('name').value };
  }

  $('load').addEventListener('click', function () { say(''); load(); });
  $('add').addEventListener('click', function () {
    call('POST', encodeURIComponent(year()) + '/entries', entry())
      .then(function () { say('Đã thêm.'); load(); }, function (err) { say(err.message, true); });
  });
  $('change').addEventListener('click', function () {
    var e = entry();
    call('PUT', encodeURIComponent(year()) + '/entries/' + encodeURIComponent(e.date), e)
      .then(function () { say('Đã sửa.'); load(); }, function (err) { say(err.message, true); });
  });
  $('confirm').addEventListener('click', function () {
    call('PUT', encodeURIComponent(year()) + '/confirmation')
      .then(function (data) { say('Đã xác nhận lịch năm ' + data.year + '.'); show(data); },
        function (err) { say(err.message, true); });
  });

  $('year').value = new Date().getFullYear();
  load();
}());
