"""aiogram routers, one per feature. `routers()` makes them anew for every dispatcher."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    announce,
    common,
    consent,
    consultations,
    errors,
    invitations,
    meetings,
    minutes,
    operations,
    plan,
    privacy,
    profile,
    registration,
    roster,
    setup,
    voting,
)


def routers() -> list[Router]:
    # Order matters: /start with a token before plain /start; the catch-alls of `errors` last.
    return [
        registration.router(),
        consent.router(),
        common.router(),
        operations.router(),
        privacy.router(),
        setup.router(),
        roster.router(),
        invitations.router(),
        profile.router(),
        announce.router(),
        meetings.router(),
        voting.router(),
        minutes.router(),
        consultations.router(),
        plan.router(),
        errors.router(),
    ]
