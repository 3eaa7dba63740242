"""Errors polemos reports to users as clear messages, never as bare tracebacks."""


class PolemosError(Exception):
    """Base of all errors meant for the user."""


class ModelError(PolemosError):
    """The configured spaCy model is missing or does not fit the installed spaCy."""


class InputError(PolemosError):
    """An input item cannot be read; the message names the item and the reason."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason
