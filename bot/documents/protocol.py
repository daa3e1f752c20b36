"""The протокол of a meeting and a выписка from it, as DOCX files rendered from templates.

The fixed words of an official Russian протокол (СЛУШАЛИ, РЕШИЛИ, …) live in the templates in
`templates/`, built by `build_templates.py`; everything here arrives already in the document's
language. An organisation may upload its own protocol template: `validate_template` accepts it
only if it renders a sample meeting and shows that meeting's data.

Templates are Jinja inside DOCX (docxtpl). An uploaded template is untrusted code, so it runs in
Jinja's sandbox, with autoescaping (a name with `&` or `<` stays text) and strict undefined
variables (a misspelt variable fails validation instead of printing nothing).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, fields, replace
from functools import cache
from importlib.resources import files
from io import BytesIO

import docx
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docxtpl import DocxTemplate  # type: ignore[import-untyped]
from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from bot.domain.errors import ValidationError

PROTOCOL_TEMPLATE = "protocol.docx"
EXTRACT_TEMPLATE = "extract.docx"

# The longest error detail shown to the person who uploaded a template.
MAX_DETAIL = 200
# A real template unpacks to a few megabytes; this only stops a zip bomb before it is opened.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024

# Characters XML 1.0 does not allow, and those docxtpl turns into layout (\a a new paragraph,
# \f a page break, \v nothing useful). Tabs and newlines stay: docxtpl renders them as a tab and
# a line break.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class ItemMinutes:
    """One agenda item as the протокол records it."""

    number: int
    title: str
    speaker: str | None
    heard: str
    spoke: str
    decided: str
    needs_decision: bool
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    verdict: str


@dataclass(frozen=True)
class ProtocolData:
    """Everything a протокол says, as ready text; `signed` is None for a draft."""

    organisation: str
    body: str
    number: str
    date: str
    time: str
    city: str | None
    form: str
    place: str | None
    roster: int
    present: list[str]
    ballot: list[str]
    paper: list[str]
    absent: list[str]
    guests: list[str]
    participants: int
    # The quorum sentence of templates before issue 14; the shipped ones say `attendance`.
    quorum_text: str
    items: list[ItemMinutes]
    chair_title: str
    chair_name: str
    secretary_name: str
    signed: str | None
    version_note: str | None
    # «Присутствовали: 12 из 15 членов; кворум имеется, решения могут приниматься.»
    attendance: str = ""


SAMPLE = ProtocolData(
    organisation="МКУ «Информационно-методический центр» Лужского района",
    body="Методический совет",
    number="3",
    date="11.03.2027",
    time="15:00",
    city="г. Луга",
    form="очное",
    place="МОУ «Лужская СОШ № 2», актовый зал",
    roster=15,
    present=[
        "Алексеева Н. В.",
        "Борисов И. С.",
        "Васильева О. А.",
        "Григорьева Т. Н.",
        "Давыдова Е. Ю.",
        "Егоров П. М.",
        "Жукова Л. Р.",
        "Зайцева А. Д.",
        "Иванова М. П.",
        "Козлова С. Г.",
        "Лебедева В. К.",
        "Морозов Д. А.",
    ],
    ballot=[],
    paper=[],
    absent=["Николаева Ю. Б.", "Орлова К. Е.", "Павлов Р. Т."],
    guests=[],
    participants=12,
    quorum_text=(
        "Кворум имеется: участвуют 12 из 15 (нужно 8); решения могут приниматься (нужно 10)."
    ),
    items=[
        ItemMinutes(
            number=1,
            title="Об утверждении плана работы методического совета на 2027 год",
            speaker="Иванову М. П., председателя методического совета",
            heard="о проекте плана работы на 2027 год.",
            spoke="Борисов И. С. предложил добавить семинар для молодых педагогов.",
            decided="Утвердить план работы методического совета на 2027 год с дополнением.",
            needs_decision=True,
            votes_for=9,
            votes_against=2,
            votes_abstain=1,
            verdict="Решение принято.",
        ),
        ItemMinutes(
            number=2,
            title="О проведении муниципального конкурса «Педагог года»",
            speaker="Лебедеву В. К., методиста",
            heard="о положении о конкурсе и составе жюри.",
            spoke="",
            decided="Одобрить положение о конкурсе и состав жюри.",
            needs_decision=True,
            votes_for=12,
            votes_against=0,
            votes_abstain=0,
            verdict="Решение принято.",
        ),
        ItemMinutes(
            number=3,
            title="Информация об итогах аттестации педагогических работников",
            speaker="Козлову С. Г., методиста",
            heard="об итогах: аттестацию прошли 27 педагогов.",
            spoke="",
            decided="Информацию принять к сведению.",
            needs_decision=False,
            votes_for=None,
            votes_against=None,
            votes_abstain=None,
            verdict="Для сведения.",
        ),
    ],
    chair_title="Председатель",
    chair_name="М. П. Иванова",
    secretary_name="О. А. Васильева",
    signed=None,
    version_note=None,
    attendance="Присутствовали: 12 из 15 членов; кворум имеется, решения могут приниматься.",
)


def render_protocol(data: ProtocolData, template: bytes | None = None) -> bytes:
    """The протокол as DOCX, from the organisation's template or the shipped one."""
    return _render(template or _shipped(PROTOCOL_TEMPLATE), _context(data, data.items))


def render_extract(data: ProtocolData, item_number: int, template: bytes | None = None) -> bytes:
    """A выписка из протокола for the agenda item numbered `item_number`.

    The template sees the protocol's fields with `items` holding only that item, and the item
    itself as `item`. The caller picks the number from `data.items`: another is a bug.
    """
    chosen = [item for item in data.items if item.number == item_number]
    if not chosen:
        msg = f"the protocol has no agenda item number {item_number}"
        raise ValueError(msg)
    context = _context(data, chosen)
    context["item"] = _clean_item(chosen[0])
    return _render(template or _shipped(EXTRACT_TEMPLATE), context)


def validate_template(template: bytes) -> None:
    """Accept an uploaded protocol template only if it is a DOCX that renders the SAMPLE
    meeting and shows its number and at least one of its agenda items."""
    if not _is_docx(template):
        raise ValidationError("template-error-not-docx")
    try:
        rendered = _render(template, _context(SAMPLE, SAMPLE.items))
    except TemplateSyntaxError as exc:
        raise ValidationError("template-error-syntax", detail=_detail(exc)) from exc
    # An uploaded template fails in many ways (undefined names, sandbox refusals, type errors
    # in its expressions, XML it breaks): each one means the same to the person uploading it.
    except Exception as exc:
        raise ValidationError("template-error-render", detail=_detail(exc)) from exc
    text = _text(rendered)
    number = re.compile(rf"(?<!\d){re.escape(SAMPLE.number)}(?!\d)")
    if not number.search(text) or not any(item.title in text for item in SAMPLE.items):
        raise ValidationError("template-error-missing")


# --- rendering --------------------------------------------------------------------------------


def _render(template: bytes, context: dict[str, object]) -> bytes:
    """The only place that touches docxtpl, which has no type information."""
    environment = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    document = DocxTemplate(BytesIO(template))
    document.render(context, jinja_env=environment, autoescape=True)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


@cache
def _shipped(name: str) -> bytes:
    return files("bot.documents").joinpath("templates", name).read_bytes()


def _context(data: ProtocolData, items: list[ItemMinutes]) -> dict[str, object]:
    """The template's variables: the fields of `data`, every text made safe for XML."""
    context = {field.name: _clean(getattr(data, field.name)) for field in fields(data)}
    context["items"] = [_clean_item(item) for item in items]
    return context


def _clean(value: object) -> object:
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, list):
        return [_clean(element) for element in value]
    return value


def _clean_text(value: str) -> str:
    return _FORBIDDEN.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def _clean_item(item: ItemMinutes) -> ItemMinutes:
    return replace(
        item,
        title=_clean_text(item.title),
        speaker=None if item.speaker is None else _clean_text(item.speaker),
        heard=_clean_text(item.heard),
        spoke=_clean_text(item.spoke),
        decided=_clean_text(item.decided),
        verdict=_clean_text(item.verdict),
    )


# --- checking an uploaded template ------------------------------------------------------------


def _is_docx(template: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(template)) as archive:
            if sum(entry.file_size for entry in archive.infolist()) > MAX_UNPACKED_BYTES:
                return False
        docx.Document(BytesIO(template))
    # python-docx reports a file that is not a Word document in several ways (a bad zip, a
    # missing part, another content type, broken XML): all of them mean "not a DOCX" here.
    except Exception:
        return False
    return True


def _text(document: bytes) -> str:
    """All paragraphs of the body, headers, footers and notes, one a line."""
    parts = docx.Document(BytesIO(document)).part.package.iter_parts()
    return "\n".join(
        "".join(node.text or "" for node in paragraph.iter(qn("w:t")))
        for part in parts
        if isinstance(part, XmlPart)
        for paragraph in part.element.iter(qn("w:p"))
    )


def _detail(exc: Exception) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:MAX_DETAIL]
