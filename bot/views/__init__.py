"""Screens and texts shared by handlers and notices, rendered from locales/."""
