"""Files the bot attaches to its messages, built from plain values without I/O."""
