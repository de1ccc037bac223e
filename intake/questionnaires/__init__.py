"""Questionnaires as versioned, declarative data."""
