"""A verification report as one self-contained, printable HTML page for the legal file.

No scripts, no external stylesheets, fonts or images: the page must render the
same on an air-gapped machine years from now and print on A4 or Letter. Every
value from the package is escaped; a hostile manifest cannot inject markup.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from transport.checks import CheckStatus, VerificationReport
from transport.manifest import FileEntry, Manifest

_CSS = """
@page { margin: 16mm; }
body { font: 11pt/1.4 system-ui, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
.verdict { font-size: 14pt; font-weight: bold; padding: 6pt 10pt; border: 2px solid; }
.ok { color: #0a5d1a; border-color: #0a5d1a; }
.bad { color: #9b1111; border-color: #9b1111; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
th, td { text-align: left; vertical-align: top; padding: 3pt 6pt; border: 1px solid #bbb; }
th { background: #eee; }
td.pass { color: #0a5d1a; font-weight: bold; }
td.fail, td.not-checked { color: #9b1111; font-weight: bold; }
code { font: 9.5pt ui-monospace, monospace; word-break: break-all; }
tr { page-break-inside: avoid; }
footer { margin-top: 14pt; font-size: 9pt; color: #555; }
"""


def _row(*cells: str, header: bool = False) -> str:
    tag = "th" if header else "td"
    return "<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in cells) + "</tr>"


def _files_table(entries: tuple[FileEntry, ...]) -> str:
    if not entries:
        return "<p>None.</p>"
    rows = [_row("Name", "Size (bytes)", "SHA-256", "Classes", "Entities", header=True)]
    for entry in entries:
        name = escape(entry.name) + (" <em>(name masked)</em>" if entry.name_masked else "")
        entities = ", ".join(f"{escape(k)}: {v}" for k, v in sorted(entry.entities.items()))
        rows.append(
            _row(
                name,
                str(entry.size),
                f"<code>{escape(entry.sha256)}</code>",
                escape(", ".join(entry.classes)) or "—",
                entities or "—",
            )
        )
    return "<table>" + "".join(rows) + "</table>"


def _manifest_section(manifest: Manifest) -> str:
    basis = manifest.legal_basis
    summary = [
        ("Release id", escape(manifest.release_id)),
        ("Created (UTC)", manifest.created.strftime("%Y-%m-%d %H:%M:%SZ")),
        (
            "Sender",
            f"{escape(manifest.sender.name)} &lt;{escape(manifest.sender.email)}&gt;<br>"
            f"<code>{escape(manifest.sender.fingerprint)}</code>",
        ),
        (
            "Recipients",
            "<br>".join(
                f"{escape(r.name)} ({escape(r.org)})<br><code>{escape(r.age_key)}</code>"
                for r in manifest.recipients
            ),
        ),
        ("Purpose", escape(manifest.purpose)),
        ("Legal basis", escape(basis.type)),
        *((f"&nbsp;&nbsp;{escape(k)}", escape(v)) for k, v in sorted(basis.fields.items())),
        ("Classes", escape(", ".join(manifest.classes)) or "none found"),
        (
            "Entity counts",
            ", ".join(f"{escape(k)}: {v}" for k, v in sorted(manifest.entities.items())) or "none",
        ),
        ("Destroy by", manifest.destroy_by.isoformat()),
        (
            "Policy",
            f"{escape(manifest.policy.id)} {escape(manifest.policy.version)}"
            f"<br><code>{escape(manifest.policy.sha256)}</code>",
        ),
        ("Tool", f"pii-guard {escape(manifest.tool_version)}"),
    ]
    if manifest.payload is not None:
        summary.append(
            (
                "Payload",
                f"{manifest.payload.size} bytes<br><code>{escape(manifest.payload.sha256)}</code>",
            )
        )
    table = "<table>" + "".join(_row(f"<b>{k}</b>", v) for k, v in summary) + "</table>"
    return (
        "<h2>Manifest</h2>"
        + table
        + "<h2>Legal-basis documents</h2>"
        + _files_table(basis.documents)
        + "<h2>Records</h2>"
        + _files_table(manifest.files)
    )


def render_report(report: VerificationReport, *, generated: datetime | None = None) -> str:
    """The whole page as a string; the caller writes it atomically."""
    generated = generated or datetime.now(UTC)
    verdict = (
        '<p class="verdict ok">VERIFIED: every check passed</p>'
        if report.ok
        else '<p class="verdict bad">REJECTED: failed ' + escape(", ".join(report.failed)) + "</p>"
    )
    rows = [_row("Check", "Result", "Reason", header=True)]
    for check in report.checks:
        css = check.status.value.replace(" ", "-")
        label = {CheckStatus.PASS: "PASS", CheckStatus.FAIL: "FAIL"}.get(
            check.status, "NOT CHECKED"
        )
        rows.append(
            f'<tr><td>{escape(check.name)}</td><td class="{css}">{label}</td>'
            f"<td>{escape(check.reason)}</td></tr>"
        )
    manifest = (
        _manifest_section(report.manifest)
        if report.manifest is not None
        else ("<h2>Manifest</h2><p>The manifest could not be read; nothing in it is shown.</p>")
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>pii-guard release verification: {escape(report.package)}</title>"
        f"<style>{_CSS}</style></head><body>"
        "<h1>Release package verification</h1>"
        f"<p>Package: <code>{escape(report.package)}</code></p>"
        f"{verdict}<h2>Checks</h2><table>{''.join(rows)}</table>{manifest}"
        f"<footer>Generated {generated.astimezone(UTC).strftime('%Y-%m-%d %H:%M:%SZ')} by "
        "pii-guard release verify. The signature and payload digest were checked without "
        "decrypting the payload.</footer></body></html>\n"
    )
