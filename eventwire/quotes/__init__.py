"""Quotes: direct and indirect quotations and their speakers."""
