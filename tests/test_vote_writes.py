"""Votes are written one way (storage.voting.store_votes), whether pressed on a ballot or
entered from a paper one: the answer kept with its source, and each in the vote log."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.domain.meetings import MeetingForm
from bot.domain.voting import Choice, Source
from storage import meetings, voting
from storage.db import Database
from storage.schema import vote_log, votes
from tests.factories import NOW, council, member, person


async def test_a_pressed_vote_a_change_and_a_paper_vote_are_logged_as_such(db: Database) -> None:
    setup = await council(db, coordinator_id=1, secretary_id=2)
    voter = await person(db, "Орлова Галина Фёдоровна", telegram_id=None)
    await member(db, setup.body, voter)
    async with db.transaction() as conn:
        meeting = await meetings.create_meeting(
            conn,
            body_id=setup.body.id,
            form=MeetingForm.ABSENTEE,
            starts_at=NOW + timedelta(days=10),
            vote_deadline=NOW + timedelta(days=9),
            place=None,
            extraordinary=False,
            short_notice_confirmed_by=None,
            created_by=setup.secretary.id,
            now=NOW,
        )
        item = await meetings.add_item(
            conn,
            meeting_id=meeting.id,
            title="О плане работы",
            speaker=None,
            needs_decision=True,
            proposal_id=None,
            now=NOW,
        )

    def cast(
        choice: Choice,
        previous: Choice | None,
        source: Source = Source.TELEGRAM,
        actor_id: int | None = None,
    ) -> voting.CastVote:
        return voting.CastVote(
            meeting_id=meeting.id,
            item_id=item.id,
            person_id=voter.id,
            choice=choice,
            previous=previous,
            source=source,
            actor_id=actor_id,
        )

    async with db.transaction() as conn:
        await voting.store_votes(conn, [cast(Choice.FOR, None)], now=NOW)
        await voting.store_votes(conn, [cast(Choice.AGAINST, Choice.FOR)], now=NOW)
        paper = cast(Choice.ABSTAIN, Choice.AGAINST, Source.PAPER, setup.secretary.id)
        await voting.store_votes(conn, [paper], now=NOW)
    async with db.read() as conn:
        kept = (await conn.execute(select(votes.c.choice, votes.c.source))).all()
        logged = (
            await conn.execute(
                select(vote_log.c.action, vote_log.c.source, vote_log.c.actor_id).order_by(
                    vote_log.c.id
                )
            )
        ).all()
    assert [tuple(row) for row in kept] == [("abstain", "paper")]
    assert [tuple(row) for row in logged] == [
        ("vote", "telegram", voter.id),
        ("change", "telegram", voter.id),
        ("paper", "paper", setup.secretary.id),
    ]
