"""CCR listening intake: a confidential, multilingual questionnaire app."""

from .app import create_app

__all__ = ["create_app"]
