"""Emerging themes: what people talk about that the codebook does not catch yet.

Sentences with no suggested or confirmed code are grouped per language: words are folded
and stemmed (Snowball through PyStemmer where it has the language; Chinese is read as
character pairs), weighted by TF-IDF, and factorised with NMF into a few clusters. Each
cluster shows its top words and a few example sentences — redacted, like every excerpt —
and only when at least k different respondents wrote in it. A facilitator can turn a
cluster into a code (see theme_views.emerging_themes).

Deterministic (fixed seed) so the same data gives the same clusters.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ..redaction import is_listed_name, quote_text
from .annotations import excerpt_key
from .codebook import Codebook
from .coding import Matcher
from .state import ThemeState
from .text import UNSPACED, fold, normalise

MAX_CLUSTERS = 8
TOP_TERMS = 6
EXAMPLES = 3
STEMMERS = {"en": "english", "es": "spanish", "ar": "arabic"}
_WORD = re.compile(r"\w{2,}")
_PLACEHOLDERS = {"name", "phone", "email", "address", "date", "case"}


@dataclass(frozen=True)
class Cluster:
    language: str
    terms: tuple[str, ...]  # as people wrote them (most common form of each stem)
    examples: tuple[str, ...]
    respondents: int


def _stopwords(language: str) -> frozenset[str]:
    import stopwordsiso

    if not stopwordsiso.has_lang(language):
        return frozenset()
    return frozenset(fold(w) for w in stopwordsiso.stopwords(language))


def _analyzer(language: str, surface: dict[str, Counter[str]]) -> Callable[[str], list[str]]:
    if language in UNSPACED:

        def pairs(text: str) -> list[str]:
            # Pairs of folded characters (a traditional character counts as its simplified
            # one), each shown as it was written: the position map leads back to it.
            normal = normalise(text)
            folded, origin = normal.text, normal.origin
            grams = []
            for run in re.finditer(r"[^\W\d_a-z]+", folded):
                start, end = run.span()
                for i in range(start, end - 1):
                    gram = folded[i : i + 2]
                    surface[gram][text[origin[i] : origin[i + 1] + 1]] += 1
                    grams.append(gram)
            return grams

        return pairs

    stop = _stopwords(language)
    stemmer = None
    if language in STEMMERS:
        import Stemmer

        stemmer = Stemmer.Stemmer(STEMMERS[language])

    def words(text: str) -> list[str]:
        out = []
        for written in _WORD.findall(text.lower()):
            word = fold(written)
            if word in stop or word in _PLACEHOLDERS or word.isdigit():
                continue
            stem = stemmer.stemWord(word) if stemmer else word
            surface[stem][written] += 1
            out.append(stem)
        return out

    return words


def find(state: ThemeState, codebook: Codebook, matcher: Matcher, k: int) -> list[Cluster]:
    """Clusters of uncoded sentences, per language, each shared by at least k people."""
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs: dict[str, list[tuple[str, str]]] = defaultdict(list)  # lang -> (response, text)
    agg = state.aggregate
    for answer, excerpts in zip(agg.texts, state.excerpts(codebook, matcher), strict=True):
        note = state.annotation(answer.response_id)
        for excerpt in excerpts:
            ekey = excerpt_key(answer.question_key, excerpt.index)
            if excerpt.codes or note.confirmed.get(ekey):
                continue
            text = quote_text(
                answer.text[excerpt.start : excerpt.end], answer.language, note.hidden.get(ekey, [])
            )
            docs[answer.language].append((answer.response_id, text))

    clusters: list[Cluster] = []
    for language in sorted(docs):
        items = docs[language]
        if len({rid for rid, _t in items}) < 2 * k:
            continue
        surface: dict[str, Counter[str]] = defaultdict(Counter)
        vectorizer = TfidfVectorizer(
            analyzer=_analyzer(language, surface), min_df=2, max_df=0.5, sublinear_tf=True
        )
        try:
            matrix = vectorizer.fit_transform([text for _rid, text in items])
        except ValueError:
            continue  # nothing left after stop words: no clusters in this language
        vocabulary = vectorizer.get_feature_names_out()
        n = min(MAX_CLUSTERS, max(1, len(items) // (2 * k)), len(vocabulary))
        if n < 1 or matrix.shape[1] < 2:
            continue
        model = NMF(n_components=n, init="nndsvda", random_state=0, max_iter=400)
        weights = model.fit_transform(matrix)
        best = weights.argmax(axis=1)
        for topic in range(n):
            members = [i for i in range(len(items)) if best[i] == topic and weights[i, topic] > 0]
            respondents = len({items[i][0] for i in members})
            if respondents < k:
                continue
            top = model.components_[topic].argsort()[::-1][:TOP_TERMS]
            # A name that slipped past redaction never becomes a shown (or saved) word.
            terms = tuple(
                t
                for t in (surface[vocabulary[i]].most_common(1)[0][0] for i in top)
                if not is_listed_name(t)
            )
            members.sort(key=lambda i: -weights[i, topic])
            examples = tuple(dict.fromkeys(items[i][1] for i in members))[:EXAMPLES]
            clusters.append(Cluster(language, terms, examples, respondents))
    return clusters
