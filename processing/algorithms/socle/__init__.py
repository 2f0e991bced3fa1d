"""Algorithms of one family."""
