"""Boilerplate by kind: lines that must be split off, and body text that merely sounds like them.

Every example sits between two paragraphs of an ordinary article, as it would in a scraped page.
"""

from __future__ import annotations

import re

import pytest

from artclean import Options, clean
from artclean.boilerplate import phrasebook
from artclean.kinds import KINDS
from artclean.normalize import comparable

BEFORE = (
    "The city council approved the new transit plan on Tuesday after a debate that lasted more "
    "than four hours."
)
AFTER = (
    "Construction of the first tram line is expected to begin next spring, with passenger "
    "service starting in late 2027."
)


def in_article(*lines: str) -> str:
    return "".join(line + "\n" for line in (BEFORE, *lines, AFTER))


def decisions(*lines: str) -> list[tuple[str, str]]:
    """(kind, text) of everything removed from an article holding these lines."""
    return [(r.kind, r.text) for r in clean(in_article(*lines)).removed]


POSITIVE = {
    "syndication": [
        "This article originally appeared in The Conversation.",
        "This story was originally published by ProPublica, a nonprofit newsroom.",
        "A version of this article first appeared in the Financial Review.",
        "Originally published on Medium.",
        "Republished with permission from The Texas Tribune.",
        "This article is republished from The Conversation under a Creative Commons license.",
        "Distributed by Tribune Content Agency, LLC.",
        "Source: Reuters",
        "Copyright 2024 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.",
        "(This story has not been edited by NDTV staff and is auto-generated from a syndicated "
        "feed.)",
        "Chalkbeat is a nonprofit news organization covering public education.",
    ],
    "share": [
        "Share this article",
        "Share on Facebook",
        "Share on WhatsApp",
        "Share this on WhatsApp",
        "Share this story via Email",
        "Follow us on Twitter",
        "Facebook Twitter Email",
        "Print this article",
        "Copy link",
    ],
    "subscribe": [
        "Sign up for our daily newsletter",
        "Subscribe to our newsletter to get the latest news in your inbox.",
        "Get our free weekly newsletter",
        "Already a subscriber?",
        "Subscribe now",
        "Enter your email address",
        "Thanks for signing up!",
        "Sign in to comment",
        "Create a free account",
        "Get breaking news alerts and special reports. The news and stories that matter, "
        "delivered weekday mornings.",
        "No spam, we promise. You can unsubscribe at any time.",
    ],
    "advertisement": [
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Sponsored Content",
        "Paid Content",
        "Advertise with us",
        "Continue reading the main story",
        "When you purchase through links on our site, we may earn an affiliate commission.",
        "If you buy something through this post, the site may get a share of the sale.",
    ],
    "caption": [
        "Image caption The minister arrives at the summit in Brussels on Monday",
        "Image copyright Getty Images",
    ],
    "cookie": [
        "We use cookies to improve your experience on our site.",
        "This website uses cookies to ensure you get the best experience.",
        "Accept all cookies",
        "By continuing to use this site, you agree to our use of cookies.",
        "Manage cookies",
    ],
    "legal": [
        "Copyright © 2024 Example Media Inc.",
        "© 2023 The Daily Planet. All rights reserved.",
        "All rights reserved.",
        "Privacy Policy",
        "Terms of Use",
        "Terms of Service | Privacy Policy",
        "Do Not Sell My Personal Information",
        "Cookie Policy",
    ],
    "comments": [
        "Leave a comment",
        "12 Comments",
        "Join the conversation",
        "Be the first to comment",
        "Show comments",
        "Comments are closed.",
        "Your email address will not be published. Required fields are marked *",
    ],
    "navigation": [
        "Skip to main content",
        "Back to top",
        "Menu",
        "Home",
        "Next article",
        "Load more stories",
        "You are here: Home > News > Politics",
    ],
}
CASES = [(kind, text) for kind, texts in POSITIVE.items() for text in texts]


def test_the_examples_cover_every_phrase_kind_the_issue_names() -> None:
    named = {"syndication", "share", "subscribe", "advertisement", "cookie", "legal", "comments"}
    assert named <= set(POSITIVE)
    assert set(POSITIVE) <= set(KINDS)


def profile_for(line: str) -> str:
    """ "page" when the rule that catches the line is for page furniture, else the default."""
    text = comparable(line).text
    rule = phrasebook().match(text, len(text.split()))
    return "page" if rule is not None and rule.pages else "auto"


@pytest.mark.parametrize(("kind", "line"), CASES, ids=[f"{k}:{t[:30]}" for k, t in CASES])
def test_boilerplate_line_is_split_off_with_its_kind(kind: str, line: str) -> None:
    # Page furniture (menus, bylines, photo credits, footer links) applies to page dumps only.
    result = clean(in_article(line), Options(profile=profile_for(line)))
    assert [(r.line, r.kind, r.text) for r in result.removed] == [(2, kind, line)]
    removal = result.removed[0]
    assert removal.rule
    assert removal.reason == f"matches the {kind} phrase rule {removal.rule!r}"
    assert result.text == in_article()[: len(BEFORE) + 1] + AFTER + "\n"


@pytest.mark.parametrize(("kind", "line"), CASES, ids=[f"{k}:{t[:30]}" for k, t in CASES])
def test_keep_kind_keeps_it(kind: str, line: str) -> None:
    result = clean(in_article(line), Options(keep=frozenset({kind})))
    assert result.removed == ()
    assert result.text == in_article(line)


def test_several_boilerplate_lines_in_a_row() -> None:
    lines = ["Share on Facebook", "Share on X", "Advertisement", "Sign up for our newsletter"]
    assert decisions(*lines) == [
        ("share", "Share on Facebook"),
        ("share", "Share on X"),
        ("advertisement", "Advertisement"),
        ("subscribe", "Sign up for our newsletter"),
    ]


def test_article_paragraphs_on_both_sides_of_a_share_row_stay() -> None:
    more = (
        "Opponents of the plan said they would challenge the decision in court, arguing that "
        "the environmental review was rushed."
    )
    result = clean(in_article("Share on Facebook", "Share on X", more))
    assert [r.kind for r in result.removed] == ["share", "share"]


# --- body text that merely mentions these things stays ---------------------------------------

NEGATIVE = [
    # related
    "A related investigation into price comparison websites is expected to report in the spring.",
    "The researchers said the related findings would be published later this year in a "
    "peer-reviewed journal.",
    "Related reading for the seminar includes three essays by Hannah Arendt.",
    # newsletter, subscribe
    "Readers who signed up for the newsletter last year received the first warnings about the "
    "contaminated water supply.",
    "Subscribers to the paper received a printed apology on Sunday morning.",
    "Sign-ups for the marathon closed on Friday after a record 40,000 runners registered in a "
    "single day.",
    "The company said it may earn a commission on each sale, which analysts put at 3%.",
    "Sellers may earn a commission of up to 15% on sales made through their links, the company "
    "said.",
    "Customers who buy insurance through the bank may earn a small commission for referring "
    "friends.",
    "Fresh bread is delivered every morning from a bakery in the next town.",
    "Parcels are delivered weekly to the research station by helicopter.",
    "Get the latest flood alerts from the Environment Agency by phone, officials urged residents.",
    "Get breaking news alerts from emergency services by signing up on the county website, "
    "officials said.",
    "Join thousands of others who get the mayor's weekly newsletter, the spokesman said.",
    "Get a flu shot before December, the health department said in its latest newsletter to "
    "residents.",
    "Read more about the plan on the council's website, the mayor told residents on Monday.",
    # cookies
    "The court ruled that websites must ask before they store cookies on a visitor's device, a "
    "decision that privacy groups welcomed.",
    "The company says it does not use cookies to track children under the age of 13.",
    "The bakery sold more than 2,000 cookies on the first morning of the festival.",
    # copyright, legal
    "The band's lawyers argued that the copyright on the song had expired in 1998, so the "
    "sample required no licence.",
    'The newspaper\'s masthead still reads "Copyright 1923", which archivists used to date it.',
    "Privacy advocates criticised the decision.",
    # share
    "Investors who share the founder's concerns sold their stock on Monday, sending the price "
    "down sharply.",
    "Share prices fell across Asia on Monday.",
    "The museum plans to share the collection with regional galleries.",
    # comments, advertising, navigation, syndication
    "Comments made by the senator on Friday drew criticism from both parties.",
    "Advertising revenue at the newspaper fell by a third in 2023, the company reported.",
    "Follow the river north for two miles and you will reach the old mill.",
    "Home is where the new policy will matter most, the housing minister said.",
    "The report was produced by the university's public health department and released on Monday.",
    "A spokesperson said the photo had been shared with permission from the family, who asked "
    "for privacy.",
]


def test_prose_about_image_copyright_is_no_caption_even_on_a_page() -> None:
    line = "Image copyright claims against news sites rose sharply last year, the study found."
    result = clean(in_article(line), Options(profile="page"))
    assert line not in [r.text for r in result.removed]


@pytest.mark.parametrize("line", NEGATIVE, ids=[t[:40] for t in NEGATIVE])
def test_body_paragraph_that_mentions_boilerplate_words_stays(line: str) -> None:
    assert decisions(line) == []


BODY_SENTENCES_LIKE_RULES = [
    pytest.param(
        "Copyright law in the country has not been updated since 1988, the committee said in "
        "its report.",
        id="copyright-at-start",
    ),
    pytest.param(
        "Under the new rules, websites must make it as easy to refuse tracking as it is to "
        "accept cookies, the regulator said on Thursday.",
        id="accept-cookies-in-prose",
    ),
    pytest.param(
        "Originally published in 1851, Moby-Dick sold poorly during Melville's lifetime and was "
        "out of print when he died.",
        id="originally-published-in-prose",
    ),
    pytest.param(
        "Shared from the governor's own account, the video was viewed more than two million "
        "times before it was deleted.",
        id="shared-from-in-prose",
    ),
]


@pytest.mark.parametrize("line", BODY_SENTENCES_LIKE_RULES)
def test_body_sentence_that_starts_like_a_phrase_rule_stays(line: str) -> None:
    assert decisions(line) == []


PROMPTS_WITH_EXTRAS = [
    pytest.param(
        "Comments (4)",
        "comments",
        id="comment-count-in-brackets",
    ),
    pytest.param(
        "Already a subscriber? Log in",
        "subscribe",
        id="already-a-subscriber-log-in",
    ),
    pytest.param(
        "The Texas Tribune is a nonprofit, nonpartisan media organization that informs Texans "
        "about public policy.",
        "syndication",
        id="publisher-note-with-comma",
    ),
]


@pytest.mark.parametrize(("line", "kind"), PROMPTS_WITH_EXTRAS)
def test_prompts_with_counts_questions_and_lists_are_found(line: str, kind: str) -> None:
    assert decisions(line) == [(kind, line)]


def test_a_long_paragraph_is_never_a_phrase_match() -> None:
    long_note = (
        "This article originally appeared in The Atlantic, and has been expanded with new "
        "reporting from the three towns along the border, where residents described months of "
        "uncertainty about the new checkpoints, the closure of two schools, the loss of bus "
        "services to the regional hospital, and the arrival of hundreds of seasonal workers."
    )
    assert decisions(long_note) == []


# --- related-links lists ----------------------------------------------------------------------

HEADLINES = [
    "River levels hit record high as storm brings more rain",
    "Residents demand answers after second flood in a month",
    "Marina owners count the cost of winter storms",
]


@pytest.mark.parametrize(
    "header",
    [
        "You may also like",
        "You might also like:",
        "Related articles",
        "Related Stories",
        "Read more",
        "Read More:",
        "More from Politics",
        "More on this story",
        "Recommended",
        "Recommended for you",
        "Trending",
        "Trending now",
        "Most read",
        "Don’t miss",
        "Editor’s picks",
    ],
)
def test_a_related_header_and_its_headlines_are_one_list(header: str) -> None:
    result = clean(in_article(header, *HEADLINES))
    assert [(r.line, r.kind, r.rule, r.group) for r in result.removed] == [
        (2, "related", "related-header", 1),
        (3, "related", "related-item", 1),
        (4, "related", "related-item", 1),
        (5, "related", "related-item", 1),
    ]
    assert result.text == in_article()


def test_the_list_ends_at_the_first_line_that_reads_like_body_text() -> None:
    body = (
        "Residents who lost their homes in the floods of 2023 welcomed the announcement but said "
        "it had come too late for many of them."
    )
    result = clean(in_article("Related stories", *HEADLINES, body))
    assert [r.line for r in result.removed] == [2, 3, 4, 5]
    assert body in result.text


def test_a_related_list_in_one_blank_line_block_is_found() -> None:
    text = f"{BEFORE}\n\nYou may also like\n" + "\n".join(HEADLINES) + f"\n\n{AFTER}\n"
    result = clean(text)
    assert [r.kind for r in result.removed] == ["related"] * 4
    assert result.text == f"{BEFORE}\n\n{AFTER}\n"


def test_a_list_ends_at_the_next_header_which_starts_its_own_group() -> None:
    result = clean(in_article("Related stories", HEADLINES[0], "Most read", *HEADLINES[1:]))
    assert [(r.rule, r.group) for r in result.removed] == [
        ("related-header", 1),
        ("related-item", 1),
        ("related-header", 3),
        ("related-item", 3),
        ("related-item", 3),
    ]


def test_a_header_followed_directly_by_body_text_takes_nothing_with_it() -> None:
    result = clean(in_article("Read more"))
    assert [(r.rule, r.text) for r in result.removed] == [("related-header", "Read more")]
    assert result.text == in_article()


def test_a_related_link_is_one_line_not_the_header_of_a_list() -> None:
    line = "Related: How the city paid for its last light-rail line"
    assert decisions(line, *HEADLINES[:1]) == [("related", line)]


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Alibaba poised to launch record-breaking Hong Kong listing",
        "Related: Possible Water Plumes on Europa: The Discovery in Images",
        "See also: Ten years after the flood, the town rebuilds",
    ],
)
def test_a_label_and_a_headline_are_an_inline_related_link(line: str) -> None:
    result = clean(in_article(line))
    assert [(r.kind, r.rule, r.text) for r in result.removed] == [("related", "inline-link", line)]


@pytest.mark.parametrize(
    "line",
    [
        "Related: the mayor also announced a hiring freeze for city departments.",
        "Read more: the full audit, published on Friday, runs to 212 pages.",
        "See also: the 2019 ruling in Smith v. Jones, which reached the opposite conclusion.",
        "Further reading: Caro's biography remains the definitive account of his rise.",
    ],
)
def test_a_sentence_after_a_related_label_is_prose(line: str) -> None:
    assert decisions(line) == []


@pytest.mark.parametrize(
    "line",
    [
        "More than 40 residents spoke at the meeting.",
        "Read more about the history of the bridge in our archive.",
        "Recommended daily intake of salt is six grams for adults.",
    ],
)
def test_lines_that_start_with_a_header_word_are_not_headers(line: str) -> None:
    assert decisions(line, *HEADLINES[:1]) == []


def test_english_phrase_rules_group_without_capturing() -> None:
    """The rules are joined into one alternation; capturing groups would slow every match."""
    book = phrasebook(("en",))
    for rule in book.rules:
        assert re.compile(rule.pattern).groups == 0, rule.name
    assert book.related_header.groups == 0


@pytest.mark.parametrize(
    "banner",
    [
        "This website uses cookies to improve your experience while you navigate through the "
        "website. Out of these cookies, the cookies that are categorized as necessary are stored "
        "on your browser as they are essential for the working of basic functionalities.",
        "Necessary cookies are absolutely essential for the website to function properly.",
        "Non-necessary",
        "Necessary Always Enabled",
    ],
)
def test_a_cookie_consent_box_is_split_off(banner: str) -> None:
    result = clean(in_article(banner), Options(profile=profile_for(banner)))
    assert [(r.kind, r.text) for r in result.removed] == [("cookie", banner)]


def test_cookie_buttons_are_page_furniture_and_stay_in_an_article() -> None:
    assert decisions("Non-necessary") == []


def test_prose_about_cookies_is_not_a_cookie_banner() -> None:
    line = (
        "The regulator said cookies are used to track users across sites without consent, "
        "which it considers a breach of the law."
    )
    assert decisions(line) == []


@pytest.mark.parametrize(
    "line", ["Yes, the game is cool (29%, 1,186 Votes)", "Total Voters: 4,112", "View Results"]
)
def test_poll_options_and_counts_are_split_off_from_pages(line: str) -> None:
    result = clean(in_article(line), Options(profile="page"))
    assert [(r.kind, r.text) for r in result.removed] == [("comments", line)]


def test_a_short_teaser_link_is_split_off_even_when_it_copies_nothing() -> None:
    result = clean(in_article("Cornerbck… Read more"))
    assert [(r.kind, r.rule) for r in result.removed] == [("related", "teaser-link")]


def test_prose_that_ends_in_an_ellipsis_is_not_a_teaser_link() -> None:
    assert (
        decisions("And then, after all that had happened, there was nothing left to say...") == []
    )


def test_a_copyright_line_is_legal_even_where_a_page_only_credit_rule_also_matches() -> None:
    """Portuguese text: pt's page-only `credit-at-end` also matches "… © 2020 …"; on an article
    (no page) the copyright rule must still find the line."""
    body = (
        "Nesta página você terá sempre a classificação atualizada da temporada, com os pontos "
        "de cada piloto depois de cada corrida do campeonato."
    )
    text = f"{body}\n\nCopyright © 2020 The Washington Times, LLC.\n"
    result = clean(text)
    assert result.text == body + "\n"
    assert [(r.kind, r.rule) for r in result.removed] == [("legal", "copyright")]
