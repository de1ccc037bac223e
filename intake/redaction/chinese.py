"""Chinese: the characters and words around a name written in Han characters (what ends a
name, kinship words after 阿, where a subject starts, the verbs before an object and after a
subject). The Chinese patterns are compiled with the others in ``rules._rules``.
"""

from __future__ import annotations

# Characters that end a Chinese name: verbs, particles and pronouns that follow a name.
_ZH_NOT_IN_NAME = "说讲了是在把被给对跟和与也都就还又不没很让叫打骂来去到的我你他她们总一经却才"

# After 阿 these make a relative (阿姨 auntie, 阿公 grandpa), not a nickname.
_ZH_KIN = "姨婆公伯叔哥姐妈爸妹弟嫂舅奶爷嬷"

# Where a subject starts, and what a person named as the subject goes on to do.
_ZH_CLAUSE_START = r"，。！？；：、“”‘’「」\s,.!?;:"

_ZH_BEFORE_OBJECT = "找|告诉了|告诉|和|跟|给|问|见|联系|通知|打给"

_ZH_AFTER_SUBJECT = "是我|说|讲|告诉|打|骂|威胁|跟踪|不让|不肯|不给|让我|对我|把我|叫我|逼|一直|经常|总是|又|还|也说|就|却|来了|走了|拿走"
