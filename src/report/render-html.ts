import type { DiffReport, RouteRef, SideSummary } from './diff-report.js';
import { escapeHtml as h, jsonForScript } from './escape.js';

/**
 * One self-contained HTML file: no network (a CSP forbids any fetch), the counts and tables rendered as
 * escaped HTML, and a route tree of every URL with a filter box, built by inline JS from data embedded as
 * `<script type="application/json">` (see jsonForScript for why `</script>` in a route name is harmless)
 * and inserted with textContent only, never as markup.
 */
export function renderHtml(report: DiffReport): string {
  const { counts, policy } = report;
  const title = `zfb-next diff: ${report.base.spec} → ${report.head.spec}`;
  const rows: Array<[string, keyof typeof counts | null, number]> = [
    ['URLs added', 'added', counts.added],
    ['URLs removed', 'removed', counts.removed],
    ['… of them allowed by --allow', 'removedAllowed', counts.removedAllowed],
    ['URLs unchanged', 'unchanged', counts.unchanged],
    ['routes with a moved source file', 'fileChanged', counts.fileChanged],
    ['routes with a changed fallback (unmatched URLs)', 'unmatchedChanged', counts.unmatchedChanged],
    ['routes with a changed params provider', 'providerChanged', counts.providerChanged],
    ['pages with changed text', 'textChanged', counts.textChanged],
  ];
  const verdict = policy.failed
    ? `${policy.failures} finding${policy.failures === 1 ? ' fails' : 's fail'} --fail-on ${policy.failOn}`
    : `nothing fails --fail-on ${policy.failOn}`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="zfb-next diff">
<link rel="icon" href="data:,">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>zfb-next diff</h1>
<p class="sides"><strong>base</strong> ${side(report.base)} → <strong>head</strong> ${side(report.head)}</p>
<p class="verdict ${policy.failed ? 'fail' : 'ok'}" id="verdict">${h(verdict)}</p>
<table class="counts" id="counts"><tbody>
${rows.map(([label, key, n]) => `<tr><th scope="row">${h(label)}</th><td data-count="${key}">${n}</td></tr>`).join('\n')}
</tbody></table>
<h2>Route tree</h2>
<div class="controls">
<input id="filter" type="search" placeholder="Filter URLs, routes and files" aria-label="Filter URLs, routes and files" autocomplete="off">
<label><input id="changed-only" type="checkbox"> only added and removed</label>
</div>
<p id="tree-status" class="muted"></p>
<div id="tree" role="tree"></div>
${routeChanges(report)}
${textChanges(report)}
${diagnostics(report)}
<script type="application/json" id="diff-data">${jsonForScript(treeData(report))}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function side(s: SideSummary): string {
  return `<code>${h(s.spec)}</code> <span class="muted">(${h(s.kind)}, ${s.urls} URLs)</span>`;
}

function routeChanges(report: DiffReport): string {
  if (report.routeChanges.length === 0) return '';
  const body = report.routeChanges
    .map((c) => {
      const what: string[] = [];
      if (c.changes.includes('file')) what.push(`source file <code>${h(c.base.file)}</code> → <code>${h(c.head.file)}</code>`);
      if (c.changes.includes('unmatched')) what.push(`unmatched URLs ${h(String(c.base.unmatched))} → ${h(String(c.head.unmatched))}`);
      if (c.changes.includes('provider')) {
        what.push(`provider ${h(c.base.providers?.join(' + ') || '(none)')} → ${h(c.head.providers?.join(' + ') || '(none)')}`);
      }
      const route = c.base.pattern === c.head.pattern ? h(c.base.pattern) : `${h(c.base.pattern)} → ${h(c.head.pattern)}`;
      return `<tr><td>${route}</td><td>${what.join('<br>')}</td><td>${c.urls}</td></tr>`;
    })
    .join('\n');
  return `<h2>Changed routes</h2>\n<table class="list"><thead><tr><th>route</th><th>what changed</th><th>URLs</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function textChanges(report: DiffReport): string {
  if (report.textChanges.length === 0) return '';
  const body = report.textChanges
    .map((t) => `<tr><td>${h(t.url)}</td><td class="del">${h(t.base.excerpt)}</td><td class="ins">${h(t.head.excerpt)}</td></tr>`)
    .join('\n');
  return `<h2>Pages with changed text</h2>\n<table class="list"><thead><tr><th>URL</th><th>base</th><th>head</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function diagnostics(report: DiffReport): string {
  const all = [
    ...report.base.diagnostics.map((d) => ({ side: 'base', ...d })),
    ...report.head.diagnostics.map((d) => ({ side: 'head', ...d })),
  ];
  if (all.length === 0) return '';
  const body = all
    .map((d) => `<tr><td>${d.side}</td><td>${h(d.severity)}</td><td>${h(d.code)}</td><td>${h(d.file ?? '')}</td><td>${h(d.message)}</td></tr>`)
    .join('\n');
  return `<h2>Diagnostics</h2>\n<table class="list"><thead><tr><th>side</th><th>severity</th><th>code</th><th>file</th><th>message</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Compact: routes once, URLs as [url, status, route index]; status a(dded) r(emoved) u(nchanged). */
function treeData(report: DiffReport): { routes: Array<[string, string]>; urls: Array<[string, string, number]> } {
  const routes: Array<[string, string]> = [];
  const index = new Map<RouteRef, number>();
  const routeIndex = (ref: RouteRef): number => {
    let i = index.get(ref);
    if (i === undefined) {
      i = routes.push([ref.pattern, ref.file]) - 1;
      index.set(ref, i);
    }
    return i;
  };
  const urls: Array<[string, string, number]> = [];
  for (const a of report.added) urls.push([a.url, 'a', routeIndex(a.head)]);
  for (const r of report.removed) urls.push([r.url, 'r', routeIndex(r.base)]);
  for (const u of report.unchanged) urls.push([u.url, 'u', routeIndex(u.head)]);
  return { routes, urls };
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2328;max-width:1100px}
h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:24px 0 8px}
code{font:12px ui-monospace,monospace;background:#f6f8fa;padding:1px 4px;border-radius:4px}
.muted{color:#656d76}.verdict{font-weight:600;padding:6px 10px;border-radius:6px;display:inline-block}
.verdict.ok{background:#dafbe1;color:#116329}.verdict.fail{background:#ffebe9;color:#a40e26}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
.counts td{text-align:right;font-variant-numeric:tabular-nums;min-width:4em}
.controls{display:flex;gap:16px;align-items:center}#filter{width:28em;padding:4px 6px;font:inherit}
#tree{font:13px ui-monospace,monospace;border:1px solid #d0d7de;border-radius:6px;padding:6px 0;margin-top:6px}
.row{display:flex;gap:8px;align-items:baseline;padding:1px 8px;white-space:nowrap}
.row:hover{background:#f6f8fa}.toggle{width:1.2em;border:0;background:none;cursor:pointer;padding:0;font:inherit}
.spacer{width:1.2em;display:inline-block}.name{font-weight:600}.detail{color:#656d76;overflow:hidden;text-overflow:ellipsis}
.badge{font-size:11px;border-radius:8px;padding:0 6px}.badge.a{background:#dafbe1;color:#116329}.badge.r{background:#ffebe9;color:#a40e26}
.row.a .name{color:#116329}.row.r .name{color:#a40e26;text-decoration:line-through}
.row.context{opacity:.55}.del{background:#fff5f5}.ins{background:#f0fff4}
`;

const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('diff-data').textContent);
  var MAX_ROWS = 2000;
  var STATUS = { a: 'added', r: 'removed', u: 'unchanged' };
  var collator = new Intl.Collator('en', { numeric: true });
  function makeNode(name, path) { return { name: name, path: path, children: new Map(), leaf: null, a: 0, r: 0, total: 0 }; }
  var root = makeNode('/', '/');
  data.urls.forEach(function (row) {
    var node = root;
    var parts = row[0].split('/').filter(function (p) { return p !== ''; });
    var chain = [root];
    parts.forEach(function (part) {
      var child = node.children.get(part);
      if (!child) { child = makeNode(part, node.path === '/' ? '/' + part : node.path + '/' + part); node.children.set(part, child); }
      node = child;
      chain.push(node);
    });
    node.leaf = { url: row[0], status: row[1], route: data.routes[row[2]] };
    chain.forEach(function (n) { n.total++; if (row[1] === 'a') n.a++; if (row[1] === 'r') n.r++; });
  });
  function sortedChildren(node) {
    return Array.from(node.children.values()).sort(function (x, y) { return collator.compare(x.name, y.name) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0); });
  }
  var expanded = new Set(['/']);
  (function openChanged(node) {
    node.children.forEach(function (child) { if (child.a + child.r > 0 && child.children.size > 0) { expanded.add(child.path); openChanged(child); } });
  })(root);

  var tree = document.getElementById('tree');
  var status = document.getElementById('tree-status');
  var filter = document.getElementById('filter');
  var changedOnly = document.getElementById('changed-only');

  function matches(leaf, query, onlyChanged) {
    if (onlyChanged && leaf.status === 'u') return false;
    if (!query) return true;
    return (leaf.url + ' ' + leaf.route[0] + ' ' + leaf.route[1]).toLowerCase().indexOf(query) !== -1;
  }
  function markVisible(node, query, onlyChanged, visible) {
    var any = node.leaf !== null && matches(node.leaf, query, onlyChanged);
    node.children.forEach(function (child) { if (markVisible(child, query, onlyChanged, visible)) any = true; });
    if (any) visible.add(node);
    return any;
  }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function render() {
    var query = filter.value.trim().toLowerCase();
    var onlyChanged = changedOnly.checked;
    var filtering = query !== '' || onlyChanged;
    var visible = null;
    if (filtering) { visible = new Set(); markVisible(root, query, onlyChanged, visible); }
    var fragment = document.createDocumentFragment();
    var shown = 0, hidden = 0, matched = 0;
    function walk(node, depth) {
      if (visible && !visible.has(node)) return;
      var leafShown = node.leaf && (!filtering || matches(node.leaf, query, onlyChanged));
      if (leafShown) matched++;
      if (shown >= MAX_ROWS) { hidden++; } else {
        // A row shown only because something below it matches is dimmed as context.
        var row = el('div', 'row' + (node.leaf ? ' ' + node.leaf.status : '') + (filtering && !leafShown ? ' context' : ''));
        row.setAttribute('role', 'treeitem');
        row.style.paddingLeft = (8 + depth * 16) + 'px';
        var open = filtering || expanded.has(node.path);
        if (node.children.size > 0) {
          var toggle = el('button', 'toggle', open ? '\\u25BE' : '\\u25B8');
          toggle.type = 'button';
          toggle.setAttribute('aria-label', (open ? 'collapse ' : 'expand ') + node.path);
          toggle.addEventListener('click', function () {
            if (expanded.has(node.path)) expanded.delete(node.path); else expanded.add(node.path);
            render();
          });
          row.appendChild(toggle);
          row.setAttribute('aria-expanded', String(open));
        } else {
          row.appendChild(el('span', 'spacer'));
        }
        row.appendChild(el('span', 'name', node.name));
        if (node.leaf) {
          row.dataset.url = node.leaf.url;
          row.dataset.status = STATUS[node.leaf.status];
          if (node.leaf.status !== 'u') row.appendChild(el('span', 'badge ' + node.leaf.status, STATUS[node.leaf.status]));
          row.appendChild(el('span', 'detail', node.leaf.route[0] + (node.leaf.route[1] ? '  ' + node.leaf.route[1] : '')));
        }
        if (node.children.size > 0) {
          if (node.a > 0) row.appendChild(el('span', 'badge a', '+' + node.a));
          if (node.r > 0) row.appendChild(el('span', 'badge r', '\\u2212' + node.r));
          row.appendChild(el('span', 'detail', node.total + ' URL' + (node.total === 1 ? '' : 's')));
        }
        fragment.appendChild(row);
        shown++;
      }
      if (filtering || expanded.has(node.path)) sortedChildren(node).forEach(function (child) { walk(child, depth + 1); });
    }
    walk(root, 0);
    tree.replaceChildren(fragment);
    var text = filtering ? matched + ' of ' + data.urls.length + ' URLs match' : data.urls.length + ' URLs';
    if (hidden > 0) text += '; ' + hidden + ' more rows not shown, narrow the filter';
    status.textContent = text;
  }
  var timer = 0;
  filter.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(render, 80); });
  changedOnly.addEventListener('change', render);
  render();
})();
`;
