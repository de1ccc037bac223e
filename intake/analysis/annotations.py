"""What facilitators decided about excerpts: codes confirmed, rejected or added, extra words
hidden, quotes approved. One ``Annotation`` per response, sealed with it (see
``intake.responses.seal_annotation``); excerpts are addressed as "question#sentence".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .codebook import point_of

ACTIONS = ("confirm", "reject", "add", "undo", "quote", "unquote", "hide")
MAX_HIDDEN = 50


def excerpt_key(question_key: str, index: int) -> str:
    return f"{question_key}#{index}"


@dataclass
class Annotation:
    confirmed: dict[str, set[str]] = field(default_factory=dict)
    rejected: dict[str, set[str]] = field(default_factory=dict)
    quotes: dict[str, set[str]] = field(default_factory=dict)  # excerpt -> codes quoted for
    hidden: dict[str, list[str]] = field(default_factory=dict)  # excerpt -> words to hide

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Annotation:
        def sets(name: str) -> dict[str, set[str]]:
            raw = data.get(name) or {}
            return {str(k): {str(c) for c in v} for k, v in raw.items() if isinstance(v, list)}

        hidden = {
            str(k): [str(w) for w in v][:MAX_HIDDEN]
            for k, v in (data.get("hidden") or {}).items()
            if isinstance(v, list)
        }
        return cls(sets("confirmed"), sets("rejected"), sets("quotes"), hidden)

    def to_data(self) -> dict[str, Any]:
        def lists(d: dict[str, set[str]]) -> dict[str, list[str]]:
            return {k: sorted(v) for k, v in d.items() if v}

        return {
            "confirmed": lists(self.confirmed),
            "rejected": lists(self.rejected),
            "quotes": lists(self.quotes),
            "hidden": {k: v for k, v in self.hidden.items() if v},
        }

    def apply(self, excerpt: str, action: str, code: str = "", words: str = "") -> None:
        """Record one decision. Confirming and rejecting exclude each other."""
        confirmed = self.confirmed.setdefault(excerpt, set())
        rejected = self.rejected.setdefault(excerpt, set())
        if action in ("confirm", "add"):
            confirmed.add(code)
            rejected.discard(code)
        elif action == "reject":
            rejected.add(code)
            confirmed.discard(code)
            self.quotes.get(excerpt, set()).discard(code)
        elif action == "undo":
            confirmed.discard(code)
            rejected.discard(code)
            self.quotes.get(excerpt, set()).discard(code)
        elif action == "quote":
            confirmed.add(code)
            rejected.discard(code)
            self.quotes.setdefault(excerpt, set()).add(code)
        elif action == "unquote":
            self.quotes.get(excerpt, set()).discard(code)
        elif action == "hide":
            extra = [w.strip() for w in words.split(",") if w.strip()]
            current = self.hidden.setdefault(excerpt, [])
            for word in extra:
                if word not in current:
                    current.append(word)
            del current[MAX_HIDDEN:]
        else:
            raise ValueError(action)

    def codes_for(self, excerpt: str, suggested: tuple[str, ...]) -> tuple[set[str], set[str]]:
        """(confirmed, still only suggested) codes for one excerpt.

        A suggested "point — not said how" gives way once a facilitator confirmed how that
        point acted in the sentence (a code of the same point): the person is then counted
        under what they said, not also under "not said how"."""
        confirmed = set(self.confirmed.get(excerpt, set()))
        rejected = self.rejected.get(excerpt, set())
        pending = set(suggested) - confirmed - rejected
        for code in list(pending):
            point = point_of(code)
            if point is not None and any(c.startswith(point + ".") for c in confirmed):
                pending.discard(code)
        return confirmed, pending
