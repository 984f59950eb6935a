import { SEVERITIES } from '../model/severity.js';
import { KIND_COLOURS, MANAGED_COLOUR, SEVERITY_COLOURS } from './html-charts.js';

/**
 * The HTML report's style sheet. Every colour that differs between light and dark is a custom property, and a
 * `prefers-color-scheme: dark` block redefines them, so the report follows the system (with `color-scheme` set,
 * the form controls and scroll bars follow too). Text wraps only at spaces and at the break opportunities the
 * script puts after identifiers' separators: `overflow-wrap` and `word-break` are left normal, so no word is ever
 * cut, and a cell whose word is wider than its column scrolls sideways instead.
 */
const colourVars = [
  ...SEVERITIES.map((s) => `--${s}:${SEVERITY_COLOURS[s]}`),
  ...Object.entries(KIND_COLOURS).map(([k, c]) => `--${k}:${c}`),
  `--managed:${MANAGED_COLOUR}`,
].join(';');

const LIGHT =
  '--bg:#f3f4f6;--card:#fff;--text:#111827;--muted:#6b7280;--soft:#374151;--border:#e5e7eb;--rule:#f0f1f3;' +
  '--head:#f9fafb;--stripe:#fcfcfd;--hover:#f5f8ff;--field:#fff;--field-border:#d1d5db;--path:#1f2937;' +
  '--declared:#991b1b;--declared-bg:#fef2f2;--live:#166534;--live-bg:#f0fdf4;--banner:#fef2f2;' +
  '--banner-border:#fecaca;--banner-text:#7f1d1d;--mast:#111827;--code-bg:#f6f8fa';

const DARK =
  '--bg:#0d1117;--card:#161b22;--text:#e6edf3;--muted:#9ba3ad;--soft:#c9d1d9;--border:#30363d;--rule:#21262d;' +
  '--head:#1c2128;--stripe:#181d24;--hover:#1f2733;--field:#0d1117;--field-border:#3d444d;--path:#e6edf3;' +
  '--declared:#ffa198;--declared-bg:#3c1618;--live:#7ee787;--live-bg:#12261e;--banner:#2d1215;' +
  '--banner-border:#6e2a2f;--banner-text:#ffdcd7;--mast:#010409;--code-bg:#0d1117';

export const STYLE = `
:root{color-scheme:light dark;${colourVars};${LIGHT};--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
@media (prefers-color-scheme:dark){:root{${DARK}}}
*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0;background:var(--bg);color:var(--text);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:normal;word-break:normal;hyphens:manual}
.wrap,main{max-width:1320px;margin:0 auto;padding:0 32px}main{padding-top:24px;padding-bottom:32px}
code,.path,.declared,.live{font-family:var(--mono);font-size:12.5px}
.masthead{background:var(--mast);color:#f9fafb;padding:22px 0 20px}.brand{font-weight:700;letter-spacing:.04em;text-transform:uppercase;font-size:12px;color:#9ca3af}
.version{font-weight:500;text-transform:none;letter-spacing:0}.masthead h1{margin:4px 0 12px;font-size:24px;font-weight:650}
.verdict{display:flex;gap:8px;flex-wrap:wrap}.pill{display:inline-block;padding:4px 12px;border-radius:999px;font-weight:600;font-size:13px}
.pill-good{background:#dcfce7;color:#14532d}.pill-warn{background:#fef3c7;color:#78350f}.pill-bad{background:#fee2e2;color:#7f1d1d}.pill-neutral{background:#e5e7eb;color:#374151}
.meta{display:flex;gap:32px;flex-wrap:wrap;margin:16px 0 0}.meta dt{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:#9ca3af}.meta dd{margin:0;font-family:var(--mono);font-size:13px}
.banner{background:var(--banner);border:1px solid var(--banner-border);border-left:6px solid #b91c1c;border-radius:8px;padding:12px 18px;margin-bottom:20px;color:var(--banner-text)}
.banner h2{margin:0 0 4px;font-size:16px}.banner p{margin:0 0 6px}.banner ul{margin:0;padding-left:20px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(128px,1fr));gap:12px;margin-bottom:16px}h2.group{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 8px;font-weight:600}
.card{background:var(--card);border:1px solid var(--border);border-radius:8px;padding:12px 14px;border-top:4px solid #94a3b8}
.label{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}.value{font-size:26px;font-weight:700;line-height:1.2;margin-top:4px}
.accent-managed{border-top-color:var(--managed)}.accent-changed{border-top-color:var(--changed)}.accent-missing{border-top-color:var(--missing)}.accent-unmanaged{border-top-color:var(--unmanaged)}
.accent-critical{border-top-color:var(--critical)}.accent-high{border-top-color:var(--high)}.accent-medium{border-top-color:var(--medium)}.accent-low{border-top-color:var(--low)}
.accent-critical .value{color:var(--critical)}.accent-high .value{color:var(--high)}.accent-medium .value{color:var(--medium)}.accent-low .value{color:var(--low)}.accent-none .value{color:var(--muted)}
.charts{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:20px}.charts .grow{flex:1 1 480px}.chart{display:block;max-width:100%;height:auto;margin:8px auto 0}
.chart text{fill:var(--soft)}.chart line{stroke:var(--border)}
.panel{background:var(--card);border:1px solid var(--border);border-radius:8px;padding:14px 18px;margin:0}figcaption{font-weight:600;font-size:13px;color:var(--soft)}
.legend{display:flex;gap:14px;justify-content:center;font-size:12px;color:var(--soft)}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px}.sw-managed{background:var(--managed)}.sw-unmanaged{background:var(--unmanaged)}
.empty-chart{color:var(--muted);margin:40px 0;text-align:center}
.table-panel{margin-bottom:20px;padding:0}.panel-head{display:flex;align-items:center;justify-content:space-between;gap:12px;flex-wrap:wrap;padding:12px 18px;border-bottom:1px solid var(--border)}
.panel-head h2{margin:0;font-size:16px}.toolbar,.pager{display:flex;gap:8px;align-items:center;flex-wrap:wrap}.count,.page-of{color:var(--muted);font-size:12px}.count{min-width:90px;text-align:right}
.pager{padding:10px 18px;border-top:1px solid var(--border);font-size:13px}.pager label{margin-left:auto;color:var(--muted);font-size:12px}
input[type=search],select,button{font:inherit;font-size:13px;padding:5px 9px;border:1px solid var(--field-border);border-radius:6px;background:var(--field);color:var(--text)}input[type=search]{width:240px}
button{cursor:pointer}button:disabled{cursor:default;opacity:.5}button.fix{font-size:12px;padding:2px 8px;white-space:nowrap}
[data-no-fix] th:nth-child(7),[data-no-fix] td:nth-child(7){display:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.scroll{overflow-x:auto}table{width:100%;border-collapse:collapse}
th{text-align:left;font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);background:var(--head);padding:8px 12px;border-bottom:1px solid var(--border);white-space:nowrap}
td{padding:9px 12px;font-size:13px;border-bottom:1px solid var(--rule);vertical-align:top}tbody tr:nth-child(even){background:var(--stripe)}tbody tr:hover{background:var(--hover)}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.loc{font-size:12.5px;color:var(--soft)}td.none{color:var(--muted);text-align:center;padding:18px}
.sub{color:var(--muted);font-size:12px;margin-top:2px}
.badge{display:inline-block;padding:2px 8px;border-radius:4px;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:#fff;white-space:nowrap}.badge+.badge{margin-left:4px}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}.sev-medium{background:#b45309}.sev-low{background:var(--low)}.new{background:#6d28d9}
.kind-changed{background:var(--changed)}.kind-missing{background:var(--missing)}.kind-unmanaged{background:var(--unmanaged)}
.status-ok{background:var(--managed)}.status-partial{background:#b45309}.status-failed{background:#b91c1c}.level-error{background:#b91c1c}.level-warning{background:#b45309}
.changes,.problems{margin:0;padding:0;list-style:none}.changes li+li,.problems li+li{margin-top:3px}
.path{color:var(--path);font-weight:600}.declared{color:var(--declared);background:var(--declared-bg);padding:0 3px;border-radius:3px}.live{color:var(--live);background:var(--live-bg);padding:0 3px;border-radius:3px}.arrow{color:var(--muted)}.absent{color:var(--muted);font-style:italic;font-size:12px}
.fix-list{padding:0 18px 8px}.fixes details{border-top:1px solid var(--border);padding:10px 0}.fixes details:first-of-type{border-top:0}.fixes summary{cursor:pointer;font-weight:600}.fixes p{margin:8px 0;color:var(--soft)}
.fixes pre{margin:8px 0 0;padding:10px 12px;background:var(--code-bg);border:1px solid var(--border);border-radius:6px;overflow-x:auto;font-size:12.5px}
footer{max-width:1320px;margin:0 auto;padding:0 32px 32px;color:var(--muted);font-size:12px}
@media (prefers-color-scheme:dark){.accent-critical .value{color:#fca5a5}.accent-high .value{color:#f87171}.accent-medium .value{color:#fbbf24}.accent-low .value{color:#93c5fd}}
`;
