"""How an опросный лист and a meeting's result read, in the bot's messages and notices."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.clock import local_time
from bot.domain.meetings import MeetingForm
from bot.domain.records import Body, Meeting
from bot.domain.results import Results
from bot.domain.voting import Choice
from bot.services.ports import Texts
from bot.services.voting import BallotView
from bot.views.texts import when

# Short codes keep the button data small: Telegram allows 64 bytes.
CODES = {"f": Choice.FOR, "a": Choice.AGAINST, "x": Choice.ABSTAIN}
CHOICE_CODES = {choice: code for code, choice in CODES.items()}


class BallotAction(StrEnum):
    VOTE = "vote"
    SIGN = "sign"
    SHOW = "show"


class BallotCb(CallbackData, prefix="bl"):
    action: BallotAction
    ballot: int
    item: int = 0
    choice: str = ""  # f | a | x


def supplementary_message(
    texts: Texts, view: BallotView
) -> tuple[str, InlineKeyboardMarkup | None]:
    """For a member who signed before a question was added: a supplementary ballot of the
    questions still unanswered alone; the signed answers stand and are not shown as open."""
    new = [item for item in view.items if item.id not in view.answers]
    if not view.signed or not new:
        return ballot_message(texts, view)
    meeting, body = view.meeting, view.body
    lines = [
        texts.get(
            "ballot-supplement-title",
            body=body.name,
            when=when(texts, meeting.starts_at, body.timezone, form="when"),
        ),
        texts.get("ballot-supplement-signed", count=len(view.answers)),
        "",
    ]
    lines += [
        texts.get("notice-agenda-item", number=item.position, title=item.title) for item in new
    ]
    supplement = replace(view, items=new)
    _, markup = ballot_message(texts, supplement)
    return "\n".join(lines), markup


def ballot_message(texts: Texts, view: BallotView) -> tuple[str, InlineKeyboardMarkup | None]:
    meeting, body = view.meeting, view.body
    lines = [
        texts.get(
            "ballot-title",
            body=body.name,
            when=when(texts, meeting.starts_at, body.timezone, form="when"),
        ),
    ]
    if meeting.vote_deadline is not None:
        lines.append(
            texts.get("ballot-deadline", deadline=local_time(meeting.vote_deadline, body.timezone))
        )
    lines.append("")
    for item in view.items:
        lines.append(texts.get("notice-agenda-item", number=item.position, title=item.title))
        answer = view.answers.get(item.id)
        lines.append(
            texts.get("ballot-answer", choice=texts.get(f"choice-{answer.value}"))
            if answer
            else texts.get("ballot-no-answer")
        )
    if view.closed:
        lines.append(texts.get("ballot-closed"))
    elif view.in_room:
        lines.append(texts.get("ballot-in-room"))
    elif view.ballot.signed_at is not None:
        lines.append(
            texts.get("ballot-signed", at=local_time(view.ballot.signed_at, body.timezone))
        )
        if body.rules.revote:
            lines.append(texts.get("ballot-revote"))
    else:
        lines.append(texts.get("ballot-how"))
    if view.closed or view.in_room:
        return "\n".join(lines), None
    rows: list[list[InlineKeyboardButton]] = []
    for item in view.items:
        if not view.may_change(item.id):
            continue
        row = []
        for choice in Choice:
            mark = "✅ " if view.answers.get(item.id) is choice else ""
            label = texts.get(f"choice-short-{choice.value}")
            data = BallotCb(
                action=BallotAction.VOTE,
                ballot=view.ballot.id,
                item=item.id,
                choice=CHOICE_CODES[choice],
            )
            row.append(
                InlineKeyboardButton(
                    text=f"{mark}{item.position} · {label}", callback_data=data.pack()
                )
            )
        rows.append(row)
    if view.ballot.signed_at is None:
        sign = BallotCb(action=BallotAction.SIGN, ballot=view.ballot.id)
        rows.append(
            [InlineKeyboardButton(text=texts.get("ballot-sign"), callback_data=sign.pack())]
        )
    kb = InlineKeyboardBuilder(markup=rows)
    return "\n".join(lines), kb.as_markup() if rows else None


def results_lines(
    texts: Texts, meeting: Meeting, body: Body, results: Results, *, named: bool
) -> list[str]:
    """The result with both lines and their numbers; `named` adds who voted how (4.9)."""
    lines = [
        texts.get(
            "results-title",
            body=body.name,
            when=when(texts, meeting.starts_at, body.timezone, form="when"),
        ),
        texts.get(
            "results-quorum",
            participants=results.participants,
            roster=results.roster,
            needed=results.quorum_needed,
            valid="yes" if results.valid else "no",
        ),
        texts.get(
            "results-decisions",
            needed=results.decision_needed,
            may="yes" if results.may_decide else "no",
        ),
    ]
    ways = results.ways
    if meeting.form is MeetingForm.HYBRID and ways is not None:
        lines.append(texts.get("results-ways", in_room=ways[0], by_ballot=ways[1]))
    for item in results.items:
        lines.append(texts.get("notice-agenda-item", number=item.position, title=item.title))
        if item.voted:
            lines.append(
                texts.get(
                    "results-tally",
                    votes_for=item.for_,
                    against=item.against,
                    abstain=item.abstain,
                )
            )
        lines.append(texts.get(f"verdict-{item.verdict.value}"))
    if named:
        positions = {item.item_id: item.position for item in results.items}
        lines.append(texts.get("results-named"))
        lines.extend(
            texts.get(
                "results-named-line",
                number=positions.get(vote.item_id, 0),
                name=vote.name,
                choice=texts.get(f"choice-{vote.choice.value}"),
                source=texts.get(f"source-{vote.source.value}"),
            )
            for vote in results.named
        )
        for item_id, (votes_for, against, abstain) in results.room.items():
            lines.append(
                texts.get(
                    "results-room-line",
                    number=positions.get(item_id, 0),
                    votes_for=votes_for,
                    against=against,
                    abstain=abstain,
                )
            )
    return lines
