"""How a questionnaire version's answers merge with earlier versions' in the themes.

The rule (docs/questionnaires.md): answers merge by question key when the question's type and
option values are unchanged; a reworded label or a new translation still merges. A question
whose type or options changed under the same key is counted separately, under the name of
the first version that asked it that way (``merge_plan``), and later versions that ask it
the same way join it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..questionnaires.definition import Definition
from .aggregate import merge_plan, signature_of


@dataclass
class VersionChanges:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    separate: list[str] = field(default_factory=list)  # answers go under another key now
    reworded: list[str] = field(default_factory=list)  # same key and choices, new words

    @property
    def merged(self) -> bool:
        return not self.separate


def compare(answered: list[Definition], current: Definition, new: Definition) -> VersionChanges:
    """What publishing ``new`` changes against ``current`` (the newest published version).

    ``answered``: every published or retired version, of every questionnaire, oldest first
    (as the themes plan them); keys are shared across questionnaires.
    """
    plan = merge_plan([*answered, new])
    changes = VersionChanges()
    before = {q.key: q for q in current.questions}
    for question in new.questions:
        earlier = before.pop(question.key, None)
        if earlier is None:
            changes.added.append(question.key)
        elif (
            plan[(question.key, signature_of(question))]
            != plan[(earlier.key, signature_of(earlier))]
        ):
            changes.separate.append(question.key)
        elif list(earlier.texts()) != list(question.texts()):
            changes.reworded.append(question.key)
    changes.removed = list(before)
    return changes
