"""Pure domain rules: no aiogram, no database. Everything here is testable with plain values."""
