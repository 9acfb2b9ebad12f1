"""Japanese and Chinese: recognised by script, with their own page-furniture phrases."""

from __future__ import annotations

import pytest

from artclean import Options, clean
from artclean.features import words_of
from artclean.language import detect
from artclean.normalize import fold

JAPANESE = (
    "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。\n"
    "報道によると、今回販売されたのは、いわゆる「脱獄」したiPhoneです。\n"
    "通常、権利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。\n"
)
CHINESE = (
    "今天天气很好，市政府宣布新的公园将在下个月正式开放，市民可以免费参观。\n"
    "这个项目历时三年，总投资超过两亿元，是本市近年来最大的绿化工程。\n"
    "负责人表示，公园内还将建设图书馆和儿童游乐区，方便附近的居民。\n"
)


@pytest.mark.parametrize(("text", "language"), [(JAPANESE, "ja"), (CHINESE, "zh")])
def test_scripts_without_spaces_are_recognised(text: str, language: str) -> None:
    assert detect(words_of(fold(text))) == language


@pytest.mark.parametrize(
    ("article", "lines"),
    [
        (
            JAPANESE,
            {
                "プライバシーポリシー": "legal",
                "スポンサードリンク": "advertisement",
                "関連記事": "related",
            },
        ),
        (CHINESE, {"版权所有": "legal", "发表评论": "comments", "相关文章": "related"}),
    ],
)
def test_their_page_furniture_is_split_off_and_the_article_stays(
    article: str, lines: dict[str, str]
) -> None:
    # The related-list header comes last: the lines after a header belong to its list.
    text = article + "".join(f"{line}\n" for line in lines)
    result = clean(text, Options(profile="page"))
    assert result.text == article
    assert {r.text: r.kind for r in result.removed} == lines
