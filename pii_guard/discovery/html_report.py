"""The HTML report: one self-contained file, a chart per share, no scripts, no assets.

It is opened on ICTS desktops and mailed around, so it must render offline and
carry nothing that fetches: inline CSS, inline SVG, no JavaScript.
"""

from __future__ import annotations

from html import escape

from pii_guard.discovery.report import Bucket, DiscoveryReport, ShareReport

CHART_FOLDERS = 15
PALETTE = ("#c0392b", "#2471a3", "#d68910", "#7d3c98", "#138d75", "#566573", "#a04000", "#1e8449")

_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:70em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{padding:.2em .6em;text-align:left;
border-bottom:1px solid #eee;vertical-align:top}td.n{text-align:right;white-space:nowrap}
.legend span{display:inline-block;margin-right:1.2em}.sw{display:inline-block;width:.8em;
height:.8em;margin-right:.3em}.muted{color:#777}
"""


def render_html(report: DiscoveryReport) -> str:
    classes = sorted({c for s in report.shares for c in s.classes})
    colours = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(classes)}
    data = report.to_json()
    totals = data["totals"]
    assert isinstance(totals, dict)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>pii-guard discovery report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Where personal information lives</h1>",
        f'<p class="muted">Generated {escape(str(data["generated"]))} · policy '
        f"{escape(report.policy.get('id', ''))} {escape(report.policy.get('version', ''))}"
        f" · last run {report.last_run}"
        f"{'' if report.last_run_completed else ' (interrupted: results incomplete)'}</p>",
        "<p>Counts only: no values and no names of files holding records appear in this"
        f" report. 'Stale' means not modified for {data['stale_after_days']} days.</p>",
        _legend(classes, colours, report),
        "<table><tr><th>Share</th><th>Files</th><th>With records</th><th>Size of those</th>"
        "<th>Errors</th></tr>",
    ]
    for share in report.shares:
        parts.append(
            f"<tr><td>{escape(share.share)}</td><td class=n>{share.files}</td>"
            f"<td class=n>{share.any_class.files}</td>"
            f"<td class=n>{_size(share.any_class.bytes)}</td>"
            f"<td class=n>{share.errors}</td></tr>"
        )
    parts.append("</table>")
    for share in report.shares:
        parts.append(_share_section(share, classes, colours, report))
    parts.append(_errors_section(report))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _legend(classes: list[str], colours: dict[str, str], report: DiscoveryReport) -> str:
    items = "".join(
        f'<span><i class="sw" style="background:{colours[c]}"></i>'
        f"{escape(report.class_titles.get(c, c))} <code>{escape(c)}</code></span>"
        for c in classes
    )
    return f'<p class="legend">{items}</p>'


def _share_section(
    share: ShareReport, classes: list[str], colours: dict[str, str], report: DiscoveryReport
) -> str:
    rows = [
        f"<h2>{escape(share.share)}</h2>",
        f"<p>{share.any_class.files} of {share.files} files hold records"
        f" ({_size(share.any_class.bytes)}), in {len(share.folders)} folders.</p>",
    ]
    if share.folders:
        rows.append(_chart(share, classes, colours))
    rows.append(
        "<table><tr><th>Folder</th><th>Class</th><th>Files</th><th>Size</th>"
        "<th>Oldest change</th><th>Newest change</th><th>Stale</th></tr>"
    )
    for folder in share.folders:
        for cls, bucket in sorted(folder.classes.items(), key=lambda kv: -kv[1].files):
            rows.append(_bucket_row(folder.folder, report.class_titles.get(cls, cls), bucket))
    rows.append("</table>")
    return "\n".join(rows)


def _bucket_row(folder: str, title: str, bucket: Bucket) -> str:
    data = bucket.to_json()
    return (
        f"<tr><td>{escape(folder)}</td><td>{escape(title)}</td><td class=n>{bucket.files}</td>"
        f"<td class=n>{_size(bucket.bytes)}</td><td>{data['oldest_modified']}</td>"
        f"<td>{data['newest_modified']}</td><td class=n>{bucket.stale_files}</td></tr>"
    )


def _chart(share: ShareReport, classes: list[str], colours: dict[str, str]) -> str:
    """Horizontal stacked bars: files per class in the largest folders."""
    shown = share.folders[:CHART_FOLDERS]
    widest = max(sum(b.files for b in f.classes.values()) for f in shown) or 1
    label_w, bar_w, row_h = 260, 420, 22
    height = row_h * len(shown) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 80}" height="{height}"'
        f' role="img" aria-label="files holding records per folder in {escape(share.share)}">'
    ]
    for i, folder in enumerate(shown):
        y = 5 + i * row_h
        label = folder.folder if len(folder.folder) <= 40 else "…" + folder.folder[-39:]
        out.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{escape(label)}</text>"
        )
        x = float(label_w)
        for cls in classes:
            bucket = folder.classes.get(cls)
            if bucket is None:
                continue
            w = bar_w * bucket.files / widest
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h - 6}"'
                f' fill="{colours[cls]}"><title>{escape(cls)}: {bucket.files}</title></rect>'
            )
            x += w
        out.append(
            f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="12">{folder.any_class.files}</text>'
        )
    out.append("</svg>")
    if len(share.folders) > len(shown):
        out.append(f'<p class="muted">{len(share.folders) - len(shown)} more folders below.</p>')
    return "".join(out)


def _errors_section(report: DiscoveryReport) -> str:
    if not report.errors and not report.problems:
        return "<h2>Not scanned</h2><p>Every file found was scanned.</p>"
    rows = [
        "<h2>Not scanned</h2>",
        f"<p>{report.errors_total} files could not be scanned; file names shown as the policy's"
        f" path privacy ({escape(report.path_privacy)}) says.</p>",
        "<table><tr><th>Share</th><th>Folder</th><th>File</th><th>Why</th></tr>",
    ]
    rows += [
        f"<tr><td>{escape(e.share)}</td><td>{escape(e.folder)}</td><td>{escape(e.name)}</td>"
        f"<td>{escape(e.error)}</td></tr>"
        for e in report.errors
    ]
    rows.append("</table>")
    if report.problems:
        rows.append("<table><tr><th>Share</th><th>Where</th><th>Problem</th></tr>")
        rows += [
            f"<tr><td>{escape(p.share)}</td><td>{escape(p.where)}</td><td>{escape(p.message)}</td></tr>"
            for p in report.problems
        ]
        rows.append("</table>")
    return "\n".join(rows)


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"
