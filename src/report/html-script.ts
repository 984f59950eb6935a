/**
 * The HTML report's one script. It shows the finding tables (sections with `data-table`) from the data that
 * html-data.ts writes, a page at a time, so that 25,000 findings make a page of rows and not 25,000 of them; it
 * filters them by text and by the first column (kind or severity) across every page; and "How to fix" opens the
 * rule's remediation. Every value goes in as a text node, never as markup. Breaks are allowed only at spaces and
 * after the separators of identifiers (`/ : . _ - = , ; @ & ? # |`, through `<wbr>`; but for `-`, not before
 * a digit), never inside a word.
 */
export function reportScript(data: string): string {
  return `${SCRIPT}(${data});\n`;
}

const SCRIPT = String.raw`
(function (data) {
  'use strict';
  var ENTRIES = data.strings;
  var resolved = [];
  function S(index) {
    var known = resolved[index];
    if (known !== undefined) return known;
    var entry = ENTRIES[index];
    var value = typeof entry === 'string' ? entry : entry.map(S).join('');
    resolved[index] = value;
    return value;
  }
  var BREAK_AFTER = /[\/:._\-=,;@&?#|\\]+/g;

  function text(parent, value) {
    var last = 0;
    var match;
    BREAK_AFTER.lastIndex = 0;
    while ((match = BREAK_AFTER.exec(value)) !== null) {
      var end = match.index + match[0].length;
      if (end >= value.length) break;
      // Not before a digit: an address (10.0.0.0), a version (1.2) or a port (:443) stays whole. After a hyphen
      // the browser may break anyway, so it always gets its <wbr>: every text node ends where a line may.
      if (/[0-9]/.test(value.charAt(end)) && value.charAt(end - 1) !== '-') continue;
      parent.appendChild(document.createTextNode(value.slice(last, end)));
      parent.appendChild(document.createElement('wbr'));
      last = end;
    }
    parent.appendChild(document.createTextNode(value.slice(last)));
    return parent;
  }
  function el(tag, className, value) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (value) text(node, value);
    return node;
  }
  function td(children, className) {
    var cell = el('td', className);
    children.forEach(function (child) {
      if (child) cell.appendChild(child);
    });
    return cell;
  }
  function sub(value) {
    return value ? el('div', 'sub', value) : null;
  }
  function code(value) {
    return value ? el('code', '', value) : null;
  }
  function badge(className, value, status) {
    var node = el('span', '');
    node.appendChild(el('span', 'badge ' + className, value));
    if (status !== undefined && S(status) === 'new') node.appendChild(el('span', 'badge new', 'new'));
    return node;
  }
  function changes(list) {
    if (list.length === 0) return null;
    var ul = el('ul', 'changes');
    list.forEach(function (change) {
      var li = el('li', '');
      li.appendChild(el('span', 'path', S(change[0])));
      li.appendChild(document.createTextNode(': '));
      li.appendChild(el('span', change[3] & 1 ? 'absent' : 'declared', S(change[1])));
      li.appendChild(el('span', 'arrow', ' -> '));
      li.appendChild(el('span', change[3] & 2 ? 'absent' : 'live', S(change[2])));
      ul.appendChild(li);
    });
    return ul;
  }
  function fixButton(rule) {
    var button = el('button', 'fix', 'How to fix');
    button.type = 'button';
    button.setAttribute('data-rule', S(rule));
    return button;
  }

  var RENDER = {
    drift: function (r) {
      return [
        td([badge('kind-' + S(r[0]), S(r[0]), r[6]), r[9] === undefined ? null : sub(S(r[9]))]),
        td([code(S(r[1]))]),
        td([code(S(r[2])), sub(S(r[3]) ? 'account ' + S(r[3]) : '')]),
        td([code(S(r[4])), sub(S(r[5]))], 'loc'),
        td([changes(r[7]), r[8] === undefined ? null : sub(S(r[8]))]),
      ];
    },
    violations: function (r) {
      return [
        td([badge('sev-' + S(r[0]), S(r[0]), r[8]), r[10] === undefined ? null : sub(S(r[10]))]),
        td([code(S(r[1])), sub(S(r[2]))]),
        td([el('span', '', S(r[3]))]),
        td([code(S(r[4])), sub(S(r[5]))]),
        td([code(S(r[6]))]),
        td([el('span', '', S(r[7]))]),
        td([r[9] ? fixButton(r[1]) : null]),
      ];
    },
    waived: function (r) {
      return [
        td([badge('sev-' + S(r[0]), S(r[0]))]),
        td([code(S(r[1])), sub(S(r[2]))]),
        td([el('span', '', S(r[3]))]),
        td([code(S(r[4]))]),
        td([el('span', '', S(r[5])), sub(S(r[6]))]),
        td([el('span', '', S(r[7]))]),
      ];
    },
  };

  // Columns that hold a flag, not a string: html-data.ts's FIX_COLUMN.
  var FLAG_COLUMN = { violations: 9 };

  function searchText(name) {
    return function (row) {
      var parts = [];
      row.forEach(function (cell, column) {
        if (column === FLAG_COLUMN[name]) return;
        if (typeof cell !== 'object') parts.push(S(cell));
        else cell.forEach(function (change) {
          parts.push(S(change[0]), S(change[1]), S(change[2]));
        });
      });
      return parts.join('\n').toLowerCase();
    };
  }

  function setUp(section) {
    var name = section.getAttribute('data-table');
    var rows = data[name];
    var render = RENDER[name];
    var columns = section.querySelectorAll('thead th').length;
    var tbody = section.querySelector('tbody');
    var input = section.querySelector('input[type=search]');
    var facet = section.querySelector('select.facet');
    var count = section.querySelector('.count');
    var size = section.querySelector('select.page-size');
    var prev = section.querySelector('button.prev');
    var next = section.querySelector('button.next');
    var pageOf = section.querySelector('.page-of');
    var haystack = null;
    var matches = [];
    var page = 0;

    function apply() {
      var query = input.value.trim().toLowerCase();
      var wanted = facet ? facet.value : '';
      if (query && !haystack) haystack = rows.map(searchText(name));
      matches = [];
      for (var i = 0; i < rows.length; i++) {
        if (wanted && S(rows[i][0]) !== wanted) continue;
        if (query && haystack[i].indexOf(query) === -1) continue;
        matches.push(i);
      }
      page = 0;
      draw();
    }
    function draw() {
      var perPage = Number(size.value);
      var pages = Math.max(1, Math.ceil(matches.length / perPage));
      page = Math.min(page, pages - 1);
      var first = page * perPage;
      var shown = matches.slice(first, first + perPage);
      var fragment = document.createDocumentFragment();
      shown.forEach(function (index) {
        var row = rows[index];
        var tr = document.createElement('tr');
        tr.setAttribute('data-facet', S(row[0]));
        render(row).forEach(function (cell) {
          tr.appendChild(cell);
        });
        fragment.appendChild(tr);
      });
      if (shown.length === 0) {
        var none = el('tr', 'no-match');
        var cell = el('td', 'none', 'No rows match the filter.');
        cell.colSpan = columns;
        none.appendChild(cell);
        fragment.appendChild(none);
      }
      tbody.textContent = '';
      tbody.appendChild(fragment);
      count.textContent = matches.length + ' of ' + rows.length + ' shown';
      pageOf.textContent = matches.length === 0 ? 'Page 1 of 1' :
        'Page ' + (page + 1) + ' of ' + pages + ' (rows ' + (first + 1) + '-' + (first + shown.length) + ')';
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }
    function turn(by) {
      return function () {
        page += by;
        draw();
        section.scrollIntoView({ block: 'start' });
      };
    }
    // A table that fits on the smallest page needs no pager.
    section.querySelector('.pager').hidden = rows.length <= Number(size.options[0].value);
    input.addEventListener('input', apply);
    if (facet) facet.addEventListener('change', apply);
    size.addEventListener('change', draw);
    prev.addEventListener('click', turn(-1));
    next.addEventListener('click', turn(1));
    tbody.addEventListener('click', function (event) {
      var button = event.target.closest('button.fix');
      if (!button) return;
      var fix = document.getElementById('fix-' + button.getAttribute('data-rule'));
      if (!fix) return;
      fix.open = true;
      fix.scrollIntoView({ block: 'start' });
    });
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll('section[data-table]'), setUp);
})`;
