"""The layout of a Markdown file: which lines are prose, and which must never be touched.

artclean needs only enough Markdown to leave it intact. Front matter, code, HTML, tables, link
reference definitions, template tags and thematic breaks are *protected*: never compared, never
classified, always kept. Headings, list items and block quotes are paragraphs that take part in
duplicate detection, but have roles that the content profile treats with care (a heading
repeated in two sections is structure, not a scraping accident).

Everything else is prose, cut as `segment` cuts plain text: a blank-line-separated block is one
paragraph when it is hard-wrapped, and one paragraph per line when it is a list of separate lines
(text pasted from a web page looks like that). Every paragraph is made of whole lines and keeps
its offsets, so the kept text is reassembled from slices of the input.

Two HTML comments steer artclean from inside a file:

    <!-- artclean: keep -->        keep the paragraph (or block of lines) that follows
    <!-- artclean: skip-file -->   leave the whole file alone
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .lazy import pattern
from .segment import Paragraph, is_blank, is_wrapped, segment

# Roles of the paragraphs that take part in detection.
PROSE = "prose"  # a whole blank-line-separated paragraph
LINE = "line"  # one line of a block of separate lines (a paste, a list of headlines)
HEADING = "heading"
ITEM = "item"  # a list item or footnote, with its continuation lines
QUOTE = "quote"  # one paragraph of a block quote
CALLOUT = "callout"  # a prose paragraph that opens with a label such as "Note:"

# Roles of protected paragraphs: never compared, never removed.
PROTECTED = frozenset(
    {
        "front-matter",
        "code",
        "comment",
        "html",
        "table",
        "definition",
        "template",
        "break",
        "math",
        "directive",
    }
)

DIRECTIVES = ("keep", "skip-file", "ignore")


@dataclass(frozen=True, slots=True)
class Directive:
    """An `<!-- artclean: NAME [ARGUMENT...] -->` comment, at a 1-based line."""

    line: int
    name: str
    arguments: tuple[str, ...] = ()  # `ignore`'s rule codes, as written


@dataclass(frozen=True, slots=True)
class Layout:
    """A document cut into paragraphs, with each paragraph's role and the file's directives.

    held: paragraphs that a `keep` directive keeps (they still count as originals that later
        copies repeat).
    contained: paragraphs inside a container (an HTML or JSX element such as <TabItem> or
        <details>, a ::: block, a paired template tag): parallel content, where writers repeat
        a sentence on purpose (the same step under "macOS" and under "Linux").
    """

    paragraphs: tuple[Paragraph, ...]
    roles: tuple[str, ...]
    directives: tuple[Directive, ...] = ()
    held: frozenset[int] = frozenset()
    contained: frozenset[int] = frozenset()  # inside tabs, <details>, ::: blocks and the like
    # Paragraphs an `ignore CODE` directive applies to, with the rule selectors it names.
    ignored: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    protected: frozenset[int] = field(init=False)  # paragraphs whose role is in PROTECTED

    def __post_init__(self) -> None:
        protected = frozenset(i for i, role in enumerate(self.roles) if role in PROTECTED)
        object.__setattr__(self, "protected", protected)

    @property
    def skip_file(self) -> bool:
        return any(d.name == "skip-file" for d in self.directives)


def text_layout(text: str) -> Layout:
    """The layout of plain text: `segment`'s paragraphs, whole blocks as prose, lines as lines."""
    paragraphs = segment(text)
    sizes: dict[int, int] = {}
    for paragraph in paragraphs:
        sizes[paragraph.block] = sizes.get(paragraph.block, 0) + 1
    roles = tuple(PROSE if sizes[p.block] == 1 else LINE for p in paragraphs)
    return Layout(paragraphs, roles)


# --- recognising lines ------------------------------------------------------------------------

_NEWLINE = pattern(r"\r\n|\r|\n")
_FENCE = pattern(r"[ \t]*(`{3,}|~{3,})")
_MATH = pattern(r"[ \t]*\$\$")
_COMMENT = pattern(r"[ \t]*<!--")
_RAW_HTML = pattern(r"[ \t]{0,3}<(script|pre|style|textarea)(?:[\s>]|$)", re.IGNORECASE)
_HTML_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|"
    "header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|"
    "param|picture|section|source|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul|video|"
    "audio|img|br|center|span|a|sup|sub|kbd"
)
_HTML_BLOCK = pattern(
    rf"[ \t]{{0,3}}</?(?:(?:{_HTML_BLOCK_TAGS})(?:[\s/>]|$)|[A-Z][\w.]*(?:[\s/>]|$))"
)
_LONE_TAG = pattern(r"[ \t]{0,3}</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>\s*$")
_MDX_ESM = pattern(r"(?:import|export)\s+(?:[\w*{]|default\b|const\b|function\b)")
_TEMPLATE = pattern(r"[ \t]*(?:\{%|\{\{|\{#|%\})")
_CONTAINER = pattern(r"[ \t]*(?::::|!!!|\?\?\?\+?)")
_DEFINITION = pattern(r"[ \t]{0,3}\[(?!\^)[^\]]+\]:\s*\S")
_FOOTNOTE = pattern(r"[ \t]{0,3}\[\^[^\]]+\]:")
_BREAK = pattern(r"[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = pattern(r"[ \t]{0,3}(?:=+|-+)[ \t]*$")
_ATX = pattern(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_QUOTE = pattern(r"[ \t]{0,3}>")
_QUOTE_BLANK = pattern(r"(?:[ \t]{0,3}>)+[ \t]*$")
_ITEM = pattern(r"([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_TABLE_DELIMITER = pattern(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_INDENTED = pattern(r"(?: {4}|\t)")
_DIRECTIVE = pattern(r"<!--\s*artclean:\s*([\w-]+)((?:[\s,]+[\w-]+)*)[\s,]*-->")
# A labelled note: "Note:", "**Warning**", "Update:", "Disclaimer:", "P.S.:"; up to three words.
_CALLOUT = pattern(
    r"[ \t]*(?:(?:\*\*|__)[^*_\n]{1,30}(?:\*\*|__)|[^\s:]+(?: [^\s:]+){0,2}:(?:\s|$))"
)
_TAG = pattern(r"<(/?)([A-Za-z][\w.-]*)[^<>]*?(/?)>")
_TEMPLATE_TAG = pattern(r"\{([%{])[-<%]?\s*(/|end)?([A-Za-z]\w*)")


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # 1-based
    start: int
    end: int  # offset just past its last character, terminator excluded
    text: str

    @property
    def blank(self) -> bool:
        return is_blank(self.text)


def _lines(text: str) -> list[_Line]:
    lines = []
    start = 0
    for number, match in enumerate(_NEWLINE.finditer(text), start=1):
        lines.append(_Line(number, start, match.start(), text[start : match.start()]))
        start = match.end()
    if start < len(text):
        lines.append(_Line(len(lines) + 1, start, len(text), text[start:]))
    return lines


def _interrupts(line: str) -> bool:
    """Whether a line starts a new construct rather than continuing the paragraph above."""
    return bool(
        _FENCE.match(line)
        or _MATH.match(line)
        or _COMMENT.match(line)
        or _RAW_HTML.match(line)
        or _HTML_BLOCK.match(line)
        or _TEMPLATE.match(line)
        or _CONTAINER.match(line)
        or _BREAK.match(line)
        or _ATX.match(line)
        or _QUOTE.match(line)
        or _ITEM.match(line)
        or _DEFINITION.match(line)
        or _FOOTNOTE.match(line)
        or line.lstrip().startswith("|")
    )


# --- the scanner ------------------------------------------------------------------------------


class _Scanner:
    """Walks the lines once, cutting them into units of (first line, last line, role)."""

    def __init__(self, lines: Sequence[_Line]) -> None:
        self.lines = lines
        self.units: list[tuple[int, int, str]] = []
        self.in_list = False

    def add(self, first: int, last: int, role: str) -> None:
        self.units.append((first, last, role))

    def until_closing(self, first: int, closing: re.Pattern[str] | str) -> int:
        """Index of the first line after `first` that matches `closing` (or the last line)."""
        for k in range(first + 1, len(self.lines)):
            text = self.lines[k].text
            if closing.match(text) if isinstance(closing, re.Pattern) else closing in text:
                return k
        return len(self.lines) - 1

    def until_blank(self, first: int) -> int:
        k = first
        while k + 1 < len(self.lines) and not self.lines[k + 1].blank:
            k += 1
        return k

    def front_matter(self) -> int:
        """Lines taken by YAML (---) or TOML (+++) front matter at the very top."""
        if not self.lines:
            return 0
        opening = self.lines[0].text.strip()
        if opening not in ("---", "+++"):
            return 0
        closers = ("---", "...") if opening == "---" else ("+++",)
        for k in range(1, len(self.lines)):
            if self.lines[k].text.strip() in closers:
                self.add(0, k, "front-matter")
                return k + 1
        return 0

    def scan(self) -> list[tuple[int, int, str]]:
        i = self.front_matter()
        while i < len(self.lines):
            line = self.lines[i]
            if line.blank:
                i += 1
                continue
            i = self.unit(i) + 1
        return self.units

    def unit(self, i: int) -> int:
        """Record the construct starting at line i; return the index of its last line."""
        text = self.lines[i].text
        if fence := _FENCE.match(text):
            marker = fence.group(1)
            closing = re.compile(rf"[ \t]*{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$")
            return self.protect(i, self.until_closing(i, closing), "code")
        if _MATH.match(text):
            last = i if text.count("$$") >= 2 else self.until_closing(i, "$$")
            return self.protect(i, last, "math")
        if _COMMENT.match(text):
            last = i if "-->" in text else self.until_closing(i, "-->")
            return self.protect(i, last, "comment")
        if raw := _RAW_HTML.match(text):
            closing_tag = f"</{raw.group(1).lower()}>"
            last = i
            while closing_tag not in self.lines[last].text.lower() and last + 1 < len(self.lines):
                last += 1
            return self.protect(i, last, "html")
        if _HTML_BLOCK.match(text) or _LONE_TAG.match(text) or _MDX_ESM.match(text):
            return self.protect(i, self.until_blank(i), "html")
        if _TEMPLATE.match(text):
            return self.protect(i, i, "template")
        if _CONTAINER.match(text):
            return self.protect(i, i, "directive")
        if _BREAK.match(text):
            return self.protect(i, i, "break")
        if _DEFINITION.match(text):
            return self.protect(i, i, "definition")
        if self.is_table(i):
            last = i
            while last + 1 < len(self.lines) and "|" in self.lines[last + 1].text:
                last += 1
            return self.protect(i, last, "table")
        if _INDENTED.match(text) and not self.in_list:
            return self.protect(i, self.indented_code(i), "code")
        if _ATX.match(text):
            self.in_list = False
            self.add(i, i, HEADING)
            return i
        if _QUOTE.match(text):
            self.in_list = False
            return self.quote(i)
        if _ITEM.match(text) or _FOOTNOTE.match(text):
            self.in_list = True
            return self.item(i)
        if self.in_list and text[:1] in (" ", "\t"):
            return self.item(i)
        self.in_list = False
        return self.prose(i)

    def protect(self, first: int, last: int, role: str) -> int:
        if role != "code" or not self.in_list:
            self.in_list = False
        self.add(first, last, role)
        return last

    def is_table(self, i: int) -> bool:
        text = self.lines[i].text
        if text.lstrip().startswith("|"):
            return True
        following = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
        return "|" in text and "-" in following and bool(_TABLE_DELIMITER.match(following))

    def indented_code(self, i: int) -> int:
        last = i
        k = i + 1
        while k < len(self.lines):
            line = self.lines[k]
            if not line.blank and not _INDENTED.match(line.text):
                break
            if not line.blank:
                last = k
            k += 1
        return last

    def quote(self, i: int) -> int:
        """A block quote: one unit per quoted paragraph (split at lines that are only '>')."""
        last = self.until_blank(i)
        first = i
        for k in range(i, last + 1):
            if _QUOTE_BLANK.match(self.lines[k].text):
                if k > first:
                    self.add(first, k - 1, QUOTE)
                self.add(k, k, "break")
                first = k + 1
        if first <= last:
            self.add(first, last, QUOTE)
        return last

    def item(self, i: int) -> int:
        """A list item with its continuation lines, up to the next item or construct."""
        last = i
        while last + 1 < len(self.lines):
            following = self.lines[last + 1].text
            if self.lines[last + 1].blank or _ITEM.match(following) or _interrupts(following):
                break
            last += 1
        self.add(i, last, ITEM)
        return last

    def prose(self, i: int) -> int:
        """A paragraph: lines up to a blank line or a construct that interrupts it."""
        last = i
        while last + 1 < len(self.lines):
            following = self.lines[last + 1].text
            if self.lines[last + 1].blank:
                break
            if _SETEXT.match(following):
                self.add(i, last + 1, HEADING)
                return last + 1
            if _interrupts(following) or _TABLE_DELIMITER.match(following):
                break
            last += 1
        block = [line.text for line in self.lines[i : last + 1]]
        if last == i or is_wrapped(block):
            role = CALLOUT if _CALLOUT.match(block[0]) else PROSE
            self.add(i, last, role)
        else:
            for k in range(i, last + 1):
                self.add(k, k, LINE)
        return last


def layout(text: str) -> Layout:
    """The layout of a Markdown document."""
    lines = _lines(text)
    units = _Scanner(lines).scan()
    paragraphs: list[Paragraph] = []
    roles: list[str] = []
    block = -1
    previous_last = -2
    for first, last, role in units:
        if any(lines[k].blank for k in range(previous_last + 1, first)) or previous_last < 0:
            block += 1
        start, end = lines[first].start, lines[last].end
        paragraphs.append(
            Paragraph(
                index=len(paragraphs),
                line=lines[first].number,
                end_line=lines[last].number,
                block=block,
                start=start,
                end=end,
                text=text[start:end],
            )
        )
        roles.append(role)
        previous_last = last
    directives = _directives(paragraphs, roles)
    return Layout(
        tuple(paragraphs),
        tuple(roles),
        directives,
        _held(paragraphs, roles, directives),
        _contained(text, paragraphs, roles),
        _ignored(paragraphs, roles, directives),
    )


def _contained(text: str, paragraphs: Sequence[Paragraph], roles: Sequence[str]) -> frozenset[int]:
    """Paragraphs between the opening and the closing line of a container.

    Only names that are closed somewhere in the file open a container, so a lone <img> or
    {% include %} opens nothing.
    """
    closed = {m.group(2) for m in _TAG.finditer(text) if m.group(1)}
    closed |= {m.group(3) for m in _TEMPLATE_TAG.finditer(text) if m.group(2)}
    depth = 0
    inside: set[int] = set()
    for i, (paragraph, role) in enumerate(zip(paragraphs, roles, strict=True)):
        if role not in PROTECTED:
            if depth > 0:
                inside.add(i)
            continue
        if role == "html":
            for m in _TAG.finditer(paragraph.text):
                if m.group(2) in closed and not m.group(3):
                    depth = max(0, depth - 1) if m.group(1) else depth + 1
        elif role == "template":
            for m in _TEMPLATE_TAG.finditer(paragraph.text):
                if m.group(3) in closed:
                    depth = max(0, depth - 1) if m.group(2) else depth + 1
        elif role == "directive" and paragraph.text.lstrip().startswith(":::"):
            depth = max(0, depth - 1) if paragraph.text.strip() == ":::" else depth + 1
    return frozenset(inside)


def _directives(paragraphs: Sequence[Paragraph], roles: Sequence[str]) -> tuple[Directive, ...]:
    found = []
    for paragraph, role in zip(paragraphs, roles, strict=True):
        if role != "comment":
            continue
        for match in _DIRECTIVE.finditer(paragraph.text):
            line = paragraph.line + paragraph.text.count("\n", 0, match.start())
            arguments = tuple(a for a in re.split(r"[\s,]+", match.group(2)) if a)
            found.append(Directive(line, match.group(1), arguments))
    return tuple(found)


def _targets(directive: Directive, paragraphs: Sequence[Paragraph], roles: Sequence[str]) -> range:
    """What a directive applies to: the next unprotected paragraph and the rest of its block."""
    target = next(
        (
            i
            for i, p in enumerate(paragraphs)
            if p.line > directive.line and roles[i] not in PROTECTED
        ),
        None,
    )
    if target is None:
        return range(0)
    block = paragraphs[target].block
    last = target
    while last + 1 < len(paragraphs) and paragraphs[last + 1].block == block:
        last += 1
    return range(target, last + 1)


def _held(
    paragraphs: Sequence[Paragraph], roles: Sequence[str], directives: Sequence[Directive]
) -> frozenset[int]:
    """Paragraphs kept by a `keep` directive: the next unprotected paragraph and its block."""
    held: set[int] = set()
    for directive in directives:
        if directive.name == "keep":
            held.update(_targets(directive, paragraphs, roles))
    return frozenset(held)


def _ignored(
    paragraphs: Sequence[Paragraph], roles: Sequence[str], directives: Sequence[Directive]
) -> dict[int, tuple[str, ...]]:
    """The rule selectors that `ignore CODE...` directives name, by the paragraph they apply
    to (the next unprotected paragraph and its block, as for `keep`). A selector that names
    no rule is left to the caller to report."""
    from .rules import RuleError, parse_selector

    ignored: dict[int, tuple[str, ...]] = {}
    for directive in directives:
        if directive.name != "ignore":
            continue
        selectors = []
        for argument in directive.arguments:
            try:
                selectors.append(parse_selector(argument))
            except RuleError:
                continue
        for i in _targets(directive, paragraphs, roles):
            ignored[i] = (*ignored.get(i, ()), *selectors)
    return ignored


def has_inline_markup(text: str) -> bool:
    """Whether a paragraph carries Markdown of its own: links, emphasis, code, HTML.

    Text written in a Markdown file usually does; text pasted from a web page does not.
    """
    return _MARKUP.search(text) is not None


_MARKUP = pattern(r"\]\(|\]\[|!\[|`|\*\*|__|<[A-Za-z/!]|(?<![\w*])\*[^\s*]|(?<!\w)_[^\s_]")


# An inline link or image, `[label](target "title")` or `![alt](source)`: html2text, Markdown
# converters and LLM-era scrapers write every menu entry so. A label has no brackets (it may
# be wrapped over lines), a target no spaces and only balanced parentheses; each piece is one
# character class, so matching stays linear.
_INLINE_LINK = pattern(
    r"!?\[([^\[\]]*)\]\((?:[^\s()]|\([^\s()]*\))*+"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)"
)


def visible(text: str) -> str:
    """The text a reader reads: each inline link stands for its label, an image for nothing.

    A menu written as Markdown links is long in characters but short in words, and its URLs
    are not prose: features, phrase rules and duplicates read this form, while the output keeps
    the input's own text. An image's alt text describes a picture and is not read in the flow
    of the text. A linked image (`[![alt](src)](href)`) takes two passes. A text with nothing
    left to read (an image alone) is returned as written: judged as nothing, it would pass for
    a writer's section break.
    """
    if "](" not in text:
        return text
    shown = _read(text)
    return shown if any(map(str.isalnum, shown)) else text


def pictures_only(text: str) -> bool:
    """Whether a paragraph is pictures and nothing to read: Markdown images, linked or not, as
    html2text and scrapers write a page's figures (`![alt](src)`, `[![alt](src)](href)`)."""
    return "![" in text and not any(map(str.isalnum, _read(text)))


def _read(text: str) -> str:
    """Links replaced by their labels and images by nothing; a linked image takes two passes."""
    shown = _INLINE_LINK.sub(_label, text)
    if "](" in shown:
        shown = _INLINE_LINK.sub(_label, shown)
    return shown


def _label(link: re.Match[str]) -> str:
    """A link's label; nothing for an image."""
    return "" if link.group().startswith("!") else link.group(1)
