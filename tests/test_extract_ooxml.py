"""The OOXML helpers the fast readers lean on behave as the lxml calls they replace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from scanners.extract._ooxml import child_text, first_child

_NS = "urn:x"
_CHILDREN = st.sampled_from(
    [
        "<a/>",
        "<a>text</a>",
        "<a> </a>",
        "<b>other</b>",
        "<!-- a -->",
        "<?a pi?>",
        '<y:a xmlns:y="urn:y">elsewhere</y:a>',
        "<a><a>inner</a></a>",
        "tail",
    ]
)


@given(st.lists(_CHILDREN, max_size=6).map("".join))
def test_first_child_and_child_text_are_find_and_findtext(children: str) -> None:
    node = etree.fromstring(f'<root xmlns="{_NS}">{children}</root>')
    for tag in (f"{{{_NS}}}a", f"{{{_NS}}}b", "{urn:y}a", f"{{{_NS}}}missing"):
        assert first_child(node, tag) is node.find(tag)
        assert child_text(node, tag) == node.findtext(tag)


_SEGMENTS = st.sampled_from(["word", "media", "doc.xml", ".", "..", "", "a.b", "x..y", "_rels"])


@given(st.lists(_SEGMENTS, max_size=4).map("/".join), st.lists(_SEGMENTS, max_size=4).map("/".join))
def test_resolve_is_normpath_of_join(folder: str, target: str) -> None:
    import posixpath

    from scanners.extract._ooxml import resolve

    assert resolve(folder, target) == posixpath.normpath(posixpath.join(folder, target))
