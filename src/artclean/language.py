"""Cheap language identification from stop words, and the stop-word lists themselves.

Prose is full of function words; menus, headlines and link lists are not. The share of a
paragraph's words that are stop words of the document's language is the single most telling
feature of article text (jusText is built on it). Lists are data files in `data/stopwords/`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from itertools import chain

from .lazy import pattern

# Enough words to tell languages apart; more only costs time.
_SAMPLE_WORDS = 2000
_SAMPLE_CHARACTERS = 20_000
# Below this share of stop words no language is claimed.
_MIN_SHARE = 0.05
_KANA = pattern("[\u3040-\u30ff]")
_HAN = pattern("[\u4e00-\u9fff]")
# Scripts that name their language: Hangul is Korean, Greek is Greek; Arabic script without the
# letters Persian and Urdu add is Arabic.
_HANGUL = pattern("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_GREEK = pattern("[\u0370-\u03ff\u1f00-\u1fff]")
_ARABIC = pattern("[\u0600-\u06ff\u0750-\u077f]")
# پ چ ژ ک گ ی (Persian) and ٹ ڈ ڑ ں ھ ہ ے (Urdu)
_NOT_ARABIC = pattern(
    "[\u067e\u0686\u0698\u06a9\u06af\u06cc\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]"
)
# Any letter of those scripts: most texts have none, and one search tells.
_NAMING_SCRIPTS = pattern(
    "[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
    "\u0370-\u03ff\u1f00-\u1fff\u0600-\u06ff\u0750-\u077f]"
)
# Letters only Ukrainian or only Russian write: they settle a text the stop words of both claim.
_UKRAINIAN = pattern("[\u0456\u0457\u0454\u0491]")  # і ї є ґ
_RUSSIAN = pattern("[\u044b\u044d\u044a\u0451]")  # ы э ъ ё
# Stop words per language used for identification: the most frequent ones.
_DETECTION_WORDS = 100


@lru_cache(maxsize=1)
def available() -> tuple[str, ...]:
    folder = resources.files("artclean").joinpath("data", "stopwords")
    names = (entry.name for entry in folder.iterdir())
    return tuple(sorted(n[:-4] for n in names if n.endswith(".txt") and "-" not in n))


@lru_cache(maxsize=64)
def stopwords(language: str) -> frozenset[str]:
    """The stop words of a language (empty for a language without a list)."""
    path = resources.files("artclean").joinpath("data", "stopwords", f"{language}.txt")
    try:
        return frozenset(path.read_text(encoding="utf-8").split())
    except FileNotFoundError:
        return frozenset()


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """The most frequent stop words of each language mapped to the languages that list them.

    The lists are ordered by frequency; their heads tell languages apart as well as the whole
    lists do, and reading only the heads keeps start-up fast.
    """
    languages: dict[str, list[str]] = {}
    folder = resources.files("artclean").joinpath("data", "stopwords")  # found once: 1 ms
    for language in available():
        with folder.joinpath(f"{language}.txt").open(encoding="utf-8") as lines:
            for _, line in zip(range(_DETECTION_WORDS), lines, strict=False):
                languages.setdefault(line.strip(), []).append(language)
    return {word: tuple(codes) for word, codes in languages.items() if word}


def _script(sample: Sequence[str]) -> str | None:
    """The language a script names: kana are Japanese only, Han without kana Chinese, Hangul
    Korean, Greek Greek, and Arabic script without Persian or Urdu letters Arabic."""
    # A "word" of text without spaces can be a whole 50 MB line: findall would hold a string
    # per character (30 times the text's size), so the script is told from its start.
    text = "".join(sample)[:_SAMPLE_CHARACTERS]
    # ASCII text has none of those letters: knowing so is free, and spares compiling the class.
    if not text or text.isascii() or _NAMING_SCRIPTS.search(text) is None:
        return None
    third = len(text) / 3
    kana = len(_KANA.findall(text))
    han = len(_HAN.findall(text))
    if kana + han >= third:
        return "ja" if kana * 10 >= kana + han else "zh"
    if len(_HANGUL.findall(text)) >= third:
        return "ko"
    if len(_GREEK.findall(text)) >= third:
        return "el"
    arabic = len(_ARABIC.findall(text))
    if arabic >= third and len(_NOT_ARABIC.findall(text)) * 50 < arabic:
        return "ar"
    return None


def _cyrillic(sample: Sequence[str], language: str) -> str:
    """Ukrainian or Russian, told by the letters only one of them writes, when the stop words
    chose either (they share many: "в", "на", "не", "за")."""
    if language not in ("ru", "uk"):
        return language
    text = "".join(sample)[:_SAMPLE_CHARACTERS]
    ukrainian = len(_UKRAINIAN.findall(text))
    russian = len(_RUSSIAN.findall(text))
    if ukrainian > russian:
        return "uk"
    if russian > ukrainian:
        return "ru"
    return language


def detect(words: Sequence[str]) -> str | None:
    """The language whose stop words cover most of the (lower-case) words, if any does.

    Japanese and Chinese have no stop-word lists (no spaces to find words by); they, Korean,
    Greek and Arabic are recognised by their scripts. Ukrainian and Russian share many stop
    words; the letters only one of them writes decide.
    """
    sample = words[:_SAMPLE_WORDS]
    if not sample:
        return None
    script = _script(sample)
    if script is not None:
        return script
    index = _index()
    hits = Counter(chain.from_iterable(filter(None, map(index.get, sample))))
    if not hits:
        return None
    language, count = min(hits.items(), key=lambda item: (-item[1], item[0]))
    if count < _MIN_SHARE * len(sample):
        return None
    return _cyrillic(sample, language)
