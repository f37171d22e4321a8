"""The post-incident review pack as Markdown or as one self-contained printable HTML file.

Both renderings come from the same `ReviewPack`, so they cannot disagree. The
HTML has no external resources (no fonts, scripts or images to fetch): it
opens and prints the same on an air-gapped machine, years later.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable

from pii_guard.audit._chain import Entry
from pii_guard.audit.incidents import ReviewPack

# The questions the review must answer. Paraphrased; the statute's current text governs.
QUESTIONS: tuple[tuple[str, str], ...] = (
    (
        "M.G.L. c. 93H §1, §3",
        "Was personal information involved: a resident's name with an SSN, "
        "driver's license or state ID number, or financial account or card number? Which data "
        "classes, how many records, how many Massachusetts residents?",
    ),
    (
        "M.G.L. c. 93H §3",
        "Was the information acquired or used by an unauthorized person or "
        "for an unauthorized purpose, and does that create a substantial risk of identity theft "
        "or fraud? Was it encrypted, and was the key or passphrase also exposed?",
    ),
    (
        "M.G.L. c. 93H §3",
        "When did the district first know or have reason to know of it, "
        "and was notice given as soon as practicable and without unreasonable delay?",
    ),
    (
        "M.G.L. c. 93H §3",
        "Have the Attorney General, the Director of the Office of Consumer "
        "Affairs and Business Regulation and each affected resident been notified, with the "
        "nature of the breach, the number of residents affected and the steps taken or planned?",
    ),
    (
        "M.G.L. c. 93H §3",
        "If Social Security numbers were involved, has credit monitoring "
        "been offered? Has law enforcement asked for notice to be delayed?",
    ),
    (
        "M.G.L. c. 93H §3",
        "If the district only stores the data for another owner, has the "
        "owner been told? Does the district maintain a written information security program?",
    ),
    (
        "FERPA, 34 CFR 99.32",
        "Were student education records disclosed without consent or "
        "another basis, and is the disclosure recorded in the student's record?",
    ),
    (
        "District procedure, post-incident review",
        "What happened, in what order, and why did "
        "the controls allow it? Were the copies blocked, quarantined, restored or destroyed, and "
        "are any copies still outside district systems?",
    ),
    (
        "District procedure, post-incident review",
        "What changes to security measures, policy or "
        "staff training follow, who owns each, and by when (review before the annual review date)?",
    ),
)


def describe(entry: Entry, limit: int = 240) -> str:
    """One line of details for the timeline (already free of personal information)."""
    parts = []
    for key in sorted(entry.details):
        value = entry.details[key]
        text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
        parts.append(f"{key}={text}")
    line = "; ".join(parts)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _counts(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def _stamp(entry: Entry) -> str:
    return entry.time[:19].replace("T", " ") + "Z"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(pack: ReviewPack) -> str:
    v = pack.verification
    out = [
        "# Post-incident review pack",
        "",
        f"- Window: since {pack.since.isoformat()}",
        f"- Generated: {pack.generated.isoformat(timespec='seconds')}",
        f"- Audit log: `{pack.log_path}`",
        f"- Chain verified: {'yes' if v.ok else 'NO'}"
        + (f" ({v.entries} entries, head `{v.head}`)" if v.ok else ""),
    ]
    if v.ok and v.anchored:
        out.append("- Expected head found: yes")
    out += [f"  - {p}" for p in v.problems]
    out += ["", f"## Incidents ({len(pack.incidents)})", ""]
    if pack.incidents:
        out += [
            "| id | from | to | user | host | what | events | classes | actions |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for inc in pack.incidents:
            cells = [
                inc.id,
                _stamp(inc.entries[0]),
                _stamp(inc.entries[-1]),
                inc.user,
                inc.host,
                ", ".join(inc.kinds()),
                str(len(inc.entries)),
                _inline(inc.classes()),
                _inline(inc.actions()),
            ]
            out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    else:
        out.append("No incidents in this window.")
    for title, counter in (
        ("Data classes involved", pack.classes),
        ("Identifiers involved", pack.entities),
        ("Actions taken", pack.actions),
        ("Users", pack.users),
        ("Hosts", pack.hosts),
    ):
        out += ["", f"## {title}", ""]
        rows = _counts(counter)
        out += [f"- {_md_cell(k)}: {n}" for k, n in rows] or ["- none"]
    out += [
        "",
        f"## Timeline ({len(pack.entries)} entries)",
        "",
        "| seq | time (UTC) | user@host | event | details |",
        "|---|---|---|---|---|",
    ]
    for e in pack.entries:
        cells = [str(e.seq), _stamp(e), f"{e.user}@{e.host}", e.event, describe(e)]
        out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    out += ["", "## Questions the review must answer", ""]
    for number, (source, question) in enumerate(QUESTIONS, start=1):
        out.append(f"{number}. **{source}.** {question}")
        out.append("   - Answer: ")
    out += ["", "Reviewed by: ____________________  Date: ____________", ""]
    return "\n".join(out)


def _inline(counter: Counter[str]) -> str:
    return ", ".join(f"{k} ({n})" for k, n in _counts(counter)) or "-"


_CSS = """
body{font:11pt/1.4 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2em;color:#111}
h1{font-size:18pt;margin:0 0 .3em}
h2{font-size:13pt;margin:1.4em 0 .4em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;font-size:9.5pt}
th,td{border:1px solid #bbb;padding:3px 5px;text-align:left;vertical-align:top}
td{overflow-wrap:break-word}td:last-child{overflow-wrap:anywhere}
th{background:#eee;white-space:nowrap}table.counts{width:auto;min-width:50%}thead{display:table-header-group}tr{break-inside:avoid}
.bad{color:#a00;font-weight:bold}.ok{color:#060;font-weight:bold}
.q li{margin-bottom:.8em;break-inside:avoid}.answer{border-bottom:1px dotted #888;height:3em}
.facts td:first-child{width:14em;font-weight:bold}
@page{size:A4;margin:15mm}
@media print{body{margin:0}h2{break-after:avoid}}
"""


def _table(head: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table{attr}><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def render_html(pack: ReviewPack) -> str:
    v = pack.verification
    esc = html.escape
    verdict = (
        f'<span class="ok" id="chain-status">verified</span> ({v.entries} entries, '
        f"head <code>{esc(v.head or '-')}</code>)"
        if v.ok
        else '<span class="bad" id="chain-status">DOES NOT VERIFY</span>'
    )
    if v.ok and v.anchored:
        verdict += "; expected head found"
    problems = "".join(f"<li>{esc(p)}</li>" for p in v.problems)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>Post-incident review pack</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Post-incident review pack</h1>",
        _table(
            ("fact", "value"),
            (
                ("Window", f"since {pack.since.isoformat()}"),
                ("Generated", pack.generated.isoformat(timespec="seconds")),
                ("Audit log", pack.log_path),
                ("Incidents", str(len(pack.incidents))),
                ("Entries in window", str(len(pack.entries))),
            ),
            "facts",
        ),
        f"<p>Hash chain: {verdict}</p>",
    ]
    if problems:
        parts.append(f'<ul class="bad" id="chain-problems">{problems}</ul>')
    parts.append(f"<h2>Incidents ({len(pack.incidents)})</h2>")
    parts.append(
        _table(
            ("id", "from", "to", "user", "host", "what", "events", "classes", "actions"),
            (
                (
                    i.id,
                    _stamp(i.entries[0]),
                    _stamp(i.entries[-1]),
                    i.user,
                    i.host,
                    ", ".join(i.kinds()),
                    str(len(i.entries)),
                    _inline(i.classes()),
                    _inline(i.actions()),
                )
                for i in pack.incidents
            ),
        )
        if pack.incidents
        else "<p>No incidents in this window.</p>"
    )
    for title, label, counter in (
        ("Data classes involved", "class", pack.classes),
        ("Identifiers involved", "identifier", pack.entities),
        ("Actions taken", "action", pack.actions),
        ("Users", "user", pack.users),
        ("Hosts", "host", pack.hosts),
    ):
        parts.append(f"<h2>{esc(title)}</h2>")
        rows = [(k, str(n)) for k, n in _counts(counter)]
        parts.append(_table((label, "count"), rows, "counts") if rows else "<p>None.</p>")
    parts.append(f"<h2>Timeline ({len(pack.entries)} entries)</h2>")
    parts.append(
        _table(
            ("seq", "time (UTC)", "user@host", "event", "details"),
            (
                (str(e.seq), _stamp(e), f"{e.user}@{e.host}", e.event, describe(e))
                for e in pack.entries
            ),
        )
    )
    parts.append('<h2>Questions the review must answer</h2><ol class="q">')
    for source, question in QUESTIONS:
        parts.append(f'<li><b>{esc(source)}.</b> {esc(question)}<div class="answer"></div></li>')
    parts.append("</ol><p>Reviewed by: ____________________ &nbsp; Date: ____________</p>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
