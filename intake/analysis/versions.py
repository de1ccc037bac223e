"""How a questionnaire version's answers merge with earlier versions' in the themes.

The rule (docs/questionnaires.md): answers merge by question key when the question's type and
option values are unchanged; a reworded label or a new translation still merges. A question
whose type or options changed under the same key is counted as a separate question, named
after its questionnaire and version (see ``Aggregate._merged_key``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..questionnaires.definition import Definition
from ..questionnaires.types import Question
from .aggregate import _options


def merge_signature(question: Question) -> tuple[str, tuple[str, ...]]:
    """What must stay the same for answers to be counted together (as QuestionInfo does)."""
    return (question.type_name, tuple(value for value, _label in _options(question)))


@dataclass
class VersionChanges:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    separate: list[str] = field(default_factory=list)  # same key, new type or options
    reworded: list[str] = field(default_factory=list)  # same key and options, new words

    @property
    def merged(self) -> bool:
        return not self.separate


def compare(old: Definition, new: Definition) -> VersionChanges:
    changes = VersionChanges()
    before = {q.key: q for q in old.questions}
    for question in new.questions:
        earlier = before.pop(question.key, None)
        if earlier is None:
            changes.added.append(question.key)
        elif merge_signature(earlier) != merge_signature(question):
            changes.separate.append(question.key)
        elif list(earlier.texts()) != list(question.texts()):
            changes.reworded.append(question.key)
    changes.removed = list(before)
    return changes
