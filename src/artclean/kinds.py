"""The kinds of text artclean splits off, with the one-line description users see."""

from __future__ import annotations

KINDS: dict[str, str] = {
    "duplicate": "repeats earlier text exactly, nearly, as a truncated teaser, or run together",
    "syndication": "where the article came from: originally appeared in, distributed by",
    "related": "a related-links list: a header such as 'You may also like' and its headlines",
    "navigation": "menus, breadcrumbs, section lists and other page furniture",
    "share": "share and follow rows: 'Share on Facebook', 'Follow us on Twitter'",
    "subscribe": "newsletter, paywall and sign-in prompts",
    "advertisement": "advertising labels and 'story continues below' markers",
    "cookie": "cookie banners and consent prompts",
    "legal": "copyright lines, all rights reserved, terms and privacy links",
    "comments": "comment-section prompts and counters, and comment threads on pages",
    "caption": "image captions and photo credits",
    "boilerplate": "page text outside the article that fits no more specific kind",
    "template": "a paragraph that recurs across many documents of one site",
}
