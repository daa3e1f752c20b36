"""Telling people: notices due by the scheduler, the notifier and its rate limit, periodic jobs."""
