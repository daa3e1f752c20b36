"""The протокол (clause 4.10): drafted from what the bot knows, completed by the secretary,
signed by the chair (or the deputy when the chair is absent), sent to every member and guest;
corrected only as a new version; extracts for one item; the archive."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.documents.names import accusative, listed
from bot.documents.names import signed as signature_name
from bot.documents.protocol import (
    ItemMinutes,
    ProtocolData,
    render_extract,
    render_protocol,
    validate_template,
)
from bot.domain.clock import Clock, local_date, local_time
from bot.domain.errors import AccessDenied, Conflict, NotFound, ValidationError
from bot.domain.meetings import MeetingForm, MeetingStatus, NoticeKind
from bot.domain.model import Role
from bot.domain.records import AgendaItem, Body, Meeting, Minutes, Person, present
from bot.domain.results import Results
from bot.domain.voting import Source
from bot.services.access import Actor, require_body_manager, require_coordinator
from bot.services.ports import NoticeScheduler, Texts
from bot.services.voting import participation
from storage import bodies, meetings, notices, organisations, people, voting
from storage import minutes as minutes_store
from storage.db import Database

FIELDS = ("heard", "spoke", "decided")  # СЛУШАЛИ, ВЫСТУПИЛИ, РЕШИЛИ
MAX_TEXT = 3000
PROTOCOL = "protocol"


@dataclass(frozen=True, slots=True)
class MinutesView:
    minutes: Minutes
    meeting: Meeting
    body: Body
    agenda: list[AgendaItem]

    def text(self, item_id: int, field: str) -> str:
        return self.minutes.texts.get(str(item_id), {}).get(field, "")


@dataclass(frozen=True, slots=True)
class Document:
    filename: str
    content: bytes


class MinutesService:
    def __init__(
        self, db: Database, clock: Clock, scheduler: NoticeScheduler, texts: Texts
    ) -> None:
        self._db = db
        self._clock = clock
        self._scheduler = scheduler
        self._texts = texts  # the document's language: an official протокол is in Russian

    async def _meeting(self, conn: AsyncConnection, meeting_id: int) -> tuple[Meeting, Body]:
        meeting = await meetings.get_meeting(conn, meeting_id)
        if meeting is None:
            raise NotFound("meeting-error-not-found")
        return meeting, present(await bodies.get_body(conn, meeting.body_id), "body")

    async def _view(self, conn: AsyncConnection, record: Minutes) -> MinutesView:
        meeting, body = await self._meeting(conn, record.meeting_id)
        return MinutesView(record, meeting, body, await meetings.agenda(conn, meeting.id))

    async def _reload(self, conn: AsyncConnection, minutes_id: int) -> MinutesView:
        """The протокол as it is now, after a change in this transaction."""
        return await self._view(
            conn, present(await minutes_store.get(conn, minutes_id), "minutes")
        )

    async def _managed(self, conn: AsyncConnection, actor: Actor, minutes_id: int) -> Minutes:
        record = await minutes_store.get(conn, minutes_id)
        if record is None:
            raise NotFound("minutes-error-not-found")
        await require_body_manager(conn, actor, record.body_id)
        return record

    async def open(self, actor: Actor, meeting_id: int) -> MinutesView:
        """The протокол of a closed meeting; its first draft is made here, numbered."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            meeting, body = await self._meeting(conn, meeting_id)
            await require_body_manager(conn, actor, body.id)
            if meeting.status is MeetingStatus.CANCELLED:
                raise Conflict("meeting-error-cancelled")
            if meeting.closed_at is None or meeting.results is None:
                raise Conflict("minutes-error-not-closed")
            await minutes_store.lock_body(conn, body.id)  # opened twice at once: one draft
            record = await minutes_store.latest_of(conn, meeting.id)
            if record is None:
                year = meeting.starts_at.astimezone(body.zone).year
                record = await minutes_store.create(
                    conn,
                    meeting_id=meeting.id,
                    body_id=body.id,
                    year=year,
                    number=None,
                    version=1,
                    texts={},
                    reason=None,
                    now=now,
                )
            return await self._view(conn, record)

    async def view(self, actor: Actor, minutes_id: int) -> MinutesView:
        async with self._db.read() as conn:
            return await self._view(conn, await self._managed(conn, actor, minutes_id))

    async def draft(self, actor: Actor, minutes_id: int) -> MinutesView:
        """A протокол still being written; an old «✏️» button on one sent for signature or
        signed is refused at the press, not after everything is typed."""
        async with self._db.read() as conn:
            record = await self._managed(conn, actor, minutes_id)
            if record.status != "draft":
                raise Conflict("minutes-error-not-draft")
            return await self._view(conn, record)

    async def document_for_signature(self, minutes_id: int) -> Document:
        """The current draft's document, for the message that asks for a signature."""
        async with self._db.read() as conn:
            record = present(await minutes_store.get(conn, minutes_id), "minutes")
            return await self._document(conn, record)

    async def items_of_signed(self, actor: Actor, meeting_id: int) -> list[tuple[int, str]]:
        """The items of the signed протокол an extract can be made of."""
        async with self._db.read() as conn:
            meeting, body = await self._meeting(conn, meeting_id)
            await self._member_or_coordinator(conn, actor, body)
            if await minutes_store.signed_of(conn, meeting.id) is None:
                raise Conflict("minutes-error-not-signed")
            return [
                (item.position, item.title) for item in await meetings.agenda(conn, meeting.id)
            ]

    async def set_text(
        self, actor: Actor, minutes_id: int, item_id: int, field: str, text: str
    ) -> MinutesView:
        if field not in FIELDS:
            raise ValidationError("error-stale-button")
        text = text.strip()
        if text == "-":
            text = ""
        if len(text) > MAX_TEXT:
            raise ValidationError("minutes-error-too-long", max=MAX_TEXT)
        async with self._db.transaction() as conn:
            record = await self._managed(conn, actor, minutes_id)
            view = await self._view(conn, record)
            if item_id not in {item.id for item in view.agenda}:
                raise NotFound("minutes-error-not-found")
            texts = {key: dict(value) for key, value in record.texts.items()}
            texts.setdefault(str(item_id), {})[field] = text
            if not await minutes_store.set_texts(conn, record.id, texts):
                raise Conflict("minutes-error-not-draft")
            return await self._reload(conn, record.id)

    async def preview(self, actor: Actor, minutes_id: int) -> Document:
        async with self._db.read() as conn:
            record = await self._managed(conn, actor, minutes_id)
            return await self._document(conn, record)

    async def _document(self, conn: AsyncConnection, record: Minutes) -> Document:
        meeting, body = await self._meeting(conn, record.meeting_id)
        data = await self._data(conn, record, meeting, body)
        template = await minutes_store.template(conn, body.organisation_id, PROTOCOL)
        return Document(self._filename(record, body), render_protocol(data, template))

    def _filename(self, record: Minutes, body: Body, *, extract: int | None = None) -> str:
        version = f"-v{record.version}" if record.version > 1 else ""
        kind = f"extract-{extract}" if extract else "protocol"
        return f"{kind}-{record.number}-{record.year}{version}.docx"

    async def _people(self, conn: AsyncConnection, body: Body) -> dict[Role, list[Person]]:
        by_role: dict[Role, list[Person]] = {}
        for entry in await bodies.roster(conn, body.id):
            by_role.setdefault(entry.membership.role, []).append(entry.person)
        return by_role

    async def _data(
        self, conn: AsyncConnection, record: Minutes, meeting: Meeting, body: Body
    ) -> ProtocolData:
        """Everything the протокол says, from the meeting, its votes and the secretary's texts."""
        texts = self._texts
        results = meeting.results
        organisation = present(
            await organisations.get_organisation(conn, body.organisation_id), "organisation"
        )
        frozen = await voting.voters_of(conn, meeting.id)
        names = {
            p: listed(present(await people.get_person(conn, p), "person").full_name)
            for p in frozen
        }
        signed = {
            b.person_id: b.source for b in await voting.ballots_of(conn, meeting.id) if b.signed_at
        }
        taking_part = await participation(conn, meeting)
        in_room = taking_part.in_room  # present without a signed ballot: they voted there
        took_part = taking_part.participants
        roles = await self._people(conn, body)
        chair = (roles.get(Role.DEPUTY) if record.chair_absent else roles.get(Role.CHAIR)) or []
        chair_title = "protocol-deputy" if record.chair_absent else "protocol-chair"
        signed_line = None
        if record.signed_at is not None and record.signed_by is not None:
            signer = present(await people.get_person(conn, record.signed_by), "person")
            chair = [signer]
            chair_title = (
                "protocol-deputy" if record.signed_as == Role.DEPUTY.value else "protocol-chair"
            )
            signed_line = texts.get(
                "protocol-signed",
                name=signature_name(signer.full_name),
                at=local_time(record.signed_at, body.timezone),
            )
        speakers = {
            item.id: accusative(item.speaker) if item.speaker else None
            for item in await meetings.agenda(conn, meeting.id)
        }
        items = []
        for item in results.items if results is not None else []:
            voted = item.voted
            own = record.texts.get(str(item.item_id), {})
            items.append(
                ItemMinutes(
                    number=item.position,
                    title=item.title,
                    speaker=speakers.get(item.item_id),
                    heard=own.get("heard", ""),
                    spoke=own.get("spoke", ""),
                    decided=own.get("decided", ""),
                    needs_decision=voted,
                    votes_for=item.for_ if voted else None,
                    votes_against=item.against if voted else None,
                    votes_abstain=item.abstain if voted else None,
                    verdict=texts.get(f"verdict-{item.verdict.value}"),
                )
            )
        local = meeting.starts_at.astimezone(body.zone)
        return ProtocolData(
            organisation=organisation.name,
            body=body.name,
            number=str(record.number),
            date=local.strftime("%d.%m.%Y"),
            time=local.strftime("%H:%M"),
            city=organisation.city,
            form=texts.get(f"form-{meeting.form.value}"),
            place=meeting.place,
            roster=len(frozen) if results is None else results.roster,
            present=sorted(names[p] for p in in_room if p in names),
            ballot=sorted(names[p] for p, s in signed.items() if s is Source.TELEGRAM),
            paper=sorted(names[p] for p, s in signed.items() if s is Source.PAPER),
            absent=sorted(names[p] for p in frozen if p not in took_part),
            guests=sorted(listed(p.full_name) for p in roles.get(Role.GUEST, [])),
            participants=len(took_part) if results is None else results.participants,
            quorum_text=self._quorum_text(meeting, results),
            items=items,
            chair_title=texts.get(chair_title),
            chair_name=signature_name(chair[0].full_name) if chair else "",
            secretary_name=", ".join(
                signature_name(p.full_name) for p in roles.get(Role.SECRETARY, [])[:1]
            ),
            signed=signed_line,
            version_note=None
            if record.version == 1
            else texts.get(
                "protocol-version",
                version=record.version,
                date=local_date(record.signed_at or self._clock.now(), body.timezone),
                reason=record.reason or "",
            ),
            attendance=self._attendance(meeting, results),
        )

    def _attendance(self, meeting: Meeting, results: Results | None) -> str:
        """How many took part, once and in the past tense, and whether that was a quorum; in a
        hybrid meeting also how it was counted (4.6)."""
        text = self._texts.get(
            "protocol-attendance",
            form=meeting.form.value,
            participants=0 if results is None else results.participants,
            roster=0 if results is None else results.roster,
            valid="yes" if results is not None and results.valid else "no",
            may="yes" if results is not None and results.may_decide else "no",
        )
        return self._with_ways(text, meeting, results)

    def _quorum_text(self, meeting: Meeting, results: Results | None) -> str:
        """The quorum sentence; in a hybrid meeting also how it was counted (4.6): those in
        the room and those by опросный лист together, each member once."""
        text = self._texts.get(
            "protocol-quorum",
            participants=0 if results is None else results.participants,
            roster=0 if results is None else results.roster,
            quorum_needed=0 if results is None else results.quorum_needed,
            decision_needed=0 if results is None else results.decision_needed,
            valid="yes" if results is not None and results.valid else "no",
            may="yes" if results is not None and results.may_decide else "no",
        )
        return self._with_ways(text, meeting, results)

    def _with_ways(self, text: str, meeting: Meeting, results: Results | None) -> str:
        ways = None if results is None else results.ways
        if meeting.form is not MeetingForm.HYBRID or ways is None:
            return text
        in_room, by_ballot = ways
        return f"{text} {self._texts.get('protocol-ways', in_room=in_room, by_ballot=by_ballot)}"

    async def submit(self, actor: Actor, minutes_id: int) -> tuple[MinutesView, Person]:
        """The secretary sends the draft for signature: to the chair, or to the deputy when
        the chair has said they are absent."""
        async with self._db.transaction() as conn:
            record = await self._managed(conn, actor, minutes_id)
            view = await self._view(conn, record)
            signer = await self._signer(conn, view.body, record)
            if not await minutes_store.move(
                conn, record.id, from_="draft", to="review", returned_comment=None
            ):
                raise Conflict("minutes-error-not-draft")
            return await self._reload(conn, record.id), signer

    async def _signer(self, conn: AsyncConnection, body: Body, record: Minutes) -> Person:
        roles = await self._people(conn, body)
        role = Role.DEPUTY if record.chair_absent else Role.CHAIR
        found = roles.get(role)
        if not found:
            raise Conflict("minutes-error-no-signer", role=self._texts.get(f"role-{role.value}"))
        return found[0]

    async def review(self, actor: Actor, minutes_id: int) -> tuple[MinutesView, Document]:
        """What the chair or deputy sees before signing: the draft and its document."""
        async with self._db.read() as conn:
            record, view = await self._for_signer(conn, actor, minutes_id)
            return view, await self._document(conn, record)

    async def _for_signer(
        self, conn: AsyncConnection, actor: Actor, minutes_id: int
    ) -> tuple[Minutes, MinutesView]:
        person = actor.require_person()
        record = await minutes_store.get(conn, minutes_id)
        if record is None:
            raise NotFound("minutes-error-not-found")
        view = await self._view(conn, record)
        membership = await bodies.active_membership(
            conn, body_id=record.body_id, person_id=person.id
        )
        needed = Role.DEPUTY if record.chair_absent else Role.CHAIR
        if membership is None or membership.role is not needed:
            raise AccessDenied("minutes-error-not-signer")
        return record, view

    async def chair_absent(self, actor: Actor, minutes_id: int) -> tuple[MinutesView, Person]:
        """The chair says they are absent: the deputy signs instead (4.2)."""
        async with self._db.transaction() as conn:
            record, view = await self._for_signer(conn, actor, minutes_id)
            if record.status != "review" or record.chair_absent:
                raise Conflict("minutes-error-not-review")
            await minutes_store.move(
                conn, record.id, from_="review", to="review", chair_absent=True
            )
            updated = present(await minutes_store.get(conn, record.id), "minutes")
            deputy = await self._signer(conn, view.body, updated)
            return await self._view(conn, updated), deputy

    async def sign(self, actor: Actor, minutes_id: int) -> MinutesView:
        """Signs: records who and when, locks the протокол, keeps its document, and sends it to
        every member and guest; a correction supersedes the version before it."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            record, _ = await self._for_signer(conn, actor, minutes_id)
            if record.status != "review":
                raise Conflict("minutes-error-not-review")
            role = Role.DEPUTY if record.chair_absent else Role.CHAIR
            signed = record.model_copy(
                update={
                    "signed_by": actor.require_person().id,
                    "signed_as": role.value,
                    "signed_at": now,
                }
            )
            document = await self._document(conn, signed)
            previous = await minutes_store.signed_of(conn, record.meeting_id)
            if previous is not None:
                await minutes_store.move(conn, previous.id, from_="signed", to="superseded")
            if not await minutes_store.move(
                conn,
                record.id,
                from_="review",
                to="signed",
                signed_by=signed.signed_by,
                signed_as=signed.signed_as,
                signed_at=now,
                document=document.content,
            ):
                raise Conflict("minutes-error-not-review")
            await notices.cancel_pending(
                conn,
                record.meeting_id,
                [
                    NoticeKind.MINUTES_REMINDER,
                    NoticeKind.MINUTES_LAST_CALL,
                    NoticeKind.MINUTES_OVERDUE,
                ],
            )
            notice = await notices.add_notice(
                conn,
                meeting_id=record.meeting_id,
                kind=NoticeKind.MINUTES,
                due_at=now,
                now=now,
                details={"minutes": record.id},
            )
            done = await self._reload(conn, record.id)
        self._scheduler.arm(notice.id, notice.due_at)
        return done

    async def send_back(
        self, actor: Actor, minutes_id: int, comment: str
    ) -> tuple[MinutesView, list[Person]]:
        """«Вернуть на доработку»: back to the secretary with the signer's comment."""
        comment = " ".join(comment.split())[:500]
        async with self._db.transaction() as conn:
            record, view = await self._for_signer(conn, actor, minutes_id)
            if not await minutes_store.move(
                conn, record.id, from_="review", to="draft", returned_comment=comment or None
            ):
                raise Conflict("minutes-error-not-review")
            secretaries = (await self._people(conn, view.body)).get(Role.SECRETARY, [])
            return await self._reload(conn, record.id), secretaries

    async def require_corrector(self, actor: Actor, meeting_id: int) -> None:
        """Refuses, before the reason is asked, anyone who may not correct this протокол."""
        async with self._db.read() as conn:
            _, body = await self._meeting(conn, meeting_id)
            await require_body_manager(conn, actor, body.id)

    async def require_template_editor(self, actor: Actor, organisation_id: int) -> None:
        """Only a coordinator replaces the organisation's template."""
        async with self._db.read() as conn:
            await require_coordinator(conn, actor, organisation_id)

    async def correct(self, actor: Actor, meeting_id: int, reason: str) -> MinutesView:
        """A signed протокол is never edited: a correction is a new version with its reason."""
        reason = " ".join(reason.split())
        if not 3 <= len(reason) <= 500:
            raise ValidationError("minutes-error-reason")
        now = self._clock.now()
        async with self._db.transaction() as conn:
            meeting, body = await self._meeting(conn, meeting_id)
            await require_body_manager(conn, actor, body.id)
            await minutes_store.lock_body(conn, body.id)  # two corrections at once: one
            latest = await minutes_store.latest_of(conn, meeting.id)
            if latest is None or latest.status != "signed":
                raise Conflict("minutes-error-not-signed")
            record = await minutes_store.create(
                conn,
                meeting_id=meeting.id,
                body_id=body.id,
                year=latest.year,
                number=latest.number,
                version=latest.version + 1,
                texts=latest.texts,
                reason=reason,
                now=now,
            )
            return await self._view(conn, record)

    async def _member_or_coordinator(
        self, conn: AsyncConnection, actor: Actor, body: Body
    ) -> None:
        person = actor.require_person()
        if await bodies.active_membership(conn, body_id=body.id, person_id=person.id):
            return
        await require_coordinator(conn, actor, body.organisation_id)

    async def signed_document(self, actor: Actor, minutes_id: int) -> Document:
        """A signed протокол as it was sent, for the archive."""
        async with self._db.read() as conn:
            record = await minutes_store.get(conn, minutes_id)
            if record is None or record.status not in {"signed", "superseded"}:
                raise NotFound("minutes-error-not-found")
            _, body = await self._meeting(conn, record.meeting_id)
            await self._member_or_coordinator(conn, actor, body)
            content = present(await minutes_store.document(conn, record.id), "document")
            return Document(self._filename(record, body), content)

    async def extract(self, actor: Actor, meeting_id: int, position: int) -> Document:
        """Выписка из протокола for one item of the signed протокол."""
        async with self._db.read() as conn:
            meeting, body = await self._meeting(conn, meeting_id)
            await self._member_or_coordinator(conn, actor, body)
            record = await minutes_store.signed_of(conn, meeting.id)
            if record is None:
                raise Conflict("minutes-error-not-signed")
            data = await self._data(conn, record, meeting, body)
            if position not in {item.number for item in data.items}:
                raise NotFound("minutes-error-not-found")
            # The organisation's own template is for the протокол; extracts use the shipped one.
            return Document(
                self._filename(record, body, extract=position), render_extract(data, position)
            )

    async def archive(self, actor: Actor) -> list[tuple[Minutes, Meeting, Body]]:
        """Signed протоколы of the person's bodies (a coordinator: of the whole organisation),
        the newest first."""
        person = actor.require_person()
        async with self._db.read() as conn:
            mine = {body.id: body for _, body in await bodies.memberships_of(conn, person.id)}
            for organisation in await organisations.coordinated_organisations(conn, person.id):
                mine |= {b.id: b for b in await bodies.list_bodies(conn, organisation.id)}
            found = []
            for record in await minutes_store.signed_of_bodies(conn, list(mine)):
                meeting = present(await meetings.get_meeting(conn, record.meeting_id), "meeting")
                found.append((record, meeting, mine[record.body_id]))
            return found

    async def set_template(self, actor: Actor, organisation_id: int, content: bytes) -> None:
        """An organisation's own template replaces the default only if it renders a sample."""
        validate_template(content)
        async with self._db.transaction() as conn:
            person = await require_coordinator(conn, actor, organisation_id)
            await minutes_store.set_template(
                conn,
                organisation_id=organisation_id,
                kind=PROTOCOL,
                content=content,
                by=person.id,
                now=self._clock.now(),
            )
