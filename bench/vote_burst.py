"""Vote burst: 500 members of an absentee meeting answer one question in the same second.

The bot sends every member their опросный лист (the BALLOT notice, due at once), then each
member presses «1 · За» on their own ballot as fast as the bench can post the presses. Measured:
the time from each press to its answered callback, votes recorded per second (from the vote
log's own timestamps) and presses answered per second; beside a baseline in this process
against a second fake: a bare aiogram dispatcher whose only handler answers the callback."""

from __future__ import annotations

import asyncio
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery

from bench import seed
from bench.fake import TimedTelegram, until
from bench.proc import BotProcess
from bench.report import Section, median, percentile
from bot.domain.meetings import MeetingForm, NoticeKind
from storage import voting
from tests import pg_server
from tests.fakegram import Message, UserInfo

VOTERS = 500
BUTTON = "1 · За"
P99_TARGET = 0.250
# What this machine holds, proposed where the target above is missed (see WHY_P99).
HELD_P99 = 0.600
HELD_RATE = 400.0
SHARES = (0.1, 0.25, 0.5, 0.75, 0.9, 1.0)
WINDOW = 1.0  # seconds over which the presses are spread: "within the same second"


@dataclass(frozen=True)
class Press:
    user: UserInfo
    message: Message
    data: str


@dataclass(frozen=True)
class Burst:
    """When each press was posted and answered (monotonic seconds), and the wall time of the
    first press, to set against the database's timestamps."""

    pressed: dict[str, float]
    answered: dict[str, float]
    first_wall: datetime
    posting: float  # seconds the bench took to post every press

    @property
    def latencies(self) -> list[float]:
        return [self.answered[q] - at for q, at in self.pressed.items() if q in self.answered]

    @property
    def first(self) -> float:
        return min(self.pressed.values())

    def answered_per_second(self) -> float:
        if len(self.answered) < len(self.pressed):
            return 0.0
        return len(self.answered) / (max(self.answered.values()) - self.first)


def find_button(fake: TimedTelegram, chat_id: int, label: str) -> tuple[Message, str] | None:
    """The newest bot message in the chat with this button, and the button's data."""
    for message in reversed(fake.chat(chat_id).messages):
        if not message.from_bot or message.deleted:
            continue
        for row in message.inline_keyboard:
            for button in row:
                if str(button.get("text", "")).strip() == label and "callback_data" in button:
                    return message, str(button["callback_data"])
    return None


async def press_all(fake: TimedTelegram, presses: list[Press]) -> dict[str, float]:
    """Posts the presses evenly over WINDOW seconds (press i at i/n of it), the same schedule
    for the bot and the baseline; returns when each actually went in (later than planned when
    the event loop was busy, as it is for the in-process baseline)."""
    pressed: dict[str, float] = {}
    start = time.monotonic()
    for number, press in enumerate(presses):
        planned = start + WINDOW * number / len(presses)
        if (ahead := planned - time.monotonic()) > 0:
            await asyncio.sleep(ahead)
        query_id = fake.post_callback_query(press.user, press.message, press.data)
        pressed[query_id] = time.monotonic()
    return pressed


async def burst(fake: TimedTelegram, presses: list[Press], *, timeout: float) -> Burst:  # noqa: ASYNC109 - a bound
    first_wall = datetime.now(UTC)
    started = time.monotonic()
    pressed = await press_all(fake, presses)
    posting = time.monotonic() - started
    await until(lambda: all(q in fake.answered_at for q in pressed), timeout=timeout, tick=0.002)
    answered = {q: fake.answered_at[q] for q in pressed if q in fake.answered_at}
    return Burst(pressed, answered, first_wall, posting)


async def baseline(voters: int) -> Burst:
    """A bare aiogram dispatcher, polled in this process, whose one handler answers every
    callback query: what aiogram and the fake manage with no work behind a press."""
    async with TimedTelegram() as fake:
        presses = []
        for index in range(voters):
            person = fake.person(seed.FIRST_MEMBER_ID + index, f"Участница {index + 1}")
            message = fake.bot_message(person.id, "Опросный лист", [(BUTTON, f"bl:vote:{index}")])
            presses.append(Press(person.user, message, f"bl:vote:{index}"))
        bot = Bot(
            fake.token,
            session=AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url)),
        )
        dp = Dispatcher()

        @dp.callback_query()
        async def answer(query: CallbackQuery) -> None:
            await query.answer()

        polls = fake.polls_started
        task = asyncio.create_task(
            dp.start_polling(bot, handle_signals=False, polling_timeout=1, close_bot_session=True)
        )
        try:
            await fake.wait_until_polling(after=polls)
            return await burst(fake, presses, timeout=60)
        finally:
            await dp.stop_polling()
            await task


async def wait_for_ballots(
    fake: TimedTelegram,
    chat_ids: list[int],
    *,
    timeout: float,  # noqa: ASYNC109 - a bound
) -> dict[int, tuple[Message, str]]:
    found: dict[int, tuple[Message, str]] = {}
    deadline = time.monotonic() + timeout
    while len(found) < len(chat_ids):
        for chat_id in chat_ids:
            if chat_id not in found and (button := find_button(fake, chat_id, BUTTON)):
                found[chat_id] = button
        if time.monotonic() > deadline:
            break
        await asyncio.sleep(0.25)
    return found


async def run_on_postgresql(voters: int = VOTERS) -> Section:
    """The same burst with the bot on a throwaway PostgreSQL server (tests/pg_server.py)."""
    with pg_server.throwaway_server() as base_url:
        url = await pg_server.create_database(base_url, "bench")
        section = await run(voters, url=url, title=f"1b. Vote burst on PostgreSQL {_pg_version()}")
    section.notes.append(
        "The same bench with the bot's database on a PostgreSQL server started for it on this "
        "machine (its data in /tmp, fsync and synchronous_commit off, as for the tests): the "
        "bot's writes cross a TCP connection instead of SQLite's thread, and take no file "
        "lock. The findings and the proposed target are those of the SQLite run above."
    )
    return section


def _pg_version() -> str:
    pg_ctl = pg_server.find_pg_ctl()
    return "" if pg_ctl is None else pg_ctl.parent.parent.name


async def run(voters: int = VOTERS, *, url: str | None = None, title: str = "") -> Section:
    """On a SQLite file of its own, or on the database at `url` (empty)."""
    section = Section(
        f"{title or '1. Vote burst'}: {voters} ballots answered at once",
        f"{voters} members of an absentee meeting each press «{BUTTON}» on their own "
        f"опросный лист, the presses spread evenly over {WINDOW:g} s. Throughput: votes (or "
        "answers) divided by the time from the first press to the last vote recorded (or "
        f"answered), so at most about the offered {voters} a second. "
        "Latency: from posting a press to the fake to the bot's answerCallbackQuery. Baseline: "
        "a bare aiogram handler that only answers the callback, polled in the bench process "
        "against its own fake with flood control on.",
    )
    with tempfile.TemporaryDirectory(prefix="bench-vote-") as folder:
        workdir = Path(folder)
        url = url or f"sqlite+aiosqlite:///{workdir / 'bench.sqlite3'}"
        async with TimedTelegram() as fake:
            db = await seed.open_database(url)
            council = await seed.council(db, fake, voters)
            meeting = await seed.meeting(
                db,
                council,
                form=MeetingForm.ABSENTEE,
                starts_in=timedelta(days=3),
                due_now=(NoticeKind.BALLOT,),
            )
            bot = BotProcess("vote", fake, workdir, url)
            await bot.start()
            try:
                chat_ids = [m.telegram_id for m in council.members if m.telegram_id is not None]
                sent_at = time.monotonic()
                ballots = await wait_for_ballots(fake, chat_ids, timeout=30 + voters / 10)
                section.notes.append(
                    f"Setting up: {len(ballots)} ballots reached the members in "
                    f"{time.monotonic() - sent_at:.1f} s."
                )
                if len(ballots) < voters:
                    section.error = f"only {len(ballots)} of {voters} ballots arrived"
                    return section
                await asyncio.sleep(1.5)  # every chat's one-a-second window has passed
                presses = [Press(fake.users[chat_id], *ballots[chat_id]) for chat_id in chat_ids]
                flood_before = fake.flood_429_count
                measured = await burst(fake, presses, timeout=60 + voters / 10)
                await asyncio.sleep(1.0)
                floods = fake.flood_429_count - flood_before
                section.notes.append(edits_note(fake, measured))
                warnings = bot.warnings()
            finally:
                await bot.stop()
            async with db.read() as conn:
                recorded = await voting.votes_of(conn, meeting.id)
                log = [
                    row for row in await voting.log_of(conn, meeting.id) if row["action"] == "vote"
                ]
            await db.dispose()
    base = await baseline(voters)
    report(
        section,
        voters,
        measured,
        base,
        explain=title == "",
        recorded_people=[v.person_id for v in recorded],
        log_times=[row["at"] for row in log],
        log_people=[row["person_id"] for row in log],
    )
    section.notes.append(
        f"The bench posted the {voters} presses over {measured.posting * 1000:.0f} ms "
        f"(baseline: {base.posting * 1000:.0f} ms). The fake answered {floods} sends "
        f"with 429 during the burst; the bot logged {warnings} warnings."
    )
    return section


FINDINGS = (
    "**What was found and fixed** (py-spy on the bot during this bench, and a run with each "
    "press's stages timestamped inside the bot). (1) aiogram 3 runs a filter that is a plain "
    "callable in a worker thread (`asyncio.to_thread`); a bare `State` or `F` expression is "
    "one, so each press crossed 18 thread-pool hops before reaching its handler. Forms now "
    "filter with `StateFilter` and wrapped magic filters (`handlers/filters.py`; "
    "`tests/test_filters.py` fails on any handler or filter that would run in a thread). (2) "
    "The press was answered after the ballot's edit, which queues for Telegram's 30 a second; "
    "it is now answered as soon as the vote is stored. (3) Every update read its form state from "
    "the database; the table is now mirrored in memory and written through. (4) Each vote was "
    "its own write transaction of about 15 statements behind SQLite's single writer, every "
    "statement several round trips to aiosqlite's thread through a busy event loop: presses "
    "waited ~1.9 s for the write lock. Presses arriving while votes are being written now go "
    "together in the next transaction of about seven statements (`bot/services/batch.py`). "
    "(5) The same for each update's sender: ~230 ms waiting for a pooled connection, now one "
    "query per batch. Before these changes this bench answered 70 presses a second with a p99 "
    "of 6.4 s."
)

WHY_P99 = (
    "**Why p99 still misses 250 ms.** The bot is now bound by its one event loop: a press costs "
    "about 2 ms of it (aiogram parsing and routing the update, the HTTP answer, the press's "
    "share of its batch, rendering the ballot anew), work the baseline's handler does not do, "
    "so 500 presses in a second keep the loop busy for about a second and the later ones wait "
    "their turn. In the timestamped run the 90th percentile of a press was ~0.2 s from the fake "
    "to the handler (the bot's next getUpdates comes round later when the loop is busy), "
    "~0.13 s for its batch to be written and ~0.05 s for the sender's lookup. With 250 presses "
    "in the second the median was 80 ms and p99 0.37 s, so there is a tail the load does not "
    "explain alone; it was not chased further. Reaching 250 ms would take more than one process "
    "(webhooks behind a balancer, which SQLite's one writer does not suit) or much less Python "
    f"per press. A target that holds on this machine and still catches a regression: every "
    f"press answered, at least {HELD_RATE:.0f} a second, p99 under {HELD_P99 * 1000:.0f} ms. "
    "(A council of thirty all pressing within the same second, run the same way: median 12 ms, "
    "p99 15 ms.)"
)


def edits_note(fake: TimedTelegram, measured: Burst) -> str:
    """The ballots' edits (the ✅ on the answer) come after the answers, at Telegram's pace."""
    edited = sum(1 for a in fake.arrivals if a.method == "editMessageText")
    last_answer = max(measured.answered.values(), default=measured.first)
    return (
        f"The last press was answered {last_answer - measured.first:.2f} s after the first; "
        f"one second later the bot had edited {edited} of the {len(measured.pressed)} ballots "
        "(the ✅ on the answer): each press is answered as soon as its vote is stored, and the "
        "edits follow, paced to Telegram's 30 messages in any one second."
    )


def report(
    section: Section,
    voters: int,
    measured: Burst,
    base: Burst,
    *,
    recorded_people: list[int],
    log_times: list[datetime],
    log_people: list[int],
    explain: bool = True,
) -> None:
    exactly_once = (
        len(recorded_people) == voters
        and len(set(recorded_people)) == voters
        and len(log_people) == voters
        and len(set(log_people)) == voters
    )
    section.add(
        "votes in the database / 'vote' rows in the log",
        f"{len(recorded_people)} / {len(log_people)} (of {voters})",
        "each vote exactly once",
        exactly_once,
    )
    base_rate = base.answered_per_second()
    if explain:
        section.notes.append(FINDINGS)
    recorded_rate = 0.0
    if log_times:
        after = sorted((at - measured.first_wall).total_seconds() for at in log_times)
        recorded_rate = len(after) / after[-1] if after[-1] > 0 else float("inf")
        section.notes.append(
            "Votes recorded (the log's own time) after the first press: "
            + ", ".join(f"{share:.0%} by {percentile(after, share):.2f} s" for share in SHARES)
            + "."
        )
    section.add(
        "votes recorded per second",
        f"{recorded_rate:.0f}/s",
        f"≥ {base_rate / 2:.0f}/s (half the baseline)",
        recorded_rate >= base_rate / 2,
    )
    section.add(
        "presses answered per second (bot)",
        f"{measured.answered_per_second():.0f}/s",
        f"≥ {base_rate / 2:.0f}/s (half the baseline)",
        measured.answered_per_second() >= base_rate / 2,
    )
    section.add("presses answered per second (baseline)", f"{base_rate:.0f}/s")
    section.add(
        "presses answered (bot / baseline)",
        f"{len(measured.answered)} / {len(base.answered)} (of {voters})",
        "all",
        len(measured.answered) == voters,
    )
    for name, result, target in (("bot", measured, True), ("baseline", base, False)):
        latencies = result.latencies or [float("nan")]
        p99 = percentile(latencies, 0.99)
        section.add(
            f"latency, press → answer, median ({name})", f"{median(latencies) * 1000:.0f} ms"
        )
        section.add(
            f"latency, press → answer, p99 ({name})",
            f"{p99 * 1000:.0f} ms",
            f"< {P99_TARGET * 1000:.0f} ms" if target else "",
            p99 < P99_TARGET if target else None,
        )
        if target and not p99 < P99_TARGET:
            section.add(
                "the same, against the target proposed below",
                f"{p99 * 1000:.0f} ms, {measured.answered_per_second():.0f} answered a second",
                f"< {HELD_P99 * 1000:.0f} ms, ≥ {HELD_RATE:.0f}/s",
                p99 < HELD_P99 and measured.answered_per_second() >= HELD_RATE,
            )
            if explain:
                section.notes.append(WHY_P99)
