"""Writes the shipped templates `templates/protocol.docx` and `templates/extract.docx`.

Run `python -m bot.documents.build_templates` after changing the layout and commit both files.
The output is byte-for-byte the same on every run (fixed document properties and zip dates),
so a rebuild without changes shows no diff.

The layout is the customary one of a Russian протокол, on A4 with the margins of ГОСТ Р
7.0.97-2016 and Times New Roman 14 pt. The Jinja tags are docxtpl's: `{%p … %}` on a paragraph
of its own keeps or drops whole paragraphs; each templated paragraph is written as a single run,
because docxtpl only sees a tag whose text is not split between runs.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.styles.style import ParagraphStyle

TEMPLATES = Path(__file__).parent / "templates"

FONT = "Times New Roman"
PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)
LEFT, RIGHT, TOP, BOTTOM = Cm(3), Cm(1.5), Cm(2), Cm(2)
TEXT_WIDTH = Length(PAGE_WIDTH - LEFT - RIGHT)
INDENT = Cm(1.25)
# Where the signature line begins: after the longest title, «Заместитель председателя».
SIGNATURE_LINE_AT = Cm(7.5)
SIGNATURE = "\t______________\t"
# Document properties and zip entry dates are fixed so that a rebuild is reproducible.
FIXED_TIME = datetime(2027, 1, 1, tzinfo=UTC)
ZIP_TIME = (2027, 1, 1, 0, 0, 0)

# Inline Jinja shared by both templates. Quotes are single: docxtpl turns typographic double
# quotes inside tags into straight ones, but single ones need nothing at all.
HEARD = (
    "СЛУШАЛИ: {{ item.speaker or '' }}"
    "{% if item.speaker and item.heard %} — {% endif %}{{ item.heard }}"
)
LEADERS = (
    "{% if chair_name %}{{ chair_title }} — {{ chair_name }}.{% endif %}"
    "{% if chair_name and secretary_name %} {% endif %}"
    "{% if secretary_name %}Секретарь — {{ secretary_name }}.{% endif %}"
)
VOTES = (
    "Голосовали: За — {{ item.votes_for }}, Против — {{ item.votes_against or 0 }}, "
    "Воздержались — {{ item.votes_abstain or 0 }}."
)


class Builder:
    """A document with the house page setup, and paragraphs of one run each."""

    def __init__(self, title: str) -> None:
        self.document: Document = docx.Document()
        self._page()
        self._normal_style()
        properties = self.document.core_properties
        properties.title = title
        properties.author = "councilbot"
        properties.last_modified_by = "councilbot"
        properties.language = "ru-RU"
        properties.created = FIXED_TIME
        properties.modified = FIXED_TIME
        properties.revision = 1

    def _page(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin, section.right_margin = LEFT, RIGHT
        section.top_margin, section.bottom_margin = TOP, BOTTOM
        section.header_distance = section.footer_distance = Cm(1.25)

    def _normal_style(self) -> None:
        style = self.document.styles["Normal"]
        if not isinstance(style, ParagraphStyle):  # python-docx's default template has it
            raise TypeError(style)
        style.font.name = FONT
        style.font.size = Pt(14)
        fmt = style.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        # Cyrillic is set in hAnsi, which `font.name` covers; these keep Word from falling back
        # to a theme font for other scripts.
        fonts.set(qn("w:eastAsia"), FONT)
        fonts.set(qn("w:cs"), FONT)
        size = OxmlElement("w:szCs")
        size.set(qn("w:val"), "28")
        rpr.insert_element_before(size, "w:highlight", "w:u", "w:lang")
        # Spelling and hyphenation in Russian.
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "ru-RU")
        lang.set(qn("w:eastAsia"), "ru-RU")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")

    def line(
        self,
        text: str = "",
        *,
        align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
        bold: bool = False,
        indent: bool = True,
        before: int = 0,
        keep: bool = False,
    ) -> None:
        """One paragraph; `indent` is the first-line indent of running text."""
        paragraph = self.document.add_paragraph()
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        if indent:
            fmt.first_line_indent = INDENT
        if before:
            fmt.space_before = Pt(before)
        if keep:
            fmt.keep_with_next = True
        if text:
            run = paragraph.add_run(text)
            if bold:
                run.bold = True

    def centred(self, text: str, *, bold: bool = False, before: int = 0) -> None:
        self.line(text, align=WD_ALIGN_PARAGRAPH.CENTER, bold=bold, indent=False, before=before)

    def tag(self, tag: str) -> None:
        """A paragraph holding only a `{%p … %}` tag: docxtpl replaces all of it."""
        self.line(f"{{%p {tag} %}}", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False)

    def when(self, condition: str, text: str) -> None:
        """A paragraph of running text kept only when `condition` holds."""
        self.tag(f"if {condition}")
        self.line(text)
        self.tag("endif")

    def spread(self, text: str, *, before: int = 0) -> None:
        """Text with a left part and a right-aligned part, split by one tab."""
        self.line(text, align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, before=before)
        last = self.document.paragraphs[-1]
        last.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)

    def signature(self, text: str, *, before: int = 0) -> None:
        """`title<TAB>______<TAB>name`: the line at a fixed place, the name on the right."""
        self.spread(text, before=before)
        stops = self.document.paragraphs[-1].paragraph_format.tab_stops
        stops.add_tab_stop(SIGNATURE_LINE_AT, WD_TAB_ALIGNMENT.LEFT)

    def save(self, path: Path) -> None:
        buffer = BytesIO()
        self.document.save(buffer)
        path.write_bytes(_reproducible(buffer.getvalue()))


def _reproducible(package: bytes) -> bytes:
    """The same zip with fixed entry dates: python-docx stamps each entry with the time."""
    out = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(entry))
    return out.getvalue()


def _heading(doc: Builder, title: str) -> None:
    """«ПРОЕКТ» on a draft, the organisation, the body, the title; the date and the number on
    one line, the place (город) under them (ГОСТ Р 7.0.97-2016, 5.9 and 5.10); a correction's
    note under the heading; who chaired and who kept the minutes."""
    doc.tag("if not signed")
    doc.line("ПРОЕКТ", align=WD_ALIGN_PARAGRAPH.RIGHT, bold=True, indent=False)
    doc.tag("endif")
    doc.centred("{{ organisation }}", bold=True)
    doc.centred("{{ body }}")
    doc.centred(title, bold=True, before=12)
    doc.spread("{{ date }}\t№ {{ number }}", before=12)
    doc.tag("if city")
    doc.centred("{{ city }}")
    doc.tag("endif")
    doc.tag("if version_note")
    doc.line("{{ version_note }}", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, before=6)
    doc.tag("endif")
    doc.when("chair_name or secretary_name", LEADERS)
    doc.line("Время проведения: {{ time }}")
    doc.line("Форма проведения: {{ form }}")
    doc.when("place", "Место проведения: {{ place }}")


def _attendance(doc: Builder, *, names: bool) -> None:
    """How many took part and whether there was a quorum, said once; then, in the протокол,
    who, by the way they took part (a выписка gives the count alone)."""
    doc.line("{{ attendance }}", before=12)
    if not names:
        return
    doc.when("present", "Очно: {{ present|join(', ') }}")
    doc.when("ballot", "По опросному листу: {{ ballot|join(', ') }}")
    doc.when("paper", "На бумажном опросном листе: {{ paper|join(', ') }}")
    doc.when("absent", "Отсутствовали: {{ absent|join(', ') }}")
    doc.when("guests", "Приглашённые: {{ guests|join(', ') }}")


def _item(doc: Builder, heading: str) -> None:
    """One agenda item: its heading, what was heard, said and decided, the vote, the verdict."""
    doc.line(heading, bold=True, before=12, keep=True)
    doc.when("item.speaker or item.heard", HEARD)
    doc.when("item.spoke", "ВЫСТУПИЛИ: {{ item.spoke }}")
    doc.when("item.decided", "РЕШИЛИ: {{ item.decided }}")
    doc.when("item.votes_for is not none", VOTES)
    doc.when("item.verdict", "{{ item.verdict }}")


def _signatures(doc: Builder) -> None:
    doc.signature("{{ chair_title }}" + SIGNATURE + "{{ chair_name }}", before=36)
    doc.signature("Секретарь" + SIGNATURE + "{{ secretary_name }}", before=24)


def _signed(doc: Builder) -> None:
    """Who signed and when."""
    doc.tag("if signed")
    doc.line("{{ signed }}", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, before=12)
    doc.tag("endif")


def build_protocol() -> Builder:
    doc = Builder("Протокол заседания")
    _heading(doc, "ПРОТОКОЛ")
    _attendance(doc, names=True)

    doc.line("ПОВЕСТКА ДНЯ:", bold=True, indent=False, before=12)
    doc.tag("for item in items")
    doc.line("{{ item.number }}. {{ item.title }}")
    doc.tag("endfor")

    doc.tag("for item in items")
    _item(doc, "{{ item.number }}. {{ item.title }}")
    doc.tag("endfor")

    _signatures(doc)
    _signed(doc)
    return doc


def build_extract() -> Builder:
    doc = Builder("Выписка из протокола заседания")
    _heading(doc, "ВЫПИСКА ИЗ ПРОТОКОЛА")
    _attendance(doc, names=False)

    _item(doc, "Вопрос № {{ item.number }} повестки дня: {{ item.title }}")

    _signatures(doc)
    doc.line("Выписка верна.", align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, before=24)
    doc.signature("Секретарь" + SIGNATURE + "{{ secretary_name }}")
    _signed(doc)
    return doc


def main() -> None:
    TEMPLATES.mkdir(exist_ok=True)
    build_protocol().save(TEMPLATES / "protocol.docx")
    build_extract().save(TEMPLATES / "extract.docx")


if __name__ == "__main__":
    main()
