"""The протокол and the выписка as DOCX: what a secretary sees when opening them in Word, and
which uploaded templates the bot refuses."""

from __future__ import annotations

import os
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.shared import Cm, Length, Pt

from bot.documents import build_templates
from bot.documents.protocol import (
    SAMPLE,
    ItemMinutes,
    ProtocolData,
    render_extract,
    render_protocol,
    validate_template,
)
from bot.domain.errors import ValidationError

SHIPPED = Path(build_templates.__file__).parent / "templates"

# A hybrid meeting with every list filled, a corrected signed version, and text that would
# break XML or Jinja if it were pasted in raw.
RICH = ProtocolData(
    organisation="МОУ «Средняя школа № 4» & Co <филиал>",
    body="Районное методическое объединение учителей математики",
    number="5/2027",
    date="20.03.2027",
    time="14:30",
    city=None,
    form="гибридное",
    place=None,
    roster=10,
    present=["Андреева А. А.", "O'Брайен Д. <гость>"],
    ballot=["Белов Б. Б.", "Волкова В. В."],
    paper=["Гусев Г. Г."],
    absent=["Денисова Д. Д."],
    guests=["Ершова Е. Е. (ЛОИРО)"],
    participants=5,
    quorum_text="Кворум имеется: участвуют 5 из 10 (нужно 5); решения не принимаются (нужно 7).",
    items=[
        ItemMinutes(
            number=1,
            title='О программе "Точка роста" & {{ not a tag }}',
            speaker=None,
            heard="о ходе работ",
            spoke="",
            decided="1. Продолжить работу.\n2. Отчитаться в мае.",
            needs_decision=True,
            votes_for=3,
            votes_against=1,
            votes_abstain=1,
            verdict="Решение не принято.",
        ),
        ItemMinutes(
            number=2,
            title="Разное",
            speaker="Андрееву А. А.",
            heard="",
            spoke="Белов Б. Б.: «Согласен»\x07",
            decided="",
            needs_decision=False,
            votes_for=None,
            votes_against=None,
            votes_abstain=None,
            verdict="Для сведения.",
        ),
    ],
    chair_title="Заместитель председателя",
    chair_name="Ж. Ж. Жуков",
    secretary_name="З. З. Зуева",
    signed="Подписан: Ж. Ж. Жуков, 25.03.2027 10:15",
    version_note="Исправленная редакция № 2 от 26.03.2027: опечатка в фамилии",
    attendance="Приняли участие: 5 из 10 членов; кворум имеется, решения приниматься не могут.",
)


def _open(content: bytes) -> Document:
    return docx.Document(BytesIO(content))


def _lines(content: bytes) -> list[str]:
    return [paragraph.text for paragraph in _open(content).paragraphs]


def _starting(lines: list[str], prefix: str) -> list[str]:
    return [line for line in lines if line.startswith(prefix)]


def _template(*texts: str) -> bytes:
    """A DOCX written the way a person would in Word: one paragraph for each text."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _refusal(template: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_template(template)
    return caught.value


# --- the протокол -----------------------------------------------------------------------------


def test_heading_names_the_organisation_body_date_number_place_chair_and_secretary() -> None:
    lines = _lines(render_protocol(SAMPLE))
    # ГОСТ Р 7.0.97-2016: the date and the number on one line, the place under them.
    assert lines[:7] == [
        "ПРОЕКТ",
        "МКУ «Информационно-методический центр» Лужского района",
        "Методический совет",
        "ПРОТОКОЛ",
        "11.03.2027\t№ 3",
        "г. Луга",
        "Председатель — М. П. Иванова. Секретарь — О. А. Васильева.",
    ]
    assert "Время проведения: 15:00" in lines
    assert "Форма проведения: очное" in lines
    assert "Место проведения: МОУ «Лужская СОШ № 2», актовый зал" in lines


def test_attendance_is_stated_once_then_who_with_empty_lists_left_out() -> None:
    lines = _lines(render_protocol(SAMPLE))
    text = "\n".join(lines)
    assert _starting(lines, "Присутствовали") == [
        "Присутствовали: 12 из 15 членов; кворум имеется, решения могут приниматься."
    ]
    assert "Установленное число" not in text  # the roster size is in the sentence
    assert _starting(lines, "Очно: ") == ["Очно: " + ", ".join(SAMPLE.present)]
    assert _starting(lines, "Отсутствовали: ") == [
        "Отсутствовали: Николаева Ю. Б., Орлова К. Е., Павлов Р. Т."
    ]
    assert _starting(lines, "По опросному") == []
    assert _starting(lines, "Приглашённые") == []
    assert "Участвовали" not in text
    assert SAMPLE.quorum_text not in text


def test_every_list_of_a_hybrid_meeting_in_its_own_paragraph() -> None:
    lines = _lines(render_protocol(RICH))
    assert "Очно: Андреева А. А., O'Брайен Д. <гость>" in lines
    assert "По опросному листу: Белов Б. Б., Волкова В. В." in lines
    assert "На бумажном опросном листе: Гусев Г. Г." in lines
    assert "Отсутствовали: Денисова Д. Д." in lines
    assert "Приглашённые: Ершова Е. Е. (ЛОИРО)" in lines
    assert RICH.attendance in lines
    # No city: the line after the date is the correction's note, which stands under the
    # heading; no place: no «Место проведения».
    dated = lines.index("20.03.2027\t№ 5/2027")
    assert lines[dated + 1 : dated + 3] == [
        RICH.version_note,
        "Заместитель председателя — Ж. Ж. Жуков. Секретарь — З. З. Зуева.",
    ]
    assert _starting(lines, "Место") == []


def test_agenda_then_each_item_heard_spoken_decided_and_voted() -> None:
    lines = _lines(render_protocol(SAMPLE))
    agenda = lines.index("ПОВЕСТКА ДНЯ:")
    titles = [f"{item.number}. {item.title}" for item in SAMPLE.items]
    assert lines[agenda + 1 : agenda + 4] == titles
    first = lines.index(titles[0], agenda + 4)
    second = lines.index(titles[1], first)
    assert lines[first:second] == [
        titles[0],
        "СЛУШАЛИ: Иванову М. П., председателя методического совета — "
        "о проекте плана работы на 2027 год.",
        "ВЫСТУПИЛИ: Борисов И. С. предложил добавить семинар для молодых педагогов.",
        "РЕШИЛИ: Утвердить план работы методического совета на 2027 год с дополнением.",
        "Голосовали: За — 9, Против — 2, Воздержались — 1.",
        "Решение принято.",
    ]
    # Nobody spoke on the second item: no empty «ВЫСТУПИЛИ».
    third = lines.index(titles[2], second)
    assert _starting(lines[second:third], "ВЫСТУПИЛИ") == []


def test_an_item_for_information_has_no_vote() -> None:
    lines = _lines(render_protocol(SAMPLE))
    information = lines.index("3. Информация об итогах аттестации педагогических работников", 20)
    end = lines.index(next(line for line in lines if line.startswith("Председатель\t")))
    assert lines[information + 1 : end] == [
        "СЛУШАЛИ: Козлову С. Г., методиста — об итогах: аттестацию прошли 27 педагогов.",
        "РЕШИЛИ: Информацию принять к сведению.",
        "Для сведения.",
    ]


def test_missing_speaker_and_texts_leave_no_empty_labels() -> None:
    lines = _lines(render_protocol(RICH))
    assert "СЛУШАЛИ: о ходе работ" in lines
    assert "СЛУШАЛИ: Андрееву А. А." in lines
    # A multi-line decision keeps its lines (a line break inside one paragraph).
    assert "РЕШИЛИ: 1. Продолжить работу.\n2. Отчитаться в мае." in lines
    assert "Голосовали: За — 3, Против — 1, Воздержались — 1." in lines
    assert len(_starting(lines, "РЕШИЛИ")) == 1
    assert len(_starting(lines, "Голосовали")) == 1


def test_signature_lines_and_the_draft_mark() -> None:
    draft = _lines(render_protocol(SAMPLE))
    assert "Председатель\t______________\tМ. П. Иванова" in draft
    assert "Секретарь\t______________\tО. А. Васильева" in draft
    assert draft.count("ПРОЕКТ") == 1
    assert _starting(draft, "Подписан") == []

    signed = _lines(render_protocol(RICH))
    assert "ПРОЕКТ" not in signed
    assert "Заместитель председателя\t______________\tЖ. Ж. Жуков" in signed
    assert signed[-1] == RICH.signed
    assert RICH.version_note is not None
    assert signed.count(RICH.version_note) == 1


def test_special_characters_stay_text() -> None:
    lines = _lines(render_protocol(RICH))
    assert lines[0] == "МОУ «Средняя школа № 4» & Co <филиал>"
    title = 'О программе "Точка роста" & {{ not a tag }}'
    assert lines.count(f"1. {title}") == 2
    # A control character from a chat message is dropped, not written into the XML.
    assert "ВЫСТУПИЛИ: Белов Б. Б.: «Согласен»" in lines


def test_page_is_a4_with_gost_margins_in_times_new_roman() -> None:
    document = _open(render_protocol(SAMPLE))
    section = document.sections[0]
    expected = {
        "page_width": Cm(21),
        "page_height": Cm(29.7),
        "left_margin": Cm(3),
        "right_margin": Cm(1.5),
        "top_margin": Cm(2),
        "bottom_margin": Cm(2),
    }
    for name, length in expected.items():
        actual = getattr(section, name)
        assert isinstance(actual, Length)
        assert abs(actual - length) < Cm(0.01), name
    font = document.styles["Normal"].font
    assert font.name == "Times New Roman"
    assert font.size == Pt(14)
    assert all(
        run.font.name in {None, "Times New Roman"} for p in document.paragraphs for run in p.runs
    )


def test_an_organisation_template_is_used_when_given() -> None:
    template = _template(
        "Протокол заседания № {{ number }} ({{ body }})",
        "{%p for item in items %}",
        "Вопрос {{ item.number }}: {{ item.title }}",
        "{%p endfor %}",
    )
    assert _lines(render_protocol(SAMPLE, template)) == [
        "Протокол заседания № 3 (Методический совет)",
        *(f"Вопрос {item.number}: {item.title}" for item in SAMPLE.items),
    ]


def test_a_template_written_before_attendance_was_one_sentence_still_renders() -> None:
    template = _template(
        "ПРОТОКОЛ № {{ number }}",
        "Участвовали: {{ participants }} из {{ roster }}. {{ quorum_text }}",
        "{%p for item in items %}",
        "{{ item.number }}. {{ item.title }}",
        "{%p endfor %}",
    )
    validate_template(template)
    assert f"Участвовали: 12 из 15. {SAMPLE.quorum_text}" in _lines(
        render_protocol(SAMPLE, template)
    )


# --- the выписка ------------------------------------------------------------------------------


def test_an_extract_shows_only_the_chosen_item() -> None:
    signed = replace(SAMPLE, signed="Подписан: М. П. Иванова, 20.03.2027 10:15")
    lines = _lines(render_extract(signed, 2))
    text = "\n".join(lines)
    assert lines[:6] == [
        "МКУ «Информационно-методический центр» Лужского района",
        "Методический совет",
        "ВЫПИСКА ИЗ ПРОТОКОЛА",
        "11.03.2027\t№ 3",
        "г. Луга",
        "Председатель — М. П. Иванова. Секретарь — О. А. Васильева.",
    ]
    assert _starting(lines, "Присутствовали") == [SAMPLE.attendance]
    assert SAMPLE.items[1].title in text
    assert SAMPLE.items[0].title not in text
    assert SAMPLE.items[2].title not in text
    assert "РЕШИЛИ: Одобрить положение о конкурсе и состав жюри." in lines
    assert "Голосовали: За — 12, Против — 0, Воздержались — 0." in lines
    # Names of members appear only in the signatures: the extract counts, it does not list.
    assert "Алексеева Н. В." not in text
    certified = lines.index("Выписка верна.")
    assert lines[certified + 1] == "Секретарь\t______________\tО. А. Васильева"
    assert "Председатель\t______________\tМ. П. Иванова" in lines[:certified]


def test_an_extract_of_an_information_item_has_no_vote() -> None:
    lines = _lines(render_extract(RICH, 2))
    assert "Вопрос № 2 повестки дня: Разное" in lines
    assert _starting(lines, "Голосовали") == []
    assert RICH.attendance in lines
    assert "Гусев Г. Г." not in "\n".join(lines)


def test_an_extract_of_an_item_not_on_the_agenda_is_a_bug() -> None:
    with pytest.raises(ValueError, match="no agenda item number 9"):
        render_extract(SAMPLE, 9)


# --- uploaded templates -----------------------------------------------------------------------


def test_the_shipped_template_is_accepted() -> None:
    validate_template((SHIPPED / "protocol.docx").read_bytes())


def test_a_file_that_is_not_a_docx_is_refused() -> None:
    assert _refusal(os.urandom(2048)).key == "template-error-not-docx"
    assert _refusal(b"").key == "template-error-not-docx"


def test_a_jinja_syntax_error_is_refused_with_its_message() -> None:
    refusal = _refusal(_template("ПРОТОКОЛ № {{ number", "{{ items }}"))
    assert refusal.key == "template-error-syntax"
    detail = refusal.params["detail"]
    assert isinstance(detail, str)
    assert 0 < len(detail) <= 200


def test_a_template_that_fails_to_render_is_refused() -> None:
    refusal = _refusal(_template("ПРОТОКОЛ № {{ number }}", "{{ nonexistent.attr.deep }}"))
    assert refusal.key == "template-error-render"
    assert "nonexistent" in str(refusal.params["detail"])


def test_a_template_cannot_reach_python_internals() -> None:
    refusal = _refusal(_template("{{ number }}", "{{ number.__class__.__mro__ }}"))
    assert refusal.key == "template-error-render"


def test_a_template_that_ignores_the_data_is_refused() -> None:
    assert _refusal(_template("ПРОТОКОЛ", "Заседание совета")).key == "template-error-missing"
    # The number alone is not enough: the agenda must be there too.
    assert _refusal(_template("ПРОТОКОЛ № {{ number }}")).key == "template-error-missing"


def test_the_shipped_templates_are_what_the_script_builds(tmp_path: Path) -> None:
    build_templates.build_protocol().save(tmp_path / "protocol.docx")
    build_templates.build_extract().save(tmp_path / "extract.docx")
    for name in ("protocol.docx", "extract.docx"):
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name
