"""Question analysis: language, question type, the terms and entities it names, meeting ordinals, years.

Rules work on the diacritic-folded question so that "khi nào" and "khi nao" are the same; English
questions are mapped onto Vietnamese terms through a small domain glossary (``rag/data/glossary.tsv``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rag.dates import find_dates
from rag.gazetteer import (
    PERSON_NAME,
    is_syllable,
    looks_foreign,
    office_nouns_en,
    office_titles,
    person_nouns,
)
from rag.text import fold, has_diacritics, lexical_tokens, nfc, same_tones, segment

Language = Literal["vi", "vi-nodiacritics", "en"]
QType = Literal["when", "where", "who", "how_many", "list", "yes_no", "what"]

_EN_WORDS = set(
    "the a an what when who whom whose where which how did does do is was were are has have had with of and "
    "to in on for by at from that this these those there their they it its agree agreed sign signed signing "
    "meeting held hold many much between about during after before under led lead according article say said "
    "will would can could should any all each other than into which year date day month city place january "
    "february march april may june july august september october november december".split()
)
EN_WORDS: frozenset[str] = frozenset(_EN_WORDS)
"""English function and question words (language detection; never part of a name)."""
_VI_WORDS = set(
    "khi nao bao gio ai o dau gi cua va voi tai da duoc cac nhung nam ngay thang tinh chau hop tac ky ket "
    "thoa thuan hoi nghi phien lan thu nhat trong ve cho la co khong mot hai ba bon nhieu may dien ra "
    "chuc nguoi "
    "doan dai bieu lanh dao chu tich bi thu uy ban nhan dan de xuat noi dung cung giua thi sau truoc".split()
)
# Question words and function words: they say what kind of answer is wanted, not what it is about.
_STOP = set(
    "khi nao bao gio ai o dau gi nhung cac la co khong da duoc the nhu thi ma vay nay do ra vao cua va voi "
    "tai trong ve cho mot bao nhieu may hay cho biet xin vui long which what when who whom whose where "
    "how did does do is was were are has have had the a an of and to in on for by at from that this these "
    "those "
    "there their they it its with between about during many much any all into than will would can could "
    "should please tell me according article articles say said nhung duoc neu cu the thuoc nguoi ten "
    "gom theo bai viet bao thong tin noi nhac den de cap cung nhu ra sao the nao hien nay".split()
)
STOP_WORDS = frozenset(_STOP)  # (the question and function words, folded)

PLACE_KINDS: dict[str, str] = {
    "dao": "đảo",
    "hon dao": "hòn đảo",
    "vung bien": "vùng biển",
    "eo bien": "eo biển",
    "dia ban": "địa bàn",
    "cang": "cảng",
}
"""Kinds of place a where-question may ask by ("trên đảo nào"; folded -> as written, one tone placement;
not "khu vực nào", often a sector of the economy)."""

# what may come first of two ("sự kiện nào", "chuyến nào", "hạn nào", "mốc nào", "cái nào") and how it
# comes ("diễn ra", "đến", "hết hạn", "ra đời", "được thành lập"), folded: "A và B, chuyến nào diễn ra
# trước?", "hạn nào đến trước?"
_EVENT_NOUN = r"(?:su kien|chuyen|le|hoat dong|cuoc \w+|viec|(?:thoi )?han|moc(?: thoi gian)?|cai|dieu)"
_EVENT_VERB = r"(?:dien ra|xay ra|ra doi|bat dau|co|den|het han|duoc \w+(?: lap| ket| bo)?)"

_TYPE_RULES_VI: list[tuple[QType, re.Pattern[str]]] = [
    (  # two amounts compared by their nouns: "so sánh mức ngân sách A với B", "A so với B chênh lệch thế
        # nào" (not "so sánh quan điểm", "chênh lệch giàu nghèo")
        "how_many",
        # (not "mục tiêu", "giá trị văn hoá", nor a question asking who or why: "Ai đề nghị so sánh ...")
        re.compile(
            r"^(?!\s*(?:ai|vi sao|tai sao)\b)(?:.*?)(?:"
            r"\bso sanh (?:\w+ ){0,2}?(?:muc(?! tieu| dich| do)|so tien|con so"
            r"|gia tri(?! van hoa| lich su| tinh than)|ngan sach|du toan|so phieu|so luong|tong von"
            r"|von dau tu|gia ban|ty le|doanh thu|loi nhuan|kim ngach)\b"
            r"|\bchenh lech (?:the nao|ra sao|nhu the nao)\b"
            # ("khác thế nào so với con số mà B đưa ra": another amount)
            r"|\bso voi (?:con so|so tien|so lieu)\b)"
        ),
    ),
    (  # two amounts compared: "A hay B ... nhiều tiền hơn", "dự án nào ... lớn hơn"
        "how_many",
        # (not a threshold: "dự án nào có vốn lớn hơn 1 tỷ USD")
        # ("bên nào có nhiều lĩnh vực ưu tiên hơn": more of a thing, a few words after the side asked; not
        # "khi nào ... nhiều chuyến bay hơn", "hơn nữa", nor a who-question)
        re.compile(
            r"\b(?:nao|hay)\b.*\b(?:nhieu|lon|cao|it|nho|thap) (?:tien |von )?hon\b(?! \d)"
            r"|^(?!ai\b)(?:.* )?(?<!khi )(?<!the )(?:nao|hay)(?: \w+){0,3} (?:nhieu|it) (?:\w+ ){1,4}"
            r"hon\b(?! nua)(?! \d)"
        ),
    ),
    (  # (dates compared: "A trước hay sau B", "A và B, chuyến nào diễn ra trước")
        "when",
        re.compile(
            r"\b(?:truoc hay sau|sau hay truoc|som hon hay muon hon)\b"
            r"|\btruoc hay (?:la )?(?:\w+ ){2,30}?truoc\s*[?.!]?\s*$"
            rf"|\b{_EVENT_NOUN} nao (?:{_EVENT_VERB} )?(?:truoc|som hon)\s*[?.!]?\s*$"
        ),
    ),
    # ("lúc mấy giờ": a time of day; "kéo dài mấy giờ", "mất mấy giờ": how long)
    ("when", re.compile(r"(?<!keo dai )(?<!mat )(?<!trong )\bmay gio\b")),
    (
        "how_many",
        # (not "số lượng lớn", "a large quantity", of "mua số lượng lớn mặt hàng nào")
        re.compile(
            r"\b(bao nhieu|may (?!bay|gio)|(?:keo dai|mat|trong) may gio|so luong(?! (?:lon|nho|it|nhieu)\b)"
            r"|bao lau)\b"
        ),
    ),
    (  # "Phó Chủ tịch ... tên là gì?" asks for a person; "tuyến du lịch có tên là gì?" does not
        "who",
        re.compile(
            # (the person is what the question, or its last clause, is about: not "chiến dịch nhằm vào
            # người Kurd ... có tên là gì", "chiến dịch do ông A phát động"; or "người đó", "vị này")
            r"(?:^|[,;] )(?:\w+ ){0,3}?(?<!do )(?<!cua )"
            r"(nguoi|ong|ba|lanh dao|chu tich|bi thu|truong|quan chuc)\b.{0,140}"
            r"\b(ten la gi|ten gi|ho ten)\b|\b(?:nguoi|vi) (?:do|nay)\b.{0,10}\b(ten la gi|ten gi|ho ten)\b"
        ),
    ),
    (  # "lãnh đạo tỉnh nào ..." asks for a person (an office followed by "nào": _asks_office_holder)
        "who",
        # (not "quan chức những nước nào": which countries)
        # ("đại biểu Hà Nội nào": a deputy; not "đoàn đại biểu tỉnh A ... vào ngày nào")
        re.compile(
            # (nor "người sống chung với những căn bệnh nào": "những" opens the noun asked)
            # ("Nam" marked apart from "năm" in a marked question: "lãnh đạo Đông Nam Á nào")
            # (not a time the noun before "nào" asks: "giảm số nhân viên xuống còn 455 người trước thời hạn
            # nào" asks when)
            r"\b(lanh dao|quan chuc|nguoi)\b(?: (?!nhung\b|cac\b)(?:[a-z]+|nam_)){0,6}"
            # (not "Hàn": "Quan chức Hàn nào")
            # (nor "thế nào", how: "người dân phải thế nào")
            r"(?<! thoi han)(?<! ngay)(?<! thang)(?<! thoi diem)(?<! luc)(?<! hom)(?<! dip)(?<! the) nao\b"
            # ("cán bộ nào" opening the question: not "những hình thức kỷ luật cán bộ nào", "Cán bộ bị kỷ
            # luật theo hình thức nào")
            r"|^\s*can bo nao\b"
            r"|(?<!doan )\bdai bieu"
            r"(?: (?!(?:ngay|thang|nam|khi|luc|hom|khoa|tinh|nuoc|quoc gia)\b)[a-z_]+){0,3}"
            r"(?<! khoa)(?<! tinh)(?<! nuoc)(?<! quoc gia) nao\b"
        ),
    ),
    (
        "when",
        re.compile(
            # (not "vũ khí nào", "binh khí": folded alike; "bắt đầu khi nào" is a when-question)
            r"\b((?<!vu )(?<!binh )khi nao|bao gio|ngay nao|ngay may|ngay bao nhieu|thoi gian nao|"
            r"luc nao|"
            r"(?<!van )nam nao|thang nao|thang may|nam may|hom nao|thoi diem nao|vao ngay nao|"
            # (a time limit: "đặt thời hạn chót nào", "hạn cuối nào", "trước thời hạn nào")
            # (not "được cấp với thời hạn nào", a term)
            r"(?:thoi )?han (?:chot|cuoi(?: cung)?) nao|(?:truoc|den|toi|vao) thoi han nao|"
            r"dien ra vao)\b"
        ),
    ),
    (
        "where",
        re.compile(
            # ("nơi nào" after a preposition or opening the question: not "đại biểu Hà Nội nào")
            r"\b(o dau|tai dau|dia diem nao|dia diem|o nao|thanh pho nao|o tinh nao|"
            r"(?:^|(?:o|tai|den|toi|tu|la|va|tham|sang|ve|nhung|cac|di|chon|gap|dung chan) )noi nao|"
            r"tai tinh nao|dien ra o|"
            # (a street: "nằm trên đường phố nào", "ở phố nào")
            r"(?:tren|o|tai) (?:duong pho|con pho|tuyen pho|pho|con duong|duong) nao|"
            r"(?:o|tai) (?:nuoc|quoc gia|thu do|bang|quan|phuong|thi xa) nao|"
            # (where from: "được phóng từ tỉnh nào", "cất cánh từ căn cứ nào")
            r"tu (?:tinh|thanh pho|huyen|quan|bang|thu do|can cu|cang) nao|"
            # (the unit something lies in: "thuộc huyện (và tỉnh) nào", "nằm ở tỉnh nào")
            r"thuoc (?:tinh|thanh pho|huyen|quan|phuong|xa|thi xa|thi tran|bang)"
            r"(?: (?:va|hay) \w+(?: \w+)?)? nao|"
            rf"(?:o|tai|tren) (?:{'|'.join(sorted(PLACE_KINDS, key=len, reverse=True))}) nao|"
            r"(?:o|tai) (?:khach san|trung tam hoi nghi|san van dong|nha hat|benh vien|hoi truong|toa nha"
            r"|trai tam giam|trai giam|nha tu|toa an)"
            r"(?: (?:hay|hoac)(?: \w+){1,4}?)? nao|san bay(?: quoc te)? nao)\b"
        ),
    ),
    (  # ("vị nào" is a person; "đơn vị nào", a body, is not)
        "who",
        re.compile(
            r"(^|\s)(ai|nguoi nao|(?<!don )vi nao|ong nao|ba nao|lanh dao nao|do ai|chuc vu gi)(\s|\?|$)"
        ),
    ),
    (
        "list",
        re.compile(
            r"\b(nhung (gi|noi dung|linh vuc|van ban|cua khau|tinh)|(?:cac|nhung) .{1,40} nao|liet ke|"
            r"gom nhung|bao gom nhung)\b"
        ),
    ),
    ("yes_no", re.compile(r"\b(co .{1,160} khong|phai khong|hay khong|chua)\s*\??\s*$")),
]
_TYPE_RULES_EN: list[tuple[QType, re.Pattern[str]]] = [
    (  # two events' dates compared
        "when",
        re.compile(
            r"\b(?:before or after|after or before|(?:which|what) (?:\w+ ){0,2}?(?:came|happened|took place|"
            r"was signed|occurred) first)\b"
        ),
    ),
    (  # an amount, however it is asked: "what percentage", "what was the value", "how large"
        "how_many",
        re.compile(
            r"\b(how many|how much|number of|how long|how (?:large|big|high|far))\b"
            # (two amounts compared: "which was bigger: A or B", "how does X compare with Y")
            r"|\bwhich (?:\w+ ){0,12}?(?:bigger|larger|higher|greater|smaller|lower|worth more|cost more|"
            r"more valuable|more expensive)\b"
            r"(?=.*(?:\bor\b|\bthan\b(?! \$?\d)|:))"  # (not a threshold: "worth more than 1 billion")
            r"|\bhow (?:does|did|do) .{1,80}? compare\b"
            # ("were more individuals or more companies targeted": two counts compared)
            r"|\b(?:more|fewer) \w+(?: \w+){0,2} or (?:more|fewer) \w+"
            r"|\bwhat (?:(?:was|is|were|are|will be) )?(?:the )?(?:(?:total|combined|overall|registered|"
            r"estimated|exact|precise|approximate|actual) )*(?:percentage|percent|share|proportion|value|"
            r"amount|sum|price|cost|interest rate|rate|size|budget|turnover|revenue|profit)\b"
            # (money by its noun: "what is the total registered capital", not "the capital of Laos")
            r"|\b(?:what|how much) (?:(?:was|is|were|are|will be) )?(?:the )?(?:(?:total|combined|overall|"
            r"estimated) )*(?:(?:registered|charter|initial|investment|total) capital|capital of the|"
            r"compensation|funding)\b(?! (?:sources?|channels?|bodies|agency|agencies)\b)"
        ),
    ),
    (
        "when",
        # "when" asks only at the head of a clause ("When did ...", "... and when was it signed?"); "who
        # represents X when the treaty is signed" asks who
        re.compile(
            # (after a comma only when it closes the question, ", and when?": "Which company did A name, when
            # he said ...?" asks which)
            r"(?:^|\band )when\b|[,;] when(?=\W*$|\s*,|\s+(?:and|or|exactly|precisely)\b)"
            r"|\bwhen (?:did|does|do|is|was|were|will|has|have|had|are|can|could|would|should)\b"
            r"|\b(?:what|which) (?:exact |specific |particular )?"
            # (not "which days", of the week as often as of a month: "which days is the market held")
            r"(?:dates?|years?|day|months?|time(?! frame| of))\b"
        ),
    ),
    (
        "where",
        re.compile(
            # ("where" asks at the head of a clause: "Where did ...", "... and where?"; "the ceremony where
            # A signed" asks something else)
            # (not a relative clause after a comma: "... Idlib region, where the army has fought")
            r"(?:^|\band |\b(?:tell me|know|say|ask) )where\b"
            r"|[,;] where\b(?=\W*$| (?:exactly|precisely|in|on|at|did|does|do|is|was|were|will|has|have|had"
            r"|are|can|could|would|should)\b)"
            r"|\bwhere (?:did|does|do|is|was|were|will|has|have|had|are|can|could|would|should)\b"
            # (an adjective may come between: "in which Russian city", "which Chinese province")
            r"|\b((?:which|what) (?:(?!and |or )\w+ ){0,2}(?:city|province)"
            r"|what place|what venue|which venue|(?:which|what) (?:street|road|avenue)\b|"
            r"(?:in|at|on) (?:which|what) (?:(?!and |or )\w+ ){0,2}"
            r"(?:country|city|province|town|place|venue|district|prefecture|state|region|stadium|hotel|"
            r"building|hall|room|port|airport|university|school|island|islands|waters|sea|strait|harbou?r|prison"
            r"|factory))\b"
            r"|\b(?:what|which) (?:is|was|are|were) (?:(?:the|its|their) )?(?:[\w'’-]+ ){0,3}?"
            r"address(?:es)?\b"
        ),
    ),
    (
        "who",
        re.compile(
            # ("whose" opening the question or after a preposition that does, not a relative clause's: "the
            # company whose office is in ...", "the summit on whose sidelines")
            r"\b(who|whom|(?<![a-z] )(?<!, )whose"
            r"|(?:at|by|in|under|on|to|for|with|from|of) whose (?:\w+ ){1,2}"
            r"(?:did|does|do|is|was|were|are|will|has|have|had|can|could|would|should|must)\b|(which|what) "
            r"((?!(?:did|does|do|is|was|were|will|has|have|had|are)\b)\w+ ){0,3}"
            r"(official|leader|person|chairman|secretary|governor|"
            r"prefect|head|minister|president|ambassador|director|mayor|envoy|representative|commander|senator|"
            r"ceo)s?|name of (the )?(\w+ ){0,2}?(person|official|leader|minister|president|chairman|"
            r"secretary|governor|ambassador|director|head|chief|mayor|envoy|representative|ceo|coach|winner)"
            r"(?! of the (?:agreement|project|programme|program|plan|deal|treaty)))\b"
        ),
    ),
    ("list", re.compile(r"\b(list|what are the|which .{1,40} were|what .{1,40} were)\b")),
    ("yes_no", re.compile(r"^(did|does|do|is|was|were|are|has|have|had|can|will|must|should|could|would)\b")),
]
_ORDINAL = re.compile(
    r"\b(phien hop|hoi nghi|thuong dinh|session|meeting|conference|summit)\b[^?.,]{0,40}?(?<!\bbi )"
    r"\b(?:lan\s+thu|thu|lan)\s+(\d{1,2}|nhat|hai|ba|tu|bay|chin|muoi)\b"
    r"|\b(\d{1,2})(?:st|nd|rd|th)\s+(?:\w+\s+){0,4}?(session|meeting|conference|summit)"
    # (not "for the first time at its 42nd session")
    r"|\b(first|second|third|fourth|fifth|seventh|ninth|tenth)\s+(?!time\b)(?:\w+\s+){0,4}?"
    r"(session|meeting|conference|summit)"
    r"|\b(?:phien hop|hoi nghi)\b[^?.,]{0,30}?\b(dau tien)\b"
)
_WORD_NUM = {
    "nhat": 1,
    "dau tien": 1,
    "hai": 2,
    "ba": 3,
    "tu": 4,
    "bay": 7,
    "chin": 9,
    "muoi": 10,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "seventh": 7,
    "ninth": 9,
    "tenth": 10,
}
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_MONTHS_EN = list(calendar.month_name)[1:]
_DAY_EN = re.compile(
    rf"\b(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m>{'|'.join(_MONTHS_EN)})"
    rf"|(?P<m2>{'|'.join(_MONTHS_EN)}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\b(?!\d)"
)
_MONEY_NOUNS = frozenset({"tien", "von", "kinh", "chi", "gia", "tri", "money"})
_MONEY_Q = re.compile(
    # (not "hoàn vốn", a payback; "how much prize money")
    # ("có giá bao nhiêu", a price; not "tham gia bao nhiêu", "quốc gia bao nhiêu", "đánh giá bao nhiêu")
    r"\b((?<!tham )(?<!quoc )(?<!chuyen )(?<!gia )(?<!danh )(?<!dau )gia (?:la |khoang )?bao nhieu"
    r"(?=\W*$|\s*[,;?]| (?:tien|mot|moi|khi|tren|tai|o|vao|nam|hien nay)\b)|"
    r"gia tri|tri gia|tong muc dau tu|tong von|kinh phi|chi phi|kim ngach|(?<!hoan )von|bao nhieu tien|"
    r"ty dong|ti dong|trieu dong|usd|do la|euro|value|cost|worth|budget|price|revenue|turnover"
    r"|how much (?:\w+ ){0,2}?money|"
    r"(?<!lai suat )(?:cho vay|khoan vay|vay von|duoc vay)(?: \w+){0,3} bao nhieu"
    r"(?= moi\b| mot\b| tien\b|\W*$)"
    r"|how much (?:credit|loan)"
    # ("how much did A invest"; not "how much time did A spend")
    r"|how much (?:did|does|do|will|would|has|have|had) (?:\w+ ){0,4}?(?:invest|spend|pay|lend|borrow|raise)"
    r")\b"
)

# English nouns of money that ask for an amount where the question asks for them ("what is the total
# registered capital", "how much compensation"; not "which funding sources", "the capital of Laos", "how
# far is the investment area")
_MONEY_NOUN_EN = re.compile(
    r"\b(?:what|how much) (?:(?:was|is|were|are|will be) )?(?:the )?"
    r"(?:(?:total|combined|overall|estimated) )*"
    r"(?:(?:registered|charter|initial|investment|total) capital|capital of the|compensation|funding|"
    r"investment|fine)\b(?! (?:sources?|channels?|bodies|agency|agencies|area|zone)\b)"
)

# a number written right before ("188 triệu USD") or after ("USD 100 million") a currency: given
# (only a currency names a given amount: "giá trị 2 hợp đồng", "the 2020 budget" still ask for one)
_GIVEN_BEFORE = re.compile(
    r"(?<![\d.,])(?!(?:1[89]|20)\d\d\b)\d[\d.,]*\s*(?:trieu|ty|ti|nghin|ngan|million|billion|bn)?\s*$"
)
_GIVEN_AFTER = re.compile(r"\s*\d")
_CURRENCY_Q = frozenset({"usd", "do la", "euro", "ty dong", "ti dong", "trieu dong"})  # ("tỷ" or "tỉ")

# a multiple ("tăng bao nhiêu lần", "how many times") or a duration ("kỳ hạn bao lâu", "how long"): not
# an amount of money, whatever the question says it is of
_TIMES_Q = re.compile(r"\b(bao nhieu|may) lan\b|\bhow many times\b|\bbao lau\b|\bhow long\b")
# (not a length: "how long is the border")
_LENGTHS_EN = (
    r"(?:border|bridge|road|river|railway|route|line|coast|coastline|pipeline|tunnel|runway|highway|expressway|"
    r"canal|stretch|section|segment|wall|fence|track|cable|dyke|dike|embankment)s?"
)
# (a time something was in a state: "how long was the power line cut off")
_IN_A_STATE_EN = (
    r"(?! (?:\w+ )?(?:cut|closed|out|shut|suspended|blocked|disrupted|down|halted|interrupted|delayed|"
    r"stopped|open|used|in use)\b)"
)
_DURATION_Q = re.compile(
    # (not a length: "how long was the landslide stretch on the canal", a noun or two before the thing
    # measured; but "how long was the power line cut off", a time it was in a state)
    rf"\bbao lau\b|\bhow long\b(?! (?:is|was|are|were) the (?:\w+ ){{0,2}}{_LENGTHS_EN}\b{_IN_A_STATE_EN})"
)
# (nor one of the things the question named before: "which package builds the longer road section, and how
# long is each"; not "the bridge was closed; how long was it closed")
_LENGTH_NAMED_BEFORE = re.compile(
    rf"\b{_LENGTHS_EN}\b.{{1,80}}\bhow long (?:is|was|are|were) (?:each|it|they|both)\b{_IN_A_STATE_EN}"
)
TIME_UNITS = ("nam", "thang", "tuan", "ngay", "gio", "tieng", "phut")
"""The (folded) units a duration is counted in: "bao lâu" is answered by "14 năm", "6 tháng", "3 tiếng"."""


@lru_cache(maxsize=1)
def glossary() -> dict[str, list[str]]:
    """English domain term -> Vietnamese equivalents (NFC)."""
    return _english_to_vietnamese("glossary.tsv")


@lru_cache(maxsize=1)
def verbs() -> dict[str, list[str]]:
    """English verb of news reporting (base form) -> its Vietnamese equivalents (``verbs-en.tsv``)."""
    return _english_to_vietnamese("verbs-en.tsv")


def _english_to_vietnamese(name: str) -> dict[str, list[str]]:
    """A table of ``rag/data``: English (lower case)<TAB>Vietnamese equivalents separated by "|" (NFC)."""
    entries: dict[str, list[str]] = {}
    for line in (Path(__file__).with_name("data") / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        en, vi = line.split("\t", 1)
        # punctuation as the question's words are read: "culture, sports" is "culture sports"
        key = re.sub(r"['’]s\b", "", en.lower())  # ("people's committee": as the question is read)
        entries[" ".join(re.sub(r"[^\w'\- ]+", " ", key).split())] = [
            nfc(v.strip()) for v in vi.split("|") if v.strip()
        ]
    return entries


def detect_language(question: str) -> Language:
    """English when English words outnumber Vietnamese ones (names may keep their diacritics): function
    words, and, in a question without Vietnamese marks, words of the English tables that no Vietnamese
    syllable spells ("chairs", "partner")."""
    words = re.findall(r"[a-z']+", fold(question))
    # (a question with Vietnamese marks is Vietnamese whatever loanwords it uses: "Startup fintech nào")
    marked = has_diacritics(question)
    en = sum(w in _EN_WORDS or (not marked and _english_word(w)) for w in words)
    vi = sum(w in _VI_WORDS for w in words)
    if en > vi and en >= 2:
        return "en"
    return "vi" if has_diacritics(question) else "vi-nodiacritics"


def _english_word(word: str) -> bool:
    """A word of four letters or more, no Vietnamese syllable, that the glossary or the verbs table has
    (in any inflection: "chairs", "signed")."""
    if len(word) < 4 or is_syllable(word):
        return False
    return any(w in glossary() or w in verbs() for w in (word, *_stems(word)))


def lexical_query(question: str) -> str:
    """The text lexical search should match: English questions get their Vietnamese glossary terms,
    Vietnamese ones the usual news wording of their paraphrases ("đầu tiên" -> "lần thứ nhất")."""
    if detect_language(question) != "en":
        extra = _paraphrases(question)
        return f"{question} . {extra}" if extra else question
    translated = _translate(question)
    extra = _paraphrases(translated)  # the same news wordings as for a Vietnamese question
    return " . ".join(t for t in (question, translated, extra) if t)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, list[str]]:
    """Folded Vietnamese phrase -> the wordings articles use for it (``rag/data/synonyms.tsv``)."""
    return _phrase_table("synonyms.tsv")


@lru_cache(maxsize=1)
def counted_synonyms() -> dict[str, list[str]]:
    """Folded noun a how-many question counts -> the nouns an article may count it as
    (``rag/data/counted-synonyms.tsv``)."""
    return _phrase_table("counted-synonyms.tsv")


@lru_cache(maxsize=1)
def _money_kind_pattern() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The wordings of ``rag/data/money-kinds.tsv`` as two patterns, marked (lower case, one tone
    placement) and folded, longest first, with the kind of each wording in either form."""
    kind_of: dict[str, str] = {}
    marked: set[str] = set()
    for kind, values, *_ in _rows("money-kinds.tsv"):
        for v in (v.strip() for v in values.split("|")):
            if v:
                marked.add(same_tones(nfc(v)))
                kind_of.setdefault(same_tones(nfc(v)), kind)
                kind_of.setdefault(fold(v), kind)

    def pattern(words: set[str]) -> re.Pattern[str]:
        longest_first = sorted(words, key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, longest_first)) + r")(?!\w)")

    return pattern(marked), pattern({fold(w) for w in marked}), kind_of


def money_kinds(text: str, marked: bool = True, syllables: bool = True) -> frozenset[str]:
    """The kinds of sum (``rag/data/money-kinds.tsv``) a text names money by: "hai dự án trị giá hơn 6 tỷ
    USD" -> {"value"}, "gây thiệt hại" -> {"damage"}; a wording that means something else ("đánh giá")
    names none. Read with its marks (a sentence, a question typed with them), or ``marked=False`` folded
    (English; a question typed without marks, whose words of one syllable are too often another word's,
    ``syllables=False``: "tra" is also "trà", "phat" "phát")."""
    marked_pattern, folded_pattern, kind_of = _money_kind_pattern()
    text = same_tones(nfc(text)) if marked else fold(text)
    found = (marked_pattern if marked else folded_pattern).findall(text)
    return frozenset(kind_of[w] for w in found if syllables or " " in w) - {"none"}


@lru_cache(maxsize=1)
def exclusive_values() -> dict[str, list[tuple[list[str], list[str]]]]:
    """Kind -> its values that exclude each other, each as its wordings and the words one of which must come
    shortly before it, folded (``rag/data/exclusive-values.tsv``: "discipline" -> [(["khien trach",
    "reprimand", ...], ["bi", "hinh thuc", ...]), ...])."""
    kinds: dict[str, list[tuple[list[str], list[str]]]] = {}
    for kind, *columns in _rows("exclusive-values.tsv"):
        wordings, context = [
            [" ".join(re.findall(r"\w+", fold(v))) for v in c.split("|") if v.strip()]
            for c in (*columns, "")[:2]
        ]
        kinds.setdefault(kind, []).append((wordings, context))
    return kinds


@lru_cache(maxsize=1)
def opposites() -> dict[str, tuple[str, ...]]:
    """Act -> the acts that say its opposite, as written in lower case with one tone placement
    (``rag/data/opposites.tsv``: "nới lỏng" -> ("duy trì", "siết chặt", ...))."""
    return {
        same_tones(act.lower()): tuple(same_tones(o.strip().lower()) for o in others.split("|") if o.strip())
        for act, others, *_ in _rows("opposites.tsv")
    }


def _rows(name: str) -> list[list[str]]:
    """The tab-separated rows of ``rag/data/<name>``, stripped; comments and blank lines left out."""
    path = Path(__file__).with_name("data") / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        [c.strip() for c in line.split("\t")] for line in lines if line.strip() and not line.startswith("#")
    ]


def _phrase_table(name: str) -> dict[str, list[str]]:
    return {key: [nfc(v.strip()) for v in values.split("|") if v.strip()] for key, values, *_ in _rows(name)}


def _phrase_tokens(phrase: str) -> list[str]:
    """The token that stands for a phrase: its first bigram, or the word itself."""
    sy = re.findall(r"\w+", fold(phrase))
    return ["_".join(sy[:2])] if len(sy) >= 2 else sy


def _paraphrases(question: str) -> str:
    folded = " " + " ".join(re.findall(r"\w+", fold(question))) + " "
    found = [v for key, values in synonyms().items() if f" {key} " in folded for v in values]
    return " . ".join(dict.fromkeys(found))


def question_types(question: str, language: Language) -> list[QType]:
    """Every type the question asks, main one first ("ở đâu và ngày nào" asks where and when)."""
    text = nfc(question)
    if language == "vi":  # marked text tells "mấy" (how many) from "máy" (machine), "mây", ...
        text = re.sub(r"(?i)\bm(?:á|à|ả|ã|ạ|â|ầ|ẩ|ẫ|ậ)y\b", "thiết_bị", text)
        # ... and "tháng nào" (which month) from "trực thăng nào" (which helicopter), "năm" from "Nam"
        text = re.sub(
            r"\w+",
            lambda m: m[0] + "_" if _marked_otherwise(m[0]) else m[0],
            text,
        )
    # "vào ngày cụ thể nào", "thành phố chính xác nào": which one, as without the adverb
    folded = re.sub(r"\b(?:cu the|chinh xac) (?=nao\b)", "", fold(text).strip())
    if language == "vi-nodiacritics":  # unmarked, "may" is "mấy" (how many) but not in "nhà máy" (a
        # factory), "máy bay", "máy móc", "may mắn", "may mặc", ... (``_machines``)
        folded = _machines(folded).sub(lambda m: m[0].replace("may", "thiet_bi"), folded)
    if language != "en":  # ... nor after a foreign given name ("theresa may"; not "ASEAN", "2019": "asean
        # may nuoc"), nor "May" written with a capital in a marked question
        given = {fold(w) for w in re.findall(r"\b([A-Z][a-z]{2,})\s+May\b", text)}
        folded = re.sub(
            r"\b([a-z]+) may\b",
            lambda m: (
                f"{m[1]} thiet_bi"
                if m[1] in given
                or (language == "vi-nodiacritics" and looks_foreign(m[1]) and _given_name(m[1]))
                else m[0]
            ),
            folded,
        )
        # "người Kurd", "người Việt": a people, not a person asked ("người Mỹ nào", "người Trung Quốc nào"
        # are; "người anh của nghi phạm", "người lao động" are persons)
        peoples = {fold(m[1]) for m in re.finditer(r"\b[Nn]gười\s+([A-ZĐ][\w-]*)", text)}
        folded = re.sub(
            r"\bnguoi (?!(?:\w+ ){0,2}nao\b)(\w+)",
            lambda m: (
                f"nguoi_ {m[1]}"
                if m[1] in peoples or (m[1].isalpha() and looks_foreign(m[1]) and m[1] not in given)
                else m[0]
            ),
            folded,
        )
    rules = _TYPE_RULES_EN if language == "en" else _TYPE_RULES_VI
    # "Việt Nam nào", "Quảng Nam nào" (a place of the gazetteer ending in "Nam") ask which one, not which year
    dated = re.sub(
        r"\b(\w+) nam nao\b", lambda m: f"{m[1]}_nam" if _is_place(f"{m[1]} nam") else m[0], folded
    )
    found = [qtype for qtype, pattern in rules if pattern.search(dated if qtype == "when" else folded)]
    if language != "en" and (_asks_office_holder(text) or _asks_holder_name(folded)):
        found.insert(0, "who")
    if language == "en" and not {"when", "where", "how_many"} & set(found) and _asks_office_holder_en(folded):
        found.insert(0, "who")  # (not "When was the agreement, which the president signed, ratified?")
    if "yes_no" in found and language != "en" and _ends_whether(text if language == "vi" else folded):
        found.insert(0, "yes_no")  # "đã có nhà lãnh đạo nào ... chưa?": whether, not who
    if language == "en" and (_EN_WHETHER.search(folded) or _EN_AUXILIARY_FIRST.match(folded)):
        # "After A and B ended their venture, has it been made clear who ...?": whether, after an opening
        # clause; "Was A, whom B proposed ..., already chairman?": whether ("whom" opens a relative clause)
        found.insert(0, "yes_no")
    if language == "en" and _EN_WHICH_OF_TWO.search(folded) and _EN_COMPARATIVE.search(folded):
        found = [t for t in found if t != "yes_no"]  # "are more X or Y?", "did A or B sign first?": which
    if found[:1] == ["who"] and _BODY_ROLE_ASKED.search(folded):  # ("nhà đầu tư dự án A là ai": a
        # company as a rule, the sentence that names it)
        found = ["what", *(t for t in found if t != "who")]
    return list(dict.fromkeys(found)) or ["what"]


# a role that a body plays more often than a person, asked with "là ai", "ai là", "who is the" (folded)
BODY_ROLES = frozenset({"nha dau tu", "chu dau tu", "nha thau", "nha thau thi cong", "don vi thi cong"})
_BODY_ROLES = "(?:" + "|".join(sorted(BODY_ROLES | {"investor", "contractor"}, key=len, reverse=True)) + ")"
# (not a person of it asked: "nhà đầu tư dự án A có người đại diện là ai", "the investor's chairman")
_OF_THE_BODY = r"(?:nguoi|giam doc|tong giam doc|chu tich|lanh dao|dai dien|nha sang lap|ong chu|ba chu)"
_BODY_ROLE_ASKED = re.compile(
    rf"^(?:cho biet )?{_BODY_ROLES}\b(?:(?! ai\b| {_OF_THE_BODY}\b)[^,;])* la ai\s*[?.!]*\s*$"
    rf"|^ai (?:se )?(?:la|lam) {_BODY_ROLES}\b"
    rf"|^who (?:is|was|will be) the (?:main )?{_BODY_ROLES}s?\b(?!['’])"
)


_EN_AUXILIARIES = "did|does|do|is|was|were|are|has|have|had|will|would|can|could|should|must"
# (irregular past forms of reporting verbs; the regular ones end in "-ed")
_EN_IRREGULAR_PAST = (
    "said|told|met|led|spoke|held|gave|took|made|sent|won|wrote|became|came|went|saw|chose|sought"
    "|lent|sold|bought|paid|spent|built|brought|kept|fought|began"
)


# bodies whose members are countries ("which members of NATO opposed": countries, not people)
_BODIES_OF_COUNTRIES = "nato|asean|eu|european union|g7|g20|brics|opec|un|united nations|security council"


@lru_cache(maxsize=1)
def _office_holder_en() -> re.Pattern[str]:
    """An English question opening (after a preposition at most) with a wh-phrase headed by an office noun
    of the titles' table (``office_nouns_en``), then a comma or a verb: "which Russian general claimed",
    "what official, quoted by the agency, confirmed"; not "which general principles", "what major
    projects" (a noun follows the adjective), nor "which major issues were discussed", "which member
    states signed" (a verb's -s form followed by an auxiliary or a past form is a plural noun). A compound
    ending in an office noun heads one too ("which UN under-secretary-general"), and what the office is of
    or for may follow it ("which minister of finance said")."""
    nouns = "|".join(re.escape(n) for n in sorted(office_nouns_en(), key=len, reverse=True))
    verbs_s = "|".join(re.escape(v) + "e?s" for v in sorted(verbs()))
    function = rf"{_EN_AUXILIARIES}|the|a|an|of|in|at|to|for|by|with|from|on|and|or"
    return re.compile(
        rf"^(?:(?:in|at|by|from|with|to|under|for) )?(?:which|what) "
        # (a compound ending in one, "under-secretary-general"; with what it is of or for, "minister of
        # finance said", "under-secretary-general for management told"; "which member of the Politburo", but
        # not "which members of NATO": countries)
        rf"(?:(?!(?:{function})\b)[a-z\-]+ ){{0,3}}?(?:[a-z]+-)*(?:{nouns})s?"
        rf"(?:(?<!member)(?<!members) (?:of|for) (?:the )?[a-z\-]+(?: [a-z\-]+){{0,2}}?"
        rf"|(?:(?<=member)|(?<=members)) of (?!(?:the )?(?:{_BODIES_OF_COUNTRIES})\b)"
        rf"(?:the )?[a-z\-]+(?: [a-z\-]+){{0,2}}?)?"
        rf"(?=,| (?:who|that|{_EN_AUXILIARIES}|{_EN_IRREGULAR_PAST}|[a-z]+ed"
        rf"|(?:{verbs_s})(?! (?:{_EN_AUXILIARIES}|{_EN_IRREGULAR_PAST}|[a-z]+ed)\b))\b)"
    )


def _asks_office_holder_en(folded: str) -> bool:
    """An English question asks for a person by the office noun of its wh-phrase (``_office_holder_en``)."""
    return bool(_office_holder_en().search(folded))


# (two alternatives, one of them more, first, larger ...: not "two or more", "or not", "or so")
_EN_WHICH_OF_TWO = re.compile(
    # (or "more A or more B": not "ten or more")
    r" or (?!(?:more|less|fewer|not|so|other|others)\b)\w+"
    r"|\b(?:more|fewer) \w+(?: \w+){0,2} or (?:more|fewer) \w+"
)
_EN_COMPARATIVE = re.compile(
    r"\b(?:more|less|fewer|first|earlier|later|larger|bigger|higher|lower|longer|shorter|greater|smaller)\b"
)
_EN_WHETHER = re.compile(
    r"^[^,?]{3,150}, (?:did|does|do|is|was|were|has|have|had|can|will|are|must|should|could|would) "
)
_EN_AUXILIARY_FIRST = re.compile(  # (an auxiliary, a subject, then a relative clause set off by commas)
    r"(?:did|does|do|is|was|were|has|have|had|can|will|are|must|should|could|would) [^,?]+, "
    r"(?:who|whom|which) [^,?]+, "
)
WHY = re.compile(r"\b(?:vi sao|tai sao|why|(?:vi|do) ly do gi|nguyen nhan (?:nao|gi|la gi))\b")
"""A question asking why (over its folded words, ``Question.words``)."""
# where something comes from (folded): "lấy từ đâu", "từ nguồn nào", "nguồn vốn nào", "where will the money
# come from"; not with how much is asked too ("là bao nhiêu và lấy từ đâu", "how much of it will come from")
_ASKS_SOURCE = re.compile(
    r"^(?!.*\b(?:bao nhieu|how much|how many)\b)"
    r".*\b(?:(?:lay|trich|huy dong|chi) (?:tu|o) dau|tu nguon nao|nguon (?:\w+ )?nao|where .+ come from)\b"
)
_MACHINE = re.compile(
    # ("xe máy", not "xe mấy giờ", "xe mấy chỗ")
    r"\b(?:nha|tho|cong nhan) may\b|\bxe may\b(?! (?:gio|cho ngoi|chiec|tuoi|banh)\b)"
    r"|\bmay (?:bay|moc|man|mac|phat|keo|xuc|bom)\b"
)


def _machines(folded: str) -> re.Pattern[str]:
    """Where a question typed without marks writes "máy" (a machine), not "mấy": ``_MACHINE``, or every
    "may" of a question asking "may nao" ("máy nào", which machine: "mấy" takes no "nào")."""
    machine = re.search(r"(?<!nha )(?<!tho )(?<!nhan )\bmay nao\b", folded)  # (not "nhà máy nào")
    return re.compile(r"\bmay\b") if machine else _MACHINE


def _ends_whether(text: str) -> bool:
    """The question closes with "không"/"chưa" asking whether (marked when the question is: not "chùa";
    not "phòng không", "hàng không", "chân không")."""
    end = re.search(r"(\w+)\s+(\w+)\W*$", text.lower())
    if end is None:
        return False
    before, last = end.group(1), end.group(2)
    marked = text != fold(text)
    if last not in (("không", "chưa") if marked else ("khong", "chua")):
        return False
    return fold(before) not in ("phong", "hang", "chan")


def _asks_holder_name(folded: str) -> bool:
    """An office title of ``rag/data/titles.tsv`` (or a kind of person, ``person-nouns.tsv``) before "tên là
    gì" asks for its holder's name ("tư lệnh không quân Israel ... tên là gì"), and so does one that
    "tên (những) ... là gì" opens with ("tên những đại biểu ... là gì")."""
    from rag.gazetteer import person_nouns, titles

    heads = (*titles(), *person_nouns())
    opening = re.match(r"\s*(?:ho )?ten (?:cua )?(?:nhung |cac |hai |ba |vi )?(.+) la (?:gi|ai)\b", folded)
    if opening is not None and any(
        re.match(rf"{re.escape(fold(t))}\b(?! quan\b)", opening[1]) for t in heads
    ):
        return True  # ("tên những đại biểu ... là gì": the names of the people the title heads)
    m = re.search(r"\b(?:ten la gi|ten gi|ho ten la gi)\b", folded)
    if m is None or re.search(r"\bco ten\b", folded):  # "lễ hội có tên gì": a thing's name
        return False
    # (an office, not a building: "đại sứ quán")
    return any(re.search(rf"\b{re.escape(fold(t))}\b(?! quan\b)", folded[: m.start()]) for t in heads)


def _marked_otherwise(word: str) -> bool:
    """A word that folds to a time word or a place's kind but is written otherwise, with other marks or a
    capital ("thăng", "Nam", "quán"); a word typed without any marks ("thang") may be the time word."""
    time_word = _TIME_WORDS.get(fold(word))
    if time_word is None:
        return False
    if time_word == "quận":  # (by its marks only: "Quan chức" opening a question is no "quán")
        return word.lower() not in (time_word, fold(word))
    return word.lower() != time_word and (word != fold(word) or word[:1].isupper())


# time words (and a district) as a question marked with diacritics writes them
_TIME_WORDS = {
    "thang": "tháng",
    "nam": "năm",
    "ngay": "ngày",
    "hom": "hôm",
    "gio": "giờ",
    "luc": "lúc",
    "khi": "khi",  # ("vũ khí nào": which weapon, not "khi nào")
    "quan": "quận",
}


def _asks_office_holder(question: str) -> bool:
    """An office title (``rag/data/titles.tsv``) followed by "nào", right after it or with only the name
    of a body or a place between them, asks for a person: "Bộ trưởng nào ...?", "Phó thủ tướng Campuchia
    nào dự ...?", "Bí thư Tỉnh ủy Quảng Ninh nào ...?" ("Thủ tướng ký với tập đoàn nào" asks for a
    company: the words between are not a name); so does a kind of person (``person-nouns.tsv``: "Bị cáo
    nào ...?"), unless a group's noun heads it ("đoàn đại biểu nào": a body)."""
    from rag.gazetteer import person_nouns, titles

    tokens = list(re.finditer(r"\w+", question))
    words = [t.group(0) for t in tokens]
    folded = [fold(w) for w in words]
    people = {tuple(fold(t).split()) for t in person_nouns()}
    keys = {tuple(fold(t).split()) for t in titles()} | people
    for end in (i for i, word in enumerate(folded) if word == "nao"):
        for start in range(end):
            for key in keys:
                if tuple(folded[start : start + len(key)]) == key:
                    if key in people and start and folded[start - 1] in _GROUP_NOUNS:
                        continue  # ("đoàn đại biểu nào", "nhóm chuyên gia nào": a body, not a person)
                    between = words[start + len(key) : end]
                    # (a kind of person's field after "về": "Chuyên gia về Đông Nam Á nào")
                    if key in people and len(between) > 1 and fold(between[0]) == "ve":
                        between = between[1:]
                    if all(w[:1].isupper() for w in between) or _is_place(" ".join(map(fold, between))):
                        return True
                    # (a body's name, opening with a body's word and closing with capitals: "Phó chủ tịch
                    # Đảng Lao động Lạc Sơn nào"; not a kind of body, "Chủ tịch Hội đồng quản trị công ty
                    # nào", nor a verb and an event, "Thủ tướng A dự Hội nghị G20 nào"; in one clause, one run
                    # of words in lower case at most, among its first words, "Hội sinh viên A", "Ủy ban nhân
                    # dân tỉnh A": not "Bộ trưởng Bộ A dự Hội nghị B nào", "Theo Bộ trưởng Bộ A, những nước B
                    # nào")
                    if (
                        len(between) > 2
                        and between[0][:1].isupper()
                        and (
                            fold(between[0]) in _BODY_HEADS or " ".join(map(fold, between[:2])) in _BODY_HEADS
                        )
                        and between[-1][:1].isupper()
                        and len(_lower_runs(between)) <= 1
                        and all(run_start <= 2 for run_start in _lower_runs(between))
                        and not any(re.search(r"\d", w) for w in between)
                        and not re.search(r"[,;:]", question[tokens[start].start() : tokens[end].start()])
                    ):
                        return True
                    # (or the field of the office, as other titles end: "Cố vấn thương mại nào", as
                    # "Bộ trưởng Thương mại"; not "Thủ tướng ký với tập đoàn nào")
                    if " ".join(map(fold, between)) in title_fields():
                        return True
    return False


def _lower_runs(words: list[str]) -> list[int]:
    """Where each run of words in lower case starts among ``words``."""
    return [i for i, w in enumerate(words) if w[:1].islower() and (i == 0 or not words[i - 1][:1].islower())]


@lru_cache(maxsize=1)
def title_fields() -> frozenset[str]:
    """The fields offices are of (folded): what a title of the table adds to a shorter title it opens
    with ("Bộ trưởng Thương mại" -> "thuong mai", "Cố vấn An ninh Quốc gia" -> "an ninh quoc gia")."""
    from rag.gazetteer import titles

    folded = {fold(t) for t in titles()}
    fields = (title[len(head) + 1 :] for title in folded for head in folded if title.startswith(f"{head} "))
    return frozenset(f for f in fields if " " in f)  # (two words or more: not "nuoc" of "Chủ tịch nước")


# the first words of a body's name (folded): "Đảng", "Hội", "Ủy ban", ...
_BODY_HEADS = frozenset(
    w.replace("_", " ")
    for w in "dang hoi bo ban so cuc vien doan uy_ban tong_cuc cong_ty tap_doan ngan_hang quoc_hoi "
    "mat_tran lien_doan".split()
)
# a group of people before a kind of person ("đoàn đại biểu", "nhóm chuyên gia", "hội đồng chuyên gia")
_GROUP_NOUNS = frozenset("doan nhom dong to ban doi".split())


def _given_name(word: str) -> bool:
    """A (folded) foreign word that can be a given name before a surname: two vowels or more, and no
    term of the glossary (an acronym typed in lower case, "asean", "apec", is one)."""
    return bool(re.fullmatch(r"[a-z]*[aeiouy][a-z]*[aeiouy][a-z]*", word)) and word not in glossary()


def _is_place(folded: str) -> bool:
    from rag.gazetteer import places

    return folded in places() or _is_country(folded)


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """The first two words of each place of the gazetteer (folded): "ba ria" of "Bà Rịa – Vũng Tàu"."""
    from rag.gazetteer import places

    return frozenset(" ".join(re.findall(r"\w+", p)[:2]) for p in places())


def _is_country(folded: str) -> bool:
    from rag.gazetteer import country_aliases

    return folded in country_aliases()


def question_type(question: str, language: Language) -> QType:
    return question_types(question, language)[0]


def _translate(question: str) -> str:
    """Vietnamese equivalents of the glossary terms an English question uses (longest match first)."""
    return " . ".join(v for values in _translations(question) for v in values)


def _translations(question: str) -> list[list[str]]:
    """For each glossary term (longest match first) and English country name an English question uses,
    its Vietnamese equivalents, the most usual first."""
    return _translated(question)[0]


@lru_cache(maxsize=1)
def _glossary_forms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each glossary term (longest first) with the forms a question may write it in: a phrase of several
    words whose first word is a verb of ``verbs-en.tsv`` also with it inflected ("enters into force",
    "entered into force" for "enter into force"), unless that form is a term of its own."""
    terms = glossary()
    out = []
    for term in sorted(terms, key=len, reverse=True):
        first, _, rest = term.partition(" ")
        forms = [term]
        if rest and first.isalpha() and first in verbs():  # (a verb's: not "us dollar")
            stem = first[:-1] if first.endswith("e") else first
            inflected = {
                first + ("es" if first.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"),
                first + "d" if first.endswith("e") else first + "ed",
                stem + "ing",
            }
            forms += [f"{w} {rest}" for w in sorted(inflected) if f"{w} {rest}" not in terms]
        out.append((term, tuple(forms)))
    return tuple(out)


@lru_cache(maxsize=256)
def _translated(question: str) -> tuple[list[list[str]], tuple[str, ...]]:
    """The Vietnamese equivalents of the English question's glossary terms and country names, and the
    words of the question that none of them covers (in lower case; a word is covered by a glossary word
    it inflects: "signing" by "sign")."""
    text = " " + " ".join(re.sub(r"[^\w'\- ]+", " ", re.sub(r"['’]s\b", "", question.lower())).split()) + " "
    found: list[list[str]] = []
    for term, forms in _glossary_forms():
        for form in forms:
            needle = f" {form} "
            if needle in text:
                found.append(glossary()[term])
                text = text.replace(needle, " ")
                break
    # countries by their English names and adjectives ("Russian" -> "nga", "Turkey" -> "tho nhi ky")
    for name, vietnamese in sorted(_english_countries().items(), key=lambda kv: -len(kv[0])):
        if len(name) <= 3 and not re.search(rf"\b{name.upper()}\b", question):
            continue  # "US", "UK" in capitals only: "us" is a pronoun
        if f" {name} " in text:
            # a short form that opens a longer name of the country ("Nhật" of "Nhật Bản") is left out
            # (folded, it is another word too, "nhất"), so is a formal name of three words or more
            # ("Liên bang Nga": its words would stand for the usual name); a name of one syllable comes
            # after one of two (folded, "my" is also "mì", "my")
            usual = [v for v in vietnamese if not any(o.startswith(f"{v} ") for o in vietnamese)]
            usual = [v for v in usual if v.count(" ") < 2] or usual[:1]
            found.append(sorted(usual, key=lambda v: " " not in v))
            text = text.replace(f" {name} ", " ")
    rest = []
    words = text.split()
    for k, word in enumerate(words):
        stem = next((s for s in _stems(word) if s in glossary()), None)
        # (a verb of ``verbs-en.tsv`` only where it is one: inflected with "-ed" or "-ing", "threatened", or
        # bare a few words after an auxiliary or "to", "did A threaten"; not "found" of "was found", nor
        # "rules", nouns as often as verbs)
        verb = next((s for s in _stems(word) if s in verbs()), None) if word.endswith(("ed", "ing")) else None
        verb = verb or (
            word
            if word in verbs()
            and _AUXILIARIES & set(words[max(0, k - 4) : k])
            and (k == 0 or words[k - 1] not in _NOT_BEFORE_VERB)  # (not "be free", "a charge")
            else None
        )
        if stem is not None:
            found.append(glossary()[stem])
        elif word in _EN_NUMBERS:  # ("eight days after": the article writes "8 ngày sau")
            found.append([str(_EN_NUMBERS[word])])
        elif verb is not None:  # (a verb of news reporting the glossary lacks: "threatened" -> "đe doạ")
            found.append(verbs()[verb])
        else:
            rest.append(word)
    return found, tuple(rest)


# the words before a bare English verb ("did A threaten", "to strike")
_AUXILIARIES = frozenset(
    "to did does do will would could should can might must not didn't doesn't don't won't can't".split()
)
# words no bare verb follows: an article, a preposition, "be"
_NOT_BEFORE_VERB = frozenset("the a an be been of for with by in on at".split())
# English numbers written as words, as news writes them in digits
_EN_NUMBERS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
    if n >= 2
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _stems(word: str) -> list[str]:
    """The forms an English word inflects, by its inflection suffix only, of four letters or more
    ("signing" -> "sign", "delegates" -> "delegate", "agreed" -> "agree"; not "seats" -> "sea")."""
    stems = []
    for suffix, restore in (
        ("ies", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("es", ""),
        ("ed", ""),
        ("ed", "e"),
        ("s", ""),
        ("d", ""),
    ):
        if word.endswith(suffix):
            stems.append(word[: -len(suffix)] + restore)
    return [stem for stem in stems if len(stem) >= 4]


@lru_cache(maxsize=1)
def _english_countries() -> dict[str, tuple[str, ...]]:
    """English names and adjectives of ``rag/data/countries.tsv`` (lower case) -> folded Vietnamese names,
    the most usual first."""
    from rag.gazetteer import country_names

    return {name: vi for name, vi in country_names().items() if name not in vi and name.isascii()}


@dataclass
class Question:
    text: str
    language: Language
    qtype: QType
    terms: list[str] = field(default_factory=list)
    """Folded content tokens (syllables, bigrams, segmented words) the evidence should contain."""
    names: list[str] = field(default_factory=list)
    """Folded multi-syllable capitalised names / glossary names the question is about."""
    ordinals: list[int] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    search_text: str = ""
    """What lexical matching uses: the question, plus Vietnamese glossary terms for English questions."""
    wants_money: bool = False
    """An amount of money or trade value is asked for: only a sentence with one can answer."""
    counted: list[str] = field(default_factory=list)
    """For how-many questions: the folded noun being counted ("noi dung", "van ban", "nhom")."""
    qtypes: list[QType] = field(default_factory=list)
    """All types asked, main first: a two-part question gets a sentence for each part."""
    alternatives: dict[str, list[str]] = field(default_factory=dict)
    """Term -> the tokens of its paraphrases in news wording; any of them covers the term."""
    places: list[str] = field(default_factory=list)
    """Names the question uses as the event's location ("tại thành phố Đà Nẵng", "in Cần Thơ")."""
    days: list[tuple[int, int]] = field(default_factory=list)
    """(day, month) of the days the question gives ("cuộc điện đàm ngày 28/3", "on 27 May")."""
    words: str = ""
    """The question's folded words joined by single spaces, with a space at each end (" ai ky ... ")."""
    predicate: tuple[str, ...] = ()
    """For a yes/no question, the verb it asks about in Vietnamese, lower case as written with one tone
    placement (folded when the question is typed without marks), with its alternatives ("có trả lời ...
    không": ("trả lời",); "Did A accept ...?": ("nhận lời", "chấp nhận", ...)); empty when there is none."""
    subject: str = ""
    """For a yes/no question with a predicate, the run of capitalised words right before it, as written
    ("Thủ tướng Nhật Shinzo Abe có trả lời ...": "Nhật Shinzo Abe"); empty if none."""
    events: tuple[str, ...] = ()
    """For a question asking which of two events came first ("A trước hay sau B?", "Did A happen before
    or after B?", "Which came first: A or B?"), the folded words of each event, A first."""
    asked: tuple[str, ...] = ()
    """The noun the question asks for, as folded Vietnamese words, the whole noun first ("những văn kiện
    hợp tác nào": ("van kien",); "which projects": ("du an",)): a sentence that names it is more likely
    the answer's than one that only names the event (``asked_nouns``)."""
    role: tuple[str, ...] = ()
    """For a who-question, the act it asks the person by, as the verbs of ``rag/data/verbs-en.tsv`` that
    say it in Vietnamese (lower case, one tone placement): "Ai chủ trì hội nghị?" -> ("chủ trì", "chủ
    toạ", ...), "Who signed ...?" -> ("ký", "ký kết", ...); empty when the question asks by none."""
    parts: tuple[str, ...] = ()
    """The parts of a two-sided question that retrieval also searches for on their own, as written: each
    event of a question ordering two in time ("A và B, việc nào diễn ra trước?" -> A, B), each side of a
    comparison of amounts ("Khoản vay của A so với khoản viện trợ của B"); empty otherwise."""
    money: frozenset[str] = frozenset()
    """For a question asking an amount of money, the kinds of sum it asks by (``money_kinds``: "gây thiệt
    hại bao nhiêu tiền" -> {"damage"}); empty when it names none."""
    rate: str = ""
    """A rate the question asks for that news gives in per cent, as folded Vietnamese ("lãi suất bao
    nhiêu", "what interest rate" -> "lai suat"; ``rate_asked``); empty when it asks none."""


def analyze(question: str, language: Language | None = None) -> Question:
    """Language, type, content terms, names, meeting ordinals and years of a question (``language``
    when the caller knows it: a follow-up rewritten with the previous question's words keeps the
    language it was asked in)."""
    question = nfc(question.strip())
    language = language or detect_language(question)
    qtypes = question_types(question, language)
    qtype = qtypes[0]
    search_text = question  # what lexical search matches; the terms are what the evidence should hold
    alternatives: dict[str, list[str]] = {}
    if language == "en":
        translations = _translations(question)
        untranslated = set(_untranslated(question))
        kept = [
            w for w in re.findall(r"[A-Z][\w-]+", question) if not w.isascii() or w.lower() in untranslated
        ]
        search_text = " . ".join(v for values in translations for v in values) + " . " + " . ".join(kept)
        # content words the glossary cannot translate still say what the question is about ("durian")
        missing = {w for w in _untranslated(question) if w not in fold(search_text)}
        search_text += " . " + " . ".join(sorted(missing))
        # a term's usual equivalent is a term; its other equivalents are alternatives that cover it
        # ("party": "Đảng", or "đảng bộ", "chính đảng"), not more terms the evidence should hold
        term_text = " . ".join([values[0] for values in translations] + kept + sorted(missing))
        for values in translations:
            alts = [t for v in values[1:] for t in _phrase_tokens(v)]
            for t in _phrase_tokens(values[0]):
                alternatives.setdefault(t, []).extend(a for a in alts if a != t)
    else:
        term_text = question
    terms = [t for t in dict.fromkeys(lexical_tokens(term_text, use_segmentation=False)) if _content(t)]
    words = " " + " ".join(re.findall(r"\w+", fold(question))) + " "
    # ("Quốc hội nước nào thông qua ... trước, A hay B?": which of two came first, a when-question)
    events = _question_events(question)
    if qtype == "what" and _CHOICE_FIRST.search(words) and events:
        qtypes = ["when", *qtypes[1:]]
        qtype = "when"
    if language != "en":  # "đứng đầu" is matched by "Bí thư", "dẫn đầu", ...: credit the term when one is
        for key, values in synonyms().items():
            if f" {key} " in words:
                alts = [t for v in values for t in _phrase_tokens(v)]
                for t in _phrase_tokens(key):
                    alternatives.setdefault(t, []).extend(a for a in alts if a != t)
    names = _names(question, language)
    folded = fold(question)
    ordinals = []
    for m in _ORDINAL.finditer(folded):
        raw = m.group(2) or m.group(3) or m.group(5) or m.group(7)
        if raw:
            ordinals.append(int(raw) if raw.isdigit() else _WORD_NUM.get(raw, 0))
    years = _YEAR.findall(question)
    # (typed without marks, the words that introduce a date are given theirs back: "ngay 31-10" is a day)
    dated = _DATE_WORDS_UNMARKED.sub(lambda m: _DATE_WORDS[m.group(0).lower()], question)
    days = [(d.day, d.month) for d in find_dates(dated) if d.day and d.month]
    days += [
        (int(m["d"] or m["d2"]), _MONTHS_EN.index(m["m"] or m["m2"]) + 1) for m in _DAY_EN.finditer(question)
    ]
    # "giá trị xuất khẩu tăng bao nhiêu lần", "by how many times": a multiple, not an amount of money
    # (an amount the question gives, "khoản vay 188 triệu USD", says which deal; a who-, when- or
    # where-question does not ask for money whatever it names, nor does one asking why: "vì sao ... chậm
    # giải ngân vốn")
    # ("do la" folded is as often "đó là", "that is", as "đô la": the dollar as written with its marks, or
    # typed without them after "bao nhiêu", "mấy" or a number's unit: "5 ty do la", not "cong ty do la")
    dollar = "đô la" in question.lower() if language == "vi" else None
    asked_money = [
        m
        for m in _MONEY_Q.finditer(folded)
        if (
            m.group(0) != "do la"
            or dollar
            or (
                dollar is None
                and re.search(
                    r"(?:\d\s*(?:ty|ti|trieu|nghin|ngan)|bao nhieu|(?<!nha )may) $", folded[: m.start()]
                )
            )
        )
        and (
            m.group(0) not in _CURRENCY_Q
            or not (_GIVEN_BEFORE.search(folded[: m.start()]) or _GIVEN_AFTER.match(folded, m.end()))
        )
    ]
    wants_money = (
        # (money a how-many question asks by its noun: "what is the total registered capital")
        bool(
            asked_money
            or (qtype == "how_many" and _MONEY_NOUN_EN.search(folded) and not _COUNT_EN.search(folded))
        )
        and not _TIMES_Q.search(folded)
        # (nor "how many coins ... before the price was cut to 19.95 USD")
        and not (language == "en" and counts_things_en(folded))
        and not set(qtypes) <= {"who", "when", "where"}
        and not WHY.search(folded)
        # (nor where the money comes from: "kinh phí ... được lấy từ đâu", "từ nguồn nào")
        and not _ASKS_SOURCE.search(folded)
        # (nor "đề nghị A làm gì đối với dự án vay vốn B": an act is asked, the money names the project;
        # nor a thing "nào" or "gì" picks, "phân bổ vốn cho tuyến đường sắt nào", "dự án nào trị giá 350
        # triệu USD": the thing is asked; "thế nào", "ra sao" ask how two amounts compare)
        and not (qtype == "what" and re.search(r"\blam gi\b", folded))
        and not (
            qtype == "what"
            and language != "en"
            and re.search(r"\b(?!(?:the|nhu|khac|la|muc|tri|tien|khoan) )\w+ (?:nao|gi)\b", folded)
        )
    )
    # ("mấy" only where it asks: not "máy bay" of "hợp đồng mua máy bay nào lớn hơn", as marked; typed
    # without marks, not "nhà máy", "máy bay", ... unless counted: "bao nhiêu máy bay")
    if language == "vi":
        asked = ""
        for w in re.findall(r"\w+", question):
            counting = re.search(r"(?:bao nhieu|so luong|may) $", asked)  # ("mấy máy bay": counted)
            asked += ("thiet_bi" if w.lower() == "máy" and not counting else fold(w)) + " "
    else:
        asked = _machines(folded).sub(
            lambda m: (
                m[0]
                if re.search(r"(?:bao nhieu|so luong|may) $", folded[: m.start()])
                else m[0].replace("may", "thiet_bi")
            ),
            folded,
        )
    # (with the words as written, lower case, one per word of ``asked``, when the question has its marks:
    # "bao nhiêu thí sinh" counts candidates, "bao nhiêu mà" nothing)
    written = [w.lower() for w in re.findall(r"\w+", question)] if language == "vi" else None
    counted = [c for c in _counted(asked, written) if "thiet_bi" not in c] if qtype == "how_many" else []
    if language == "vi" and any(len(c.split()) == 2 for c in counted):
        counted = _unbroken(counted, question)
    if (
        wants_money
        and any(c in ("phan tram", "percent", "percentage") for c in counted)
        and len(re.findall(r"\b(?:bao nhieu|how (?:much|many)|what (?:percentage|percent))\b", folded)) == 1
        and not any(m.group(0) in _CURRENCY_Q or m.group(0) == "bao nhieu tien" for m in asked_money)
    ):  # ("kim ngạch tăng bao nhiêu phần trăm": only a share of money is asked, "36%"; not "đạt bao nhiêu
        # USD và tăng bao nhiêu phần trăm")
        wants_money = False
    if wants_money:  # "bao nhiêu tiền": an amount of money is asked, not a count of "tiền"
        counted = [c for c in counted if c.split()[0] not in _MONEY_NOUNS]
    predicate: tuple[str, ...] = ()
    subject = ""
    if qtype == "yes_no":
        predicate, subject = _predicate_en(question) if language == "en" else _predicate(question)
        if predicate and language != "en":  # ("có đồng ý ... không": "nhất trí" says so too)
            marked = language == "vi"
            same = sorted(_verb_classes().get(fold(predicate[0]), ()))
            predicate += tuple(
                dict.fromkeys(
                    v
                    for v in (same_tones(s.lower()) if marked else fold(s) for s in same)
                    if v not in predicate
                )
            )
    return Question(
        question,
        language,
        qtype,
        terms,
        names,
        [o for o in ordinals if o],
        years,
        search_text,
        wants_money,
        counted,
        qtypes,
        alternatives,
        _places(fold(question) + " . " + fold(search_text), names),
        list(dict.fromkeys(days)),
        words,
        predicate,
        subject,
        # (an English event's words with their Vietnamese equivalents, as the articles write them)
        tuple(
            e
            if language != "en"
            else " ".join(dict.fromkeys(f"{e} {_content_words(fold(_translate(e)))}".split()))
            for e in events
        ),
        # (a date, a place, an amount is the slot of a when-, where- or how-many question already)
        asked_nouns(question, language) if qtype in ("list", "what", "who") else (),
        _role(question, words, language) if qtype == "who" else (),
        _parts(question, qtype, events),
        (
            money_kinds(question, marked=language == "vi", syllables=language != "vi-nodiacritics")
            if wants_money
            else frozenset()
        ),
        rate_asked(words) or "",
    )


def _parts(question: str, qtype: str, events: tuple[str, ...]) -> tuple[str, ...]:
    """``Question.parts``: each event as the question writes it (marks and all: its words from the first
    to the last of the event's), or each side of a how-many comparison."""
    if events:
        tokens = re.findall(r"[\w'’-]+", question)
        spans = [_span_of(tokens, event) for event in events]
        return tuple(" ".join(span) for span in spans) if all(spans) else ()
    sides = compare_sides(question) if qtype == "how_many" else None
    return tuple(sides) if sides else ()


def _span_of(tokens: list[str], event: str) -> list[str]:
    """The shortest run of ``tokens`` that writes every word of ``event`` (folded words) the question
    writes, the first of the shortest ("Trump" of both events is each one's own), a name at either end
    whole; empty when it writes none."""
    words = {fold(t) for t in tokens} & set(event.split())
    best: tuple[int, int] | None = None
    for i, token in enumerate(tokens):
        if fold(token) not in words:
            continue
        seen: set[str] = set()
        for j in range(i, len(tokens)):
            seen.add(fold(tokens[j]))
            if seen >= words:
                if best is None or j - i < best[1] - best[0]:
                    best = (i, j)
                break
    if best is None:
        return []
    i, j = best  # (a name cut at either end is written whole: "ông Kim tại Hà Nội", not "Hà")
    while i > 0 and tokens[i][:1].isupper() and tokens[i - 1][:1].isupper():
        i -= 1
    while j + 1 < len(tokens) and tokens[j][:1].isupper() and tokens[j + 1][:1].isupper():
        j += 1
    return tokens[i : j + 1]


# words before "nào"/"gì" that are no noun asked for (a verb, a preposition: "làm gì", "mua gì", "bằng
# gì", "là gì"; a time, which a when-question's date answers: "ngày nào", "thời điểm nào"; a word that
# asks for anything: "những gì", "điều gì", "việc gì", "như thế nào"), and the plural markers a noun asked
# for follows ("những văn kiện nào", "các nước nào")
_NOT_ASKED_VI = frozenset(
    "la lam co duoc bang ve cua voi mua ban noi cho de den tu gi nao ten ngay nam thang tuan gio luc khi hom "
    "dip buoi sang chieu toi dem nhung cac dieu viec cai sao".split()
) | {"thoi diem", "thoi gian", "thoi ky", "giai doan", "nhu the", "ra sao"}
# (typed without marks, "ban" and "de" are as often "bản" and "đề": "văn bản nào", "vấn đề gì"); the
# function words that cannot open a noun of two syllables even so ("với nước nào": "nước"; but "co quan",
# "noi dung" are "cơ quan", "nội dung")
_NOT_ASKED_UNMARKED = _NOT_ASKED_VI - {"ban", "de"}
# words after a noun that say whose or where it is, not what ("trong nước", "nước ngoài", "quốc tế")
_QUALIFIERS_VI = frozenset({"trong nuoc", "nuoc ngoai", "quoc te", "noi dia"})
_BEFORE_NOUN_UNMARKED = frozenset(
    "voi cho tai ve la vao cua da duoc se va o nhung cac bang tren theo".split()
)
# (the same, with their marks: "về" is no "vệ")
_BEFORE_NOUN_VI = frozenset("với cho tại về là vào của đã được sẽ và ở những các bằng trên theo".split())
_NUMBERS_EN = frozenset("one two three four five six seven eight nine ten both".split())
# words between "những"/"các" and "nào" that end the noun phrase (a verb or an auxiliary after its noun:
# "Các bên đã ký văn kiện nào" asks for documents, not for the sides)
_PHRASE_BREAK_VI = frozenset("da duoc se dang vua ky dau tu vao voi cho tai la co".split())
_TIME_EN = frozenset("date day days year years month months time week weeks hour period".split())
_PLURAL_VI = frozenset(("nhung", "cac"))
# words that end an English question's wh-phrase ("which projects did ...", "what fund is ..."): its
# noun is the word before them
_WH_END = frozenset(
    "did does do has have had was were is are will would can could of in on at for to with from by between "
    "about during after before under into that who which".split()
)
# "X nơi/mà ... (có) tên (là) gì": the one to three words before the first clause word
# (with marks, the words that open a clause; typed without them, those that no syllable of a noun folds
# to: "do" is also "đô", "tai" "tài", "dang" "đảng", "ve" "vệ", "vua" a king)
_CLAUSE_OPENERS = {
    "vi": "nơi|mà|của|được|đã|sẽ|ở|tại|này|đó|có|trong|về|vừa|đang",
    "plain": "noi|ma|cua|duoc|da|se|o|nay|co|trong",
}
_NAMED_THING = {
    kind: re.compile(
        rf"((?!(?:tên|ten|ai|các|cac|những|nhung|một|mot)\b)\w+"
        rf"(?: (?!(?:{openers}|tên|ten|là|la)\b)\w+){{0,2}})"
        rf" (?:{openers})\b.* (?:có |co )?(?:tên|ten)(?: gọi| goi)? (?:là |la )?(?:gì|gi) $"
    )
    for kind, openers in _CLAUSE_OPENERS.items()
}
# the words that count a thing before its noun, as written ("con tàu", "chiếc máy bay", "bức tranh"; not
# "cơn bão", nor "tòa nhà", "tấm ảnh", whose noun alone is another word folded)
_CLASSIFIERS_VI = frozenset("con chiếc bức cuốn quyển".split())
_KIN_AFTER_CON = frozenset("trai gái dâu rể nuôi cả út".split())
# a leading preposition a wh-phrase may follow ("In which province ...", "With what company ...")
_WH_LEAD_EN = frozenset("in on at for from with to by of under during after before between among".split())


@lru_cache(maxsize=1024)
def asked_nouns(question: str, language: Language) -> tuple[str, ...]:
    """The noun a question asks for (``Question.asked``), folded. In Vietnamese, the segmented word
    right after "những"/"các" when nothing but the noun's own words stands between it and "nào"/"gì",
    else the word right before "nào"/"gì" (not a verb, a preposition or a time; a name in capitals before
    "nào" is skipped back over once: "Doanh nghiệp Hàn Quốc nào"); typed without marks, which the
    segmenter does not join, the one or two words after "những"/"các", else the two words before
    "nào"/"gì" (the second alone when the first is a function word). A thing whose name is asked: the
    opening noun ("Khách sạn nơi ... có tên là gì", "tên gọi là gì"), the noun a classifier counts ("Con tàu
    ... có tên là gì"), or, before a "tên gì" inside the question, the word of two syllables or more the
    segmenter joins ("điều tàu sân bay tên gì") or the two words before a "tên" it joined to the last
    ("phóng vệ tinh tên gì"). In English, the last word of the
    phrase "which"/"what" opens at the question's head (or after a comma or a leading preposition),
    before its verb or preposition ("what kind of" skipped), put into Vietnamese by the glossary, its
    equivalents of more than one syllable only when it has some (one syllable, folded, is many words).
    Empty when there is none."""
    role = _BODY_ROLE_ASKED.search(fold(question).strip())
    if role:  # ("nhà đầu tư dự án A là ai", "who is the investor": the role, a body's as a rule)
        played = re.search(_BODY_ROLES, role.group(0))
        assert played is not None
        return ({"investor": "nha dau tu", "contractor": "nha thau"}.get(played.group(0), played.group(0)),)
    if language == "en":
        return _asked_en(question)
    # ("phương án cụ thể nào": the noun before the adverb; "nội dung cụ thể là gì" read as "... là gì")
    question = re.sub(
        r"(?i)(?<!\w)(?:cụ thể|chính xác|cu the|chinh xac)\s+(?=(?:là |la )?(?:nào|gì|nao|gi)(?!\w))",
        "",
        nfc(question),
    )
    kind = "vi" if language == "vi" else "plain"
    words = same_tones(question.lower()) if kind == "vi" else fold(question)
    named = _NAMED_THING[kind].match(" ".join(re.findall(r"\w+", words)) + " ")
    if named:  # "Khách sạn nơi ... có tên là gì?": the thing whose name is asked, the first words
        return (fold(named.group(1)),)
    who = kind == "vi" and re.search(r"\blà ai\W*$", words) is not None
    if kind == "vi" and (who or re.search(r"(?:tên|ten)(?: gọi| goi)? (?:là |la )?(?:gì|gi)\W*$", words)):
        # ("Nhà hàng nổi tiếng mọc lên ... tên là gì?": the common noun of more than one syllable that opens
        # it; not "Ông A", "Bộ trưởng A": a name, an office; for "là ai", a kind of person of
        # person-nouns.tsv, "Chuyên gia được dẫn lời là ai?", not "Hiện nay, ...", "Chủ trì ...")
        opening = segment(question)[:2]
        first = next(iter(opening), "")
        if (
            not who
            and len(opening) == 2
            and same_tones(first.lower()) in _CLASSIFIERS_VI
            and opening[1].islower()
            and same_tones(opening[1]) not in _KIN_AFTER_CON  # ("Con trai ông A": a person)
        ):
            return (fold(opening[1].replace("_", " ")),)  # ("Con tàu ... có tên là gì": the noun it counts)
        noun = fold(first.replace("_", " "))
        if (
            "_" in first
            and first.split("_")[1][:1].islower()
            and not office_titles().match(question.strip())
            and (not who or noun in {fold(n) for n in person_nouns()})
        ):
            return (noun,)
    if question.isupper():  # (capitals tell no name in a question typed in capitals)
        question = question.lower()
    if language == "vi-nodiacritics":
        plain = " " + " ".join(re.findall(r"\w+", fold(question))) + " "
        m = re.search(r" (?:nhung|cac) (\w+)(?: (?!nao |gi )(\w+))? (?:nao|gi) ", plain)
        if m:
            noun = f"{m[1]} {m[2]}" if m[2] else m[1]
            return () if m[1] in _NOT_ASKED_UNMARKED else (noun,)  # ("gi", "nao" are in it)
        m = re.search(r" (\w+) (\w+) (?:nao|gi) ", plain)
        if not m or m[2] in _NOT_ASKED_UNMARKED or f"{m[1]} {m[2]}" in _NOT_ASKED_VI:
            return ()
        return (m[2],) if m[1] in _BEFORE_NOUN_UNMARKED else (f"{m[1]} {m[2]}",)
    tokens = segment(question)
    low = [fold(t).replace("_", " ") for t in tokens]
    at = next((i for i, t in enumerate(low) if t in ("nao", "gi") and i > 0), None)
    if at is None:
        return ()
    i = at - 1
    if low[i] == "ten" and i and "_" in tokens[i - 1] and tokens[i - 1][:1].islower():
        # ("điều tàu sân bay tên gì": the thing named, a word of two syllables or more the segmenter joins
        # right before "tên"; not one syllable, a verb as often as a noun, "mang tên gì", "bị bắt tên gì")
        return (low[i - 1],)
    if low[i].endswith(" ten"):  # ("phóng vệ tinh tên gì": the segmenter joined "tên" to the word before
        # it; the two words before "tên" as written, the second alone after a function word; not a name in
        # capitals, a function word or a demonstrative)
        written = " ".join(tokens[:at]).replace("_", " ").split()[:-1]
        if (
            len(written) < 2
            or written[-1][:1].isupper()
            or fold(written[-1]) in _NOT_ASKED_VI | {"ay", "kia", "ta", "nay"}
        ):
            return ()
        last = fold(written[-1])
        return (last,) if written[-2].lower() in _BEFORE_NOUN_VI else (f"{fold(written[-2])} {last}",)
    # ("những văn kiện hợp tác nào": the noun right after "những", when no verb stands between)
    plural = next((j for j in range(at - 1, max(-1, at - 5), -1) if low[j] in _PLURAL_VI), None)
    if (
        plural is not None
        and plural + 1 < at
        and not any(w in _PHRASE_BREAK_VI for w in low[plural + 1 : at])
    ):
        i = plural + 1
    elif i > 0 and tokens[i][:1].isupper():
        i -= 1  # (a name before "nào", once: "Doanh nghiệp Hàn Quốc nào")
        if i > 0 and tokens[i][:1].isupper():
            return ()  # (an office before a name: "Thủ tướng Nhật nào" asks for a person, named)
    # ("sự kiện trong nước nào", "công ty nước ngoài nào": the noun the qualifier follows, and the two)
    qualifier = next((n for n in (2, 1) if i >= n and " ".join(low[i - n + 1 : i + 1]) in _QUALIFIERS_VI), 0)
    j = i - qualifier  # (a name in capitals is no noun asked; the question's first word has one anyway)
    # (a noun of two syllables or more, as the segmenter joins it: not "ở", "đi" before "nước ngoài")
    if qualifier and " " in low[j] and low[j] not in _NOT_ASKED_VI and not (j and tokens[j][:1].isupper()):
        noun = low[j]
        return (" ".join(low[j : i + 1]), noun)
    if (i and tokens[i][:1].isupper()) or low[i] in _NOT_ASKED_VI or not low[i].replace(" ", "").isalpha():
        return ()
    if low[i] == "goi" and i and low[i - 1] == "ten":  # ("dưới tên gọi gì": the name it goes by)
        return ("ten goi",)
    return (low[i],)


def _asked_en(question: str) -> tuple[str, ...]:
    """``asked_nouns`` of an English question."""
    text = re.sub(r"['’]s\b", "", question.lower())
    head = re.match(rf"^\s*(?:(?:{'|'.join(_WH_LEAD_EN)})\s+)?(?:which|what)\b", text) or re.search(
        r",\s*(?:which|what)\b", text
    )
    if head is None:
        return ()
    words = re.findall(r"[a-z][\w'-]*", text[head.end() :])
    if words[:2] in (["kind", "of"], ["type", "of"], ["sort", "of"]):
        words = words[2:]
    elif words[:1] == ["of"]:  # "which of the two deals"
        words = words[1:]
    phrase: list[str] = []
    for w in words[:6]:
        if not phrase and w in ("is", "was", "are", "were", "the"):  # "what is the name of ..."
            continue
        # (a verb ends the phrase, but its first word is its noun whatever else it can be: "which fund
        # is", "which deal"; a past form in -ed ends it: "what was signed")
        verb = w in verbs() or any(s in verbs() for s in _stems(w))
        # ("Danish-supported", "state-owned": an adjective of the noun, not a verb)
        if (
            w in _WH_END
            or (verb and phrase)
            or (w.endswith("ed") and "-" not in w)
            # ("which bank lent ..."; not a participle after an adverb, "which newly built bridge")
            or (phrase and re.fullmatch(_EN_IRREGULAR_PAST, w) and not phrase[-1].endswith("ly"))
        ):
            break
        if w not in _STOP and w not in _DETERMINERS and w not in _NUMBERS_EN and not w.isdigit():
            phrase.append(w)
    if not phrase or phrase[-1] in _TIME_EN:  # ("what date": the date a when-question's slot answers)
        return ()
    forms: list[str] = []
    for key in ([" ".join(phrase[-2:])] if len(phrase) > 1 else []) + phrase[-1:]:
        stem = next(
            (s for s in (key, *_stems(key), key[:-1] if key.endswith("s") else "") if s in glossary()),
            None,
        )
        if stem:
            values = [fold(v) for v in glossary()[stem]]
            forms += [v for v in values if " " in v] or values
    return tuple(f for f in dict.fromkeys(forms) if f and not _is_country(f))


_COMPARED_VI = (
    r"(?:nhiều|lớn|cao|ít|nhỏ|thấp|dài|ngắn|mạnh)(?:\s+\w+){0,2}\s+hơn(?!\s+\d)|chênh(?:\s+lệch)?(?:\s+nhau)?"
)
_SIDE_SPLITS = (
    # "A, còn B, cái nào dài hơn" / "A so với B thì bên nào nhiều hơn" / "A và B, dự án nào ... hơn"
    re.compile(
        r"^(?P<a>.+?),\s*(?:còn|con)\s+(?P<b>.+?)(?:,\s*(?:cái|bên|việc|khoản|dự án|cai|ben|viec|khoan|du an)"
        r"\s+(?:nào|nao)\b.*)?$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?P<a>.+?)\s+(?:so với|so voi)\s+(?P<b>.+?)(?:\s+(?:thì|thi)\s+.*|,.*)?$", re.IGNORECASE),
    re.compile(
        # (or "Giữa A và B, ai lớn tuổi hơn": "giữa" opens no side)
        rf"^(?:giữa\s+|giua\s+)?(?P<a>.+?)\s+(?:và|va)\s+(?P<b>[^,]+?)"
        rf"(?:,\s*(?:(?:\w+\s+){{0,2}}(?:nào|nao)|ai)\b.*|\s+(?:{_COMPARED_VI}).*)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:which|what)\b[^:,]*?\b(?:bigger|larger|higher|greater|smaller|lower|worth more|longer)"
        r"\b[^:,]*[:,]\s*(?P<a>.+?),?\s+or\s+(?P<b>.+)$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?P<a>.+?)\s+compared?\s+(?:with|to)\s+(?P<b>.+)$", re.IGNORECASE),
)
# words that ask something else than an amount: a side holding one is no side of a comparison
_ASKS_OTHER = re.compile(r"\b(?:nao|ai|gi|o dau|which|who|what|where|when)\b")
# "hơn 1 tỷ USD", "more than 20": a threshold, not one side against another
_THRESHOLD = re.compile(r"\b(?:hơn|hon|than)\s+\d", re.IGNORECASE)


def compare_sides(question: str) -> tuple[str, str] | None:
    """The two sides a comparison of amounts sets side by side, as written ("Khoản vay của ADB so với
    khoản viện trợ của Úc" -> ("Khoản vay của ADB", "khoản viện trợ của Úc")); a side that only replaces
    the other's last words is completed from it ("Đầu tư của Trung Quốc vào Việt Nam và vào Lào" -> "...
    vào Lào"). None when the question is not split so, or a side is empty or asks something else ("Việt
    Nam và Lào ký bao nhiêu thỏa thuận, thỏa thuận nào lớn hơn 1 tỷ USD": "hơn 1 tỷ" is a threshold)."""
    text = question.strip().rstrip("?.!").strip()
    if _THRESHOLD.search(text):
        return None
    for pattern in _SIDE_SPLITS:
        m = pattern.match(text)
        if not m:
            continue
        a, b = m["a"].strip(" ,"), m["b"].strip(" ,")
        if len(a.split()) < 2 or not b.split():
            return None
        if any(_ASKS_OTHER.search(fold(side)) for side in (a, b)):
            return None
        first = b.split()[0].lower()
        words = a.split()
        at = max((i for i, w in enumerate(words) if w.lower() == first), default=None)
        if at is not None and at > 0 and len(b.split()) <= len(words) - at:  # (no longer than what it
            # replaces: "the grant from Japan" is a side of its own beside "the loan from the bank")
            b = " ".join(words[:at] + b.split())
        # a place for the place the first side ends with: "giá vàng ở Hà Nội và TP Hồ Chí Minh" -> "giá
        # vàng ở TP Hồ Chí Minh"
        # (a city or a province, not a country, which is often whose amount it is: "vốn FDI của Hàn Quốc
        # tại Việt Nam so với Nhật Bản" compares Japan's)
        placed = _PLACED_END.match(a)
        if placed and _bare_place(placed["place"]) and _bare_place(b) and not _is_country(fold(b).strip()):
            b = placed["head"] + b
        return a, b
    return None


# a side that ends with the place it is of ("giá vàng ở Hà Nội", "exports in Da Nang")
_PLACED_END = re.compile(r"(?P<head>.*\b(?:ở|tại|o|tai|in|at)\s+)(?P<place>[^,;]+)$", re.IGNORECASE)
_PLACE_KIND = re.compile(r"^(?:tp\.?|thanh pho|tinh|thu do|the city of|city of)\s+")


def _bare_place(words: str) -> bool:
    """``words`` are a place of the gazetteer or a country, after its kind ("TP Hồ Chí Minh", "tỉnh A")."""
    return _is_place(_PLACE_KIND.sub("", fold(words).strip()))


# which of two events came first: "A trước hay sau (khi) B", "did A happen before or after B", "which
# came first: A or B"
_BEFORE_OR_AFTER = re.compile(
    r" (?:truoc hay sau|sau hay truoc|som hon hay muon hon|before or after|after or before)"
    r" (?:khi |ngay |viec )?"
)
_CAME_FIRST = re.compile(
    r" (?:which|what) (?:\w+ ){0,2}?(?:came|happened|took place|was signed|occurred) first "
)


# (closing the question: "nào trước cuộc hội đàm", "nào trước khi ...", "before", order nothing)
# (and what else it asks of them: "..., sự kiện nào xảy ra sớm hơn và vào ngày nào?")
_WHICH_FIRST = re.compile(
    rf" {_EVENT_NOUN} nao (?:{_EVENT_VERB} )?(?:truoc|som hon)"
    r"(?: (?:va )?(?:vao )?(?:ngay nao|khi nao|luc nao|thoi diem nao|thoi gian nao|nam nao|thang nao)"
    r"| (?:va )?cach nhau bao lau)? ?$"
)
_EACH_WHEN = re.compile(
    r" lan luot (?:\w+ ){0,3}?(?:vao )?(?:ngay nao|khi nao|thoi diem nao|nam nao|thang nao) "
)


# which of two choices came first: "... trước, A hay B?", "A hay B trước" (folded; a choice of up to three
# words)
_CHOICE_FIRST = re.compile(r" (?:truoc|som hon) (?P<a>(?:\w+ ){1,3}?)hay (?P<b>(?:\w+ ){1,3}?)$")
_CHOICE_THEN_FIRST = re.compile(r" (?P<a>(?:\w+ ){1,3}?)hay (?P<b>(?:\w+ ){1,3}?)(?:truoc|som hon) ")
# "A trước hay (là) B trước": each event with its "trước" (folded)
_EACH_FIRST = re.compile(r" truoc hay (?:la )?((?:\w+ ){2,30}?)truoc ?$")


def _question_events(question: str) -> tuple[str, ...]:
    """``_ordered_events`` of the question's sentence that orders two events, when it has more than one:
    "A trước hay sau B? Mỗi việc diễn ra ngày nào?" -> A, B (not B with the second sentence's words)."""
    # (a full stop after a word of two letters at least, not an abbreviation's: "TP. HCM" is one name)
    parts = [p for p in re.split(r"[?!]+|(?<=[a-zà-ỹđ\d]{2})\.\s+(?=[A-ZĐ])", question) if p.strip()]
    for part in parts if len(parts) > 1 else []:
        if events := _ordered_events(" " + " ".join(re.findall(r"\w+", fold(part))) + " "):
            return events
    return _ordered_events(" " + " ".join(re.findall(r"\w+", fold(question))) + " ")


def _ordered_events(words: str) -> tuple[str, ...]:
    """The content words of the two events a question orders in time (``Question.events``), from its
    folded words; () when it orders none."""
    m = _BEFORE_OR_AFTER.search(words)
    if m:
        sides = [words[: m.start()], words[m.end() :]]
    elif m := _EACH_FIRST.search(words):  # "A trước hay B trước?"
        sides = [words[: m.start()], m.group(1)]
    elif (m := _CHOICE_FIRST.search(words) or _CHOICE_THEN_FIRST.search(words)) and _is_place(m["b"].strip()):
        # ("X nào ... trước, A hay B?", "thăm A hay B trước": the question's other words with each
        # choice, a country or a place)
        stem = words[: m.start()] + " " + words[m.end() :]
        sides = [f"{stem} {m['a']}", f"{stem} {m['b']}"]
    elif m := _CAME_FIRST.search(words):  # "which came first (between X and Y): A or B"
        sides = words[m.end() :].split(" or ", 1)
    elif m := _WHICH_FIRST.search(words):  # "A và B, chuyến nào diễn ra trước?"
        sides = _two_events(words[: m.start()])
    elif m := _EACH_WHEN.search(words):  # "A và B lần lượt diễn ra vào ngày nào?"
        sides = _two_events(words[: m.start()])
    elif (m := _WHEN_THEN_WHEN.fullmatch(words)) and len(_content_words(m["b"]).split()) >= 3:
        sides = [m["a"], m["b"]]  # ("A ngày nào, còn B ngày nào?")
    else:
        return ()
    events = tuple(_content_words(side) for side in sides)
    return events if len(events) == 2 and all(events) else ()


# two when-questions, the second set against the first by "còn" (folded): "A ngày nào, còn B ngày nào", B
# of three content words at least, a subject of its own (not "áp dụng từ ngày nào, còn kết thúc vào ngày
# nào", one span); the words asking when as the "when" type reads them (not "vũ khí nào")
_WHEN_ASKED = (
    r"(?:vao )?(?:(?<!vu )(?<!binh )khi nao|ngay nao|hom nao|luc nao|(?<!van )nam nao|thang nao"
    r"|thoi diem nao|thoi gian nao)"
)
_WHEN_THEN_WHEN = re.compile(
    rf" (?P<a>(?:\w+ ){{2,}}?){_WHEN_ASKED} con (?P<b>(?:\w+ ){{2,}}?){_WHEN_ASKED} "
)


_EVENT_HEADS = frozenset("viec chuyen cuoc vu le su".split())  # (the head nouns of an event, folded)


def _two_events(words: str) -> list[str]:
    """Two events joined by "và" (folded words): at the "và" before the first event's own head noun
    when the second repeats it ("việc Mỹ và Hàn Quốc nhất trí ... và việc ông A ..."), else at the first."""
    head = words.split()[:1]
    k = words.find(f" va {head[0]} ", 1) if head and head[0] in _EVENT_HEADS else -1
    return [words[:k], words[k + 4 :]] if k > 0 else words.split(" va ", 1)


def _content_words(words: str) -> str:
    """Folded words without the question and function words."""
    return " ".join(w for w in re.findall(r"\w+", words) if w not in _STOP)


def _predicate_en(question: str) -> tuple[tuple[str, ...], str]:
    """An English yes/no question's verb of ``rag/data/verbs-en.tsv`` (the first after its opening
    auxiliary, inflected or not, that no article or possessive introduces: "Did A accept", "Was the deal
    signed", not "the free trade agreement"), as its Vietnamese equivalents (lower case, one tone
    placement), and the capitalised words right after the auxiliary ("Did Omar Solaris accept")."""
    words = re.findall(r"[\w'’-]+", question)
    if not words or words[0].lower() not in _AUX_EN:
        return (), ""
    subject = []
    for w in words[1:]:
        if not w[:1].isupper():
            break
        subject.append(re.sub(r"['’]s$", "", w))
    for before, w in zip(words, words[1:], strict=False):
        low = w.lower()
        if w[:1].isupper() or before.lower() in _DETERMINERS or re.search(r"['’]s$", before):
            continue
        key = next((k for k in (low, *_stems(low), *_past_stems(low)) if k in verbs()), None)
        if key is not None:
            return tuple(dict.fromkeys(same_tones(v.lower()) for v in verbs()[key])), " ".join(subject)
    return (), ""


def _role(question: str, words: str, language: Language) -> tuple[str, ...]:
    """``Question.role`` from the question (``words``: folded): the verb right after "ai" ("ai (là
    người|đã|sẽ) chủ trì"), right before it ("ký với ai", "phiên dịch cho ai"), or after "who" ("who will
    chair", "who signed"), with every verb the table gives the same English verb; matched as written
    when the question is marked ("đang cai quản" is no "đăng cai")."""
    found: list[str] = []
    if language == "en":
        # (the verb of "who" itself, after an auxiliary: not "who spoke at the signing")
        m = re.search(
            r" who (?:(?:will|would|did|has|have|had|was|were|is|are|actually|officially) )*(\w+) ", words
        )
        w = m.group(1) if m else ""
        key = next(
            (k for k in (w, *_stems(w), *_past_stems(w), _IRREGULAR_ROLE_PAST.get(w, "")) if k in _ROLE_ACTS),
            None,
        )
        # (a body named right after "chairs" holds no event: "who chairs THACO" asks for its chairman; not
        # "who chaired Monday's meeting")
        after = re.search(rf"\b{re.escape(w)}\s+(\S+)", question) if w == "chairs" else None
        if after and after.group(1)[:1].isupper() and not re.search(r"['’]s\b", after.group(1)):
            key = None
        if key is not None:
            found = verbs()[key]
    else:
        marked = language == "vi"
        # (a comma kept as a word: "theo nguồn tin Thổ Nhĩ Kỳ, ai ra lệnh" typed without marks has no "kỳ
        # ai", whom someone signed with)
        text = (
            " "
            + " ".join(re.findall(r"\w+|,", same_tones(question.lower()) if marked else fold(question)))
            + " "
        )
        around = (
            # ("ai đã đặt bút ký": who signed)
            (r"(?:là người|là|đã|sẽ|được|đang|cũng|làm|đặt bút)", r"(?:với|cho|bởi|tới|đến)", "những")
            if marked
            else (r"(?:la nguoi|la|da|se|duoc|dang|cung|lam|dat but)", r"(?:voi|cho|boi|toi|den)", "nhung")
        )
        # (after whom the person acts for: "ai (là người) đại diện (phía) A ký ...", not "ai đại diện A
        # phát biểu tại lễ ký")
        agent = (
            r"(?:(?:đại diện|thay mặt)(?: cho)? (?:(?!(?:tại|lễ|ở|sau|khi|trước|trong|dự|buổi|việc|phát|chứng"
            r"|tham|đến)\b)\w+ ){0,5}?)?"
            if marked
            else r"(?:(?:dai dien|thay mat)(?: cho)? (?:(?!(?:tai(?! chinh)|le|o|sau|khi|truoc|trong|du|buoi"
            r"|viec|phat|chung|tham|den)\b)\w+ ){0,5}?)?"
        )
        classes = sorted(_verb_classes(_ROLE_ACTS).items(), key=lambda kv: -len(kv[0]))
        # (the class a verb is the usual equivalent of first: "Ai chủ trì" asks who chaired, not who hosted,
        # though "chủ trì" is one of the verbs of hosting too; then any of a class's verbs)
        passes = (
            [[(k, {same_tones(v.lower()) for v in vs if fold(v) == k}) for k, vs in classes]]
            + [[(k, {same_tones(v.lower()) for v in vs}) for k, vs in classes]]
            if marked
            else [[(k, {k}) for k, _ in classes]]
        )
        # (or the kind asked opening the question, with the body it is of, up to eight words that say
        # nothing: "(Vị) lãnh đạo nào của UBND tỉnh A (đã, vừa) ký ..."; not "Quan chức nào của Mỹ nói rằng B
        # sẽ ký", another's act, nor "lãnh đạo nào của A đến dự và phát biểu chỉ đạo", a second one)
        said = (
            r"(?:rằng|nói|là|đã|sẽ|được|cho|khi|và)" if marked else r"(?:rang|noi|la|da|se|duoc|cho|khi|va)"
        )
        asker = (
            rf"(?: ai|^ (?:\w+ ){{1,3}}{'nào' if marked else 'nao'}"
            rf"(?: {'của' if marked else 'cua'}(?: (?!{said} )\w+){{1,8}}?)?)"
        )
        aspect = rf"(?:{around[0]}|{'vừa|mới' if marked else 'vua|moi'})"
        for key, phrases in (pair for one in passes for pair in one):
            if any(
                re.search(
                    rf"{asker} (?:{aspect} )*{agent}{re.escape(p)} {'' if marked else _NOT_SIGNED}", text
                )
                or re.search(rf" {re.escape(p)} (?:{around[1]} )?(?:{around[2]} )?ai ", text)
                for p in phrases
            ):
                found = sorted(_verb_classes(_ROLE_ACTS)[key])
                break
    return tuple(dict.fromkeys(same_tones(v.lower()) for v in found))


# (typed without marks, "ky" of "kỷ niệm", "kỷ lục", "kỳ họp", ... is no signing)
_NOT_SIGNED = r"(?!(?:niem|luc|luat|vong|thi|su|hop (?!tac|dong))\b)"
# the acts (English verbs of ``verbs-en.tsv``) that a sentence must say its doer did: no office or list
# implies them ("Trưởng đoàn là A" says who led, "Dự có ông A" who attended; nothing but "A chủ trì"
# says who chaired), but for a commander's own office ("Hạm trưởng tàu A là B": ``rag.answer._acts``)
# (the irregular past forms of those acts: "who oversaw")
_IRREGULAR_ROLE_PAST = {"oversaw": "oversee", "overseen": "oversee"}
_ROLE_ACTS = (
    "chair",
    "preside",
    "host",
    "sign",
    "interpret",
    "translate",
    "witness",
    "appoint",
    "command",
    "oversee",
    "instruct",
)


@lru_cache(maxsize=2)
def _verb_classes(acts: tuple[str, ...] = ()) -> dict[str, frozenset[str]]:
    """Folded Vietnamese verb of ``verbs-en.tsv`` (of the English verbs ``acts``, or of all) -> the
    Vietnamese verbs of each English verb it is the usual equivalent of, the first ("chủ trì": chair,
    preside -> "chủ toạ"; "đồng ý": agree -> "nhất trí", "chấp thuận", ...; not "nhận lời", of accept,
    whose usual equivalent it is not)."""
    classes: dict[str, set[str]] = {}
    for values in (verbs()[k] for k in (acts or verbs()) if k in verbs()):
        classes.setdefault(fold(values[0]), set()).update(values)
    return {k: frozenset(v) for k, v in classes.items()}


def _past_stems(word: str) -> list[str]:
    """Base forms of a past form with a doubled consonant or "-ied" ("banned" -> "ban", "denied" ->
    "deny")."""
    if word.endswith("ied"):
        return [word[:-3] + "y"]
    if len(word) > 5 and word.endswith("ed") and word[-3] == word[-4]:
        return [word[:-3]]
    return []


_AUX_EN = frozenset("did does do has have had was were is are will would can could".split())
_DETERMINERS = frozenset("the a an its their his her this that these those our your any some".split())
_YES_VI = {True: ("có", "đã"), False: ("co", "da")}
_NO_VI = {True: ("không", "chưa"), False: ("khong", "chua")}
# (and, as written with marks, the adverbs of aspect before a verb: "có còn gặp", "có đang đàm phán";
# typed without them, "dang", "con", "van" are as often "đăng" of "đăng cai", "con" of "con tàu", "vấn")
_AUX_VI = {
    True: ("được", "phải", "thể", "từng", "sẽ", "còn", "đang", "vẫn"),
    False: ("duoc", "phai", "the", "tung", "se"),
}


def _predicate(question: str) -> tuple[tuple[str, ...], str]:
    """The verb a Vietnamese yes/no question asks about, the two words after its last "có"/"đã" (past
    "được", "phải", "từng", "sẽ", "còn", "đang", "vẫn", "thực sự") before the closing "không"/"chưa" (lower
    case as written, one tone placement; a question typed without marks, folded), and the capitalised
    words right before that "có" as written (``Question.predicate``, ``Question.subject``)."""
    raw = re.findall(r"\w+", question)
    marked = question != fold(question)  # (then "cơ", "đa" are not "có", "đã")
    low = [same_tones(w.lower()) if marked else fold(w) for w in raw]
    if len(low) < 3 or low[-1] not in _NO_VI[marked]:
        return (), ""
    yes = [i for i in range(len(low) - 1) if low[i] in _YES_VI[marked]]
    if not yes:
        return (), ""
    at = yes[-1]
    # (not a "có" of a clause the question sets after its verb: "có cho phép phá thai khi người phụ nữ có
    # thai ... không" asks "cho phép")
    # (as written: not "vũ khí", "lực lượng"; and after two words or more of the earlier one's verb phrase,
    # not "Người có thẻ khi nhập cảnh có được miễn thị thực không")
    while len(yes) > 1 and any(w in _CONDITION_OPENERS[marked] for w in low[yes[-2] + 3 : at]):
        yes.pop()
        at = yes[-1]
    j = at + 1
    if fold(low[j]) == "phai":  # "có phải ... không": whether something is so, no verb asked about
        return (), ""
    while j < len(low) - 1:
        if low[j] in _AUX_VI[marked]:
            j += 1
        elif fold(" ".join(low[j : j + 2])) in ("thuc su", "that su"):
            j += 2
        else:
            break
    verb = " ".join(low[j : min(j + 2, len(low) - 1)])
    if not verb:
        return (), ""
    start = at  # back over capitalised words and the lower-case syllables of their words ("Bộ Thống nhất")
    while start > 0 and (
        raw[start - 1][:1].isupper()
        or (start > 1 and raw[start - 2][:1].isupper() and fold(raw[start - 1]) != "va")
    ):
        start -= 1
    if start == 0 and at > 2 and not raw[1][:1].isupper():
        # the opening of the sentence, a capital and a lower-case word before a name ("Sau đó Bộ Y tế có")
        start = next((i for i in range(1, at) if raw[i][:1].isupper()), at)
    while start < at and (
        not raw[start][:1].isupper() or low[start] in (("phía", "bên") if marked else ("phia", "ben"))
    ):
        start += 1  # (the side's name: "Trung Quốc" of "Phía Trung Quốc", which articles write alone)
    # ("ông A, Trưởng Công an xã B, có ... không": the one named before the office set off by commas)
    spans = [m.start() for m in re.finditer(r"\w+", question)]
    parts = question[: spans[at]].rstrip().split(",") if len(spans) == len(raw) else []
    if len(parts) >= 3 and not parts[-1].strip() and office_titles().match(parts[-2].strip()):
        # (a Vietnamese name ending that part: "ông Lê Văn Khải", not "Sau cuộc họp tại Hà Nội")
        ending = [m for m in PERSON_NAME.finditer(parts[-3]) if not parts[-3][m.end() :].strip()]
        if ending:
            return (verb,), ending[-1].group(0)
    return (verb,), " ".join(raw[start:at])


# (words that open a clause of condition or time inside a question, as written, and typed without marks)
_CONDITION_OPENERS = {True: frozenset("khi nếu lúc".split()), False: frozenset("khi neu luc".split())}
# (the first words of nouns that end in "số", folded: "dân số", "chỉ số", "thiểu số", "đa số")
_ENDS_IN_SO = r"(?:dan|chi|thieu|da|he|tan|ty|ti|bien|ma|diem|ky) "
_COUNT_VI = re.compile(r"(?<!thu )\b(?:bao nhieu|may)\s+((?:\w+\s*){1,2})")
_AUXILIARY = r"(?:did|do|does|were|was|are|is|have|has|had|will|would|can|could)\b"
_COUNT_EN = re.compile(rf"\bhow many\s+((?:(?!{_AUXILIARY})[\w'-]+\s*){{1,3}})")  # "how many areas did ..."
# the words that introduce a date, typed without marks, before a number ("ngay 31-10", "hom 5-4"; of the
# time words, ``_TIME_WORDS``; not the parts of the day, which folded are as often "tới", "sang", "chiếu":
# "tang toi 5-10%")
_DATE_WORDS = {k: v for k, v in _TIME_WORDS.items() if k in ("ngay", "hom", "thang", "nam")}
_DATE_WORDS_UNMARKED = re.compile(rf"(?<!\w)(?:{'|'.join(_DATE_WORDS)})(?=\s+\d)", re.IGNORECASE)
# an English question counting things (folded): "how many coins", "the number of pillars"; not "how many
# dollars (baht, percentage points)", nor "how much"; nor one that asks a value besides ("how many
# agreements ..., and what was their total value")
_COUNTS_THINGS_EN = re.compile(
    r" (?:how many|number of) (?!(?:\w+ ){0,2}(?:dollars?|usd|vnd|euros?|yuan|yen|won|rubles?|roubles?"
    r"|pounds?|baht|ringgit|pesos?|dong|percent|per cent|percentage|points?)\b)"
)
_VALUE_TOO = re.compile(
    r"\b(?:what|how much|at what)\b(?: \w+){0,3} (?:value|worth|cost|price|amount)\b|\bhow much\b"
)


def counts_things_en(words: str) -> bool:
    """An English question (its folded ``words``) counts things and asks no amount of money:
    "How many coins had the shop sold before it cut the price to 19.95 USD?"."""
    return bool(_COUNTS_THINGS_EN.search(f" {words} ")) and not _VALUE_TOO.search(words)


# words after "bao nhiêu" that are no noun it counts (a verb, a preposition, a conjunction)
_AMOUNT_WORDS = frozenset("bao con muc duoi tren khoang chi thap nua them gan hon".split())
# (nor "mỗi", "một" opening what it is per: "cho vay tối đa bao nhiêu mỗi doanh nghiệp")
_NOT_COUNTED = frozenset("xuong len den toi va hay hoac nhi vay vao trong moi mot".split())
# a conjunction or a preposition right after "bao nhiêu" ("bao nhiêu mà ...") or after the counted noun's
# first word ("bao nhiêu tuổi khi ..."): no noun, or the noun's end; as written (folded, "thí sinh", "đô
# thị", "vụ tai nạn" would end too), or, typed without marks, the few that are no noun's word either
_CONJUNCTIONS = frozenset(
    "mà thì là khi để nếu và hay hoặc của cho với vào trong như về từ đến tại ở".split()
)
_CONJUNCTIONS_PLAIN = frozenset("ma khi neu va hoac".split())


def _conjunction(i: int, words: list[str], marked: list[str] | None) -> bool:
    """The ``i``-th word after "bao nhiêu" is a conjunction or a preposition (``_CONJUNCTIONS``)."""
    return marked[i] in _CONJUNCTIONS if marked else words[i] in _CONJUNCTIONS_PLAIN


# a rate or a ratio asked ("tỉ lệ ... bao nhiêu", "what swap ratio"), folded
_RATE = re.compile(r"\b(?:ti le|ty le|ratio)\b")
# a rate that news gives in per cent ("lãi suất", "thuế suất", "interest rate"), folded
_RATE_ASKED = re.compile(
    # (the rate, then "bao nhiêu" with no other amount's noun between: "Lãi suất của khoản vay ... mà A vay
    # từ B là bao nhiêu?", not "sau khi giảm lãi suất, tỷ lệ nợ xấu là bao nhiêu"; in English, the rate a
    # "what"/"how high" asks)
    r"\b(?P<vi>lai suat|thue suat)\b(?: (?!bao nhieu|ty le|ti le|so luong|muc|tong)\w+){0,20}?"
    r" (?:la )?bao nhieu\b"
    r"|\b(?:what|which|how high(?: \w+){0,2}) (?:\w+ ){0,3}?(?P<en>interest|tax) rates?\b"
)


def rate_asked(words: str) -> str | None:
    """The rate a question asks for that news gives in per cent, from its folded words ("khoản vay có lãi
    suất bao nhiêu", "what interest rate"), as folded Vietnamese ("lai suat", "thue suat"); None when
    it asks none."""
    m = _RATE_ASKED.search(words)
    if m is None:
        return None
    return m["vi"] or {"interest": "lai suat", "tax": "thue suat"}[m["en"]]


# an English question asking for a share in per cent
_PERCENT_EN = re.compile(
    r"\b(?:what|which) (?:percentage|percent|per cent)\b|\bhow many (?:percent|per cent)\b"
)


def _unbroken(counted: list[str], question: str) -> list[str]:
    """``counted`` without a two-syllable noun whose second syllable the segmenter joins to the word after
    it ("bao nhiêu sách phục vụ đào tạo" counts "sách", not "sách phục"), unless it is a unit of
    ``units.tsv`` ("tháng tù" of "bao nhiêu tháng tù giam")."""
    from rag.gazetteer import units

    low = [fold(t).replace("_", " ").split() for t in segment(question)]
    broken = {f"{a[0]} {b[0]}" for a, b in zip(low, low[1:], strict=False) if len(a) == 1 and len(b) >= 2}
    return [c for c in counted if c not in broken or c in units()]


def _counted(folded: str, written: list[str] | None = None) -> list[str]:
    """The noun a how-many question counts, as folded Vietnamese ("noi dung"), from either language
    (``written``: the question's words as written, lower case, one for each word of ``folded``)."""
    from rag.gazetteer import units

    duration = _DURATION_Q.search(folded) and not _LENGTH_NAMED_BEFORE.search(folded)
    nouns: list[str] = list(TIME_UNITS) if duration else []
    # (each of them: "bao nhiêu binh sĩ hoặc bao nhiêu tấn hàng", "how many soldiers or how many tonnes")
    for m in _COUNT_VI.finditer(folded):
        words = m.group(1).split()
        at = len(folded[: m.start(1)].split())
        marked = written[at : at + len(words)] if written and len(written) >= at + len(words) else None

        # (a unit of three syllables or more: "bao nhiêu ki-lô-mét")
        rest = " " + folded[m.start(1) :].replace("-", " ")
        unit = next((k for k in sorted(units(), key=len, reverse=True) if rest.startswith(f" {k} ")), None)
        if unit and len(unit.split()) > 2:
            nouns.append(unit)
            continue
        # "giảm từ bao nhiêu xuống bao nhiêu": no noun counted (but "mấy xuồng tuần tra", folded alike,
        # counts boats: a noun after it, not a number)
        boat = (
            words[0] == "xuong"
            and len(words) > 1
            and not words[1].isdigit()
            and words[1] not in _AMOUNT_WORDS
        )
        # ("mỗi", "một" as written: not "mối" of "bao nhiêu mối quan hệ")
        per = words[0] in ("moi", "mot") and marked is not None and marked[0] not in ("mỗi", "một")
        # (nor a number: "hỗ trợ bao nhiêu 1 tháng" asks an amount per month)
        if (
            (words[0] in _NOT_COUNTED and not boat and not per)
            or words[0].isdigit()
            # ("bao nhiêu, so với ...": compared with, no "số" counted; "số voi" as written counts elephants)
            or (words[:2] == ["so", "voi"] and (marked is None or marked[0] == "so"))
            or _conjunction(0, words, marked)
        ):
            continue
        if len(words) > 1 and _conjunction(1, words, marked):
            words = words[:1]
        nouns += [" ".join(words[:2]), words[0]]
    if not nouns:  # two counts compared: "số sản phẩm nhà ở ... nhiều hơn hay ít hơn số ..."
        # ("số" opening the noun phrase, not "dân số", "chỉ số"; nor "số của ...")
        # ("trong số vé bán ra, bên nào mua nhiều hơn": among the tickets, their number; not
        # "trong số đó", "trong số các nước")
        # (nor "so với số liệu", "số đông", "số ít", "số phận", "số hoá"; the noun's second word no function
        # word: "so với số hộ của dự án B" counts "hộ")
        # (each side: "số thửa đất ... so với số trường hợp ...", the first after any word)
        before = r"\w+" if " so voi so " in folded else "tong|hay|hon|va|trong|voi"
        for compared in re.finditer(
            rf"(?:^|\b(?!{_ENDS_IN_SO})(?:{before}) )so "
            r"(?!(?:luong|voi|sanh|tien|cua|do|cac|nhung|nay|ay|lieu|dong|it|phan|hoa)\b)(\w+)"
            r"(?: (?!(?:cua|la|duoc|o|tai|trong|va|voi|so|nay|do)\b)(\w+))?",
            folded.strip(),
        ):
            nouns += [f"{compared[1]} {compared[2]}", compared[1]] if compared[2] else [compared[1]]
    if not nouns:  # "công suất bao nhiêu": a quantity named, given in its units ("420 MW"; units.tsv)
        from rag.gazetteer import measures

        named = [given for what, given in measures().items() if re.search(rf"\b{re.escape(what)}\b", folded)]
        nouns += [u for given in named for u in given]
    if not nouns:  # "bên nào có nhiều lĩnh vực ưu tiên hơn": more of that noun
        more = re.search(r"\b(?:nhieu|it) (?!tien|von)(\w+) (?:(\w+) )?(?:\w+ ){0,2}hon\b(?! nua)", folded)
        if more:
            nouns += [f"{more[1]} {more[2]}", more[1]] if more[2] else [more[1]]
    if _PERCENT_EN.search(folded):  # "what percentage stake": a share in per cent ("20%")
        nouns.append("percent")
    if not nouns and _RATE.search(folded):  # "tỉ lệ hoán đổi là bao nhiêu": a ratio or a per cent
        nouns.append("ti le")
    if not nouns and rate_asked(folded):  # "lãi suất bao nhiêu": a rate given in per cent
        nouns.append("phan tram")
    for m in _COUNT_EN.finditer(folded):  # "how many key cooperation contents": any word may be the noun
        words = [w for w in m.group(1).split() if w not in _STOP]
        phrases = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)] + words
        # (singular: "guard posts", "posts"; "families", "family")
        phrases += [w[:-1] for w in phrases if w.endswith("s")]
        phrases += [w[:-3] + "y" for w in phrases if w.endswith("ies")]
        for phrase in phrases:  # (not a country: "how many Vietnamese military personnel")
            nouns += [fold(v) for v in glossary().get(phrase, []) if not _is_country(fold(v))]
    return [n for n in dict.fromkeys(nouns) if n]


@lru_cache(maxsize=1)
def _glossary_places() -> tuple[str, ...]:
    """The (folded) places of the gazetteer that the glossary's capitalised equivalents name."""
    return tuple(
        dict.fromkeys(
            p for values in glossary().values() for n in values if n[:1].isupper() and _is_place(p := fold(n))
        )
    )


def _places(folded: str, names: list[str]) -> list[str]:
    """The names the question uses as the event's location ("tại Đà Nẵng", "in Hanoi" for "ha noi")."""
    pattern = r"\b(?:tai|o|in|at)\s+(?:thanh pho |tinh |chau |the city of |)(?:{}|{})\b"
    return [
        n for n in names if re.search(pattern.format(re.escape(n), re.escape(n.replace(" ", ""))), folded)
    ]


def _untranslated(question: str) -> list[str]:
    """Lower-case English content words of a question that no glossary entry or country name covers."""
    return [
        w
        for w in _translated(question)[1]
        if re.fullmatch(r"[a-z][a-z'-]{2,}", w) and w not in _EN_WORDS | _STOP
    ]


_QWORDS = {"nao", "gi", "ai", "dau", "bao", "gio", "nhieu", "may", "khong", "chua"} | _EN_WORDS


def _content(token: str) -> bool:
    """A term worth matching: not only stopwords, no question word (a bigram with one is noise), and not
    a bare number (years excepted)."""
    if _YEAR.fullmatch(token):
        return True
    parts = token.split("_")
    return not all(p in _STOP for p in parts) and not any(p in _QWORDS for p in parts) and not token.isdigit()


# (as written: "Trọng" is a name; "Khi", "Theo", "Tại", "Ở", "Sau" opening a question or a clause are
# none of a name: "Theo Thủ tướng A", "Tại Hội nghị B")
_OPENERS_MARKED = frozenset({"còn", "và", "vậy", "trong"})
# ... and, opening the question or a clause, these ("Từ Sơn" is a name within one)
_OPENING_WORDS = frozenset(
    "khi theo tại ở sau trước ngoài về với vào vì nếu giữa có việc chuyện cuộc ngày hôm dịp".split()
)


def _names(question: str, language: Language) -> list[str]:
    """Folded runs of two or more capitalised words of the question (Quảng Ninh, Trần Thị Bình; in an
    English question, not English words: "Party", "Committee") and the places a glossary term names
    ("Hanoi"). Not the glossary's translation: "Ban Chấp hành Trung ương" is no name."""
    names: list[str] = []
    persons: set[str] = set()
    run: list[str] = []
    starts: list[int] = []  # (where the run's words start)
    clause = True  # (the word opens the question or a clause)
    tokens = list(re.finditer(r"[\w-]+|[^\w\s]", question))
    # (in English, the words of a phrase of the glossary too: "High School" of "Lạc Sơn High School")
    phrased: set[int] = set()
    if language == "en":
        lowered = [t.group(0).lower() for t in tokens]
        for i in range(len(tokens) - 1):
            for size in (3, 2):
                if " ".join(lowered[i : i + size]) in glossary():
                    phrased.update(range(i, i + size))
    for i, m in enumerate([*tokens, None]):
        raw = m.group(0) if m else "."
        word = raw.strip("-")
        # (a given name joined by a hyphen to a syllable in lower case is one word of the name: "Kim Jong-un",
        # "Moon Jae-in"; not two places joined, "Bắc Hà-Đông Lâm")
        joined = all(part[:1].islower() for part in word.split("-")[1:])
        capital = bool(word) and word[0].isupper() and word.replace("-", "").isalpha() and joined
        capital = capital and len(run) < 7
        if language == "en" and (word.lower() in glossary() or word.lower() in _EN_WORDS or i in phrased):
            capital = False
        opening = not run and (word.lower() in _OPENERS_MARKED or (word.lower() in _OPENING_WORDS and clause))
        clause = raw in (",", ";", ":") or m is None
        if capital and opening:
            continue  # ("Còn" opening a follow-up, "Còn Bí thư Tỉnh ủy X là ai?": as written, not "Côn Đảo")
        if capital and not (not run and fold(word) in _STOP):
            run.append(word)
            starts.append(m.start() if m else len(question))
            continue
        # (a run ends where an office title begins: "Ngày Tổng thống A" is no "Ngày Tổng", "Lúc Phó Thủ
        # tướng A" no "Lúc Phó")
        if len(run) >= 2 and language != "en":
            cut = next(
                (
                    k
                    for k in range(1, len(run))
                    # (a title going on in lower case: not "Quốc Vương" of "Trung Quốc Vương Nghị")
                    if (title := office_titles().match(question, starts[k]))
                    and title.group(0).split()[-1].islower()
                ),
                None,
            )
            if (
                cut is not None and cut > 1 and fold(run[cut - 1]) == "pho"
            ):  # ("Phó Tổng thống": the deputy's)
                cut -= 1
            run = run[:cut] if cut is not None else run
        # (the run opening right after an administrative unit, "xã Nghi Quang Nguyễn Ngọc Thấu", may be
        # the unit's name then its official's)
        unit = bool(run) and bool(_UNIT_BEFORE.search(question[: starts[0]]))
        # (a company's name has often four words, "Bình An Hoàng Long": its officer's of three split off)
        company = bool(run) and not unit and bool(_COMPANY_BEFORE.search(question[: starts[0]]))
        parts = _name_parts(run, language, unit or company, 3 if company else 2)
        names.extend(fold(" ".join(part)).replace("-", " ") for part in parts if len(part) >= 2)
        # (a person's name split from the unit's keeps a surname that is also a title's word: "Trương")
        persons.update(
            fold(" ".join(part))
            for part in parts[1:]
            if (unit or "TP" in run) and PERSON_NAME.fullmatch(" ".join(part))
        )
        run = [word] if capital else []
        starts = [m.start() if m else len(question)] if capital else []
    folded = " " + " ".join(re.findall(r"\w+", fold(question))) + " "
    # the place of the gazetteer a glossary term names (in any language: a follow-up's lone subject)
    # (as the question writes it when it is one of its spellings: "Havana" of "La Habana|Havana")
    names += [
        next((fold(v) for v in values if f" {fold(v)} " in folded), fold(values[0]))
        for values in _translations(question)
        if values[0][:1].isupper() and _is_place(fold(values[0]))  # (a place is capitalised: "document" is
        # "văn bản", no "Vân Bàn")
    ]
    names.extend(p for p in _glossary_places() if f" {p} " in folded)  # and those typed without marks
    # (a person's honorific opening the run is not of the name: "Ông Lê Văn Khải ..." opening the question;
    # "Bà Rịa" is a place)
    names = [
        n.split(" ", 1)[1]
        if n.split()[0] in _HONORIFICS
        and len(n.split()) >= 3
        and " ".join(n.split()[:2]) not in _place_heads()
        else n
        for n in names
    ]
    # (a body's or an office's word opening the run is no name, "Hội Nông dân", unless the run is a place
    # of the gazetteer: "Hội An", "Đồng Nai")
    return [
        n
        for n in dict.fromkeys(names)
        if len(n.split()) >= 2 and (n.split()[0] not in _TITLE_WORDS or _is_place(n) or n in persons)
    ]


def _name_parts(
    run: list[str], language: Language = "vi", after_unit: bool = False, person_words: int = 2
) -> list[list[str]]:
    """A run of capitalised words split where one name ends and another begins: at an abbreviation in
    capitals ("EU Bruno Angelet", "TP HCM Huỳnh Thành Đạt"; not before English words of the glossary:
    "FPT Global Centre") and after a country that opens it ("Mỹ Richard Grenell"), the article may write
    each apart ("ông Bruno Angelet - đại sứ EU"); ``after_unit`` (the run follows "xã", "huyện", ...):
    after the unit's name of two or three words when a Vietnamese name of ``person_words`` words or more
    follows ("Nghi Quang Nguyễn Ngọc Thấu"), as after a place of the gazetteer."""
    from rag.gazetteer import PERSON_NAME, country_aliases, looks_foreign

    parts: list[list[str]] = []
    for word in run:
        acronym = len(word) >= 2 and word.isupper()
        # (not an organisation's English words after its abbreviation: "FPT Global Centre")
        after_acronym = parts and parts[-1][-1].isupper() and len(parts[-1][-1]) >= 2
        if parts and (acronym or (after_acronym and word.lower() not in glossary())):
            parts.append([word])
        else:
            parts = parts or [[]]
            parts[-1].append(word)
    split: list[list[str]] = []
    for i, part in enumerate(parts):
        # (the first part after the unit's word, or a part after "TP" run into it: "UBND TP Bảo Lộc A"; or
        # after a company's forms, "Công ty CP A")
        unit = (
            after_unit
            if i == 0 or all(p[0] in _COMPANY_FORMS and len(p) == 1 for p in parts[:i])
            else parts[i - 1] == ["TP"]
        )
        # (a country of two words, or one before a foreign name, of one word too in Vietnamese, "Nga
        # Medvedev": not "Thái Bình", "Mỹ Tho", "Hàn Mặc Tử", "Cuban Communist")
        n = next(
            (
                n
                for n in (2, 1)
                # (in Vietnamese with one foreign word after it too: "Thái Lan Solaris" is no "Thái" and
                # "Lan Solaris"; not "Hà Lan Hương", a Vietnamese name)
                if (
                    len(part) >= n + 2
                    or (len(part) == n + 1 and language != "en" and (n == 1 or looks_foreign(part[-1])))
                )
                and fold(" ".join(part[:n])) in country_aliases()
                and not _is_place(fold(" ".join(part)))
                and (n == 2 or looks_foreign(part[-1]))
            ),
            0,
        )
        if not n:  # (a place of the gazetteer before a Vietnamese name: "Đà Nẵng Lê Văn A", as
            # an office's place and its holder run together)
            n = next(
                (
                    n
                    for n in ((2, 3) if unit else (3, 2))  # (a unit's name has two words mostly)
                    if len(part) >= n + 2
                    and (unit or _is_place(fold(" ".join(part[:n]))))
                    and PERSON_NAME.fullmatch(" ".join(part[n:]))
                    and (not unit or len(part) - n >= person_words)
                ),
                0,
            )
        split += [part[:n], part[n:]] if n else [part]
    return [part for part in split if part]


# an administrative unit's word right before a capitalised run: the run opens with the unit's name
_UNIT_BEFORE = re.compile(
    r"(?:^|\s)(?:xã|phường|huyện|quận|tỉnh|thị trấn|thị xã|thành phố|TP\.?)\s+$", re.IGNORECASE
)
# ... or a company's after one of its officers' titles ("Chủ tịch Tập đoàn Bình An Trần Văn Lộc": the
# group's name, then its officer's full name; "Giám đốc Công ty cổ phần A B")
_COMPANY_BEFORE = re.compile(
    r"(?:^|\s)(?:giám đốc|chủ tịch|hđqt|hđtv|trưởng|phó|tgđ)(?:\s+\S+){0,2}?\s+"
    r"(?:tập đoàn|công ty|tổng công ty|ngân hàng)(?:\s+cổ phần)?\s+$",
    re.IGNORECASE,
)
# a company's form in capitals, written after its kind and before its name ("Công ty CP A", "TNHH MTV")
_COMPANY_FORMS = frozenset({"CP", "TNHH", "MTV", "TMCP", "CTCP"})

# First words of capitalised runs that are titles or bodies, not names ("Phó Chủ tịch", "Tỉnh ủy").
_HONORIFICS = frozenset("ong ba ngai".split())
_TITLE_WORDS = set(
    "pho chu bi truong uy tong giam quyen thu dong ong ba ubnd hdnd doan hoi phien nhom so cong ngan "
    "chuong tinh chau huyen xa bao cuc vu phia".split()
)


_PART_WORDS = (
    "khi|bao|ngày|ở|tại|vào|ai|thực|đâu|ngay|o|tai|vao|dau|thuc|when|where|who|what|which|how|was|did"
)
_PART_SPLIT = re.compile(
    r"\s*(?:,\s*(?:và|va|and)\s+|\s+(?:và|va|and)\s+(?=(?:\w+\s+){0,4}?(?:" + _PART_WORDS + r")\b)|;\s*)"
)


def split_question(question: str) -> list[str]:
    """The parts of a two-part question ("A ở đâu, và B ngày nào?"), or [] for a simple one."""
    parts = [p.strip(" ,?") for p in _PART_SPLIT.split(question.strip())]
    parts = [p for p in parts if len(p.split()) >= 3]
    return parts if len(parts) > 1 else []


_MEETING_NUMBER_WORDS = {
    1: "nhat",
    2: "hai",
    3: "ba",
    4: "tu",
    5: "nam",
    6: "sau",
    7: "bay",
    8: "tam",
    9: "chin",
    10: "muoi",
}


def meeting_number_pattern(n: int, sessions: bool = False) -> str:
    """Meeting number ``n`` named as a meeting's ("Phiên họp thứ 9", "lần thứ hai Hội nghị"), so that a
    list item ("Thứ nhất, ...") does not count; with ``sessions``, an assembly's too ("kỳ họp thứ 9": what
    an English question's "9th session" or "9th meeting" may be)."""
    num = "|".join([str(n)] + ([_MEETING_NUMBER_WORDS[n]] if n in _MEETING_NUMBER_WORDS else []))
    # (a session written as a working one, "phiên làm việc thứ 42"; not an assembly's "kỳ họp", another
    # meeting than a committee's "phiên họp", unless ``sessions``: then with its number right after it, "kỳ
    # họp thứ 13", not "kỳ họp khai mạc vào thứ 5" nor "kỳ họp thông qua tổng thu 15.000 tỷ")
    meeting = r"(phien hop|phien lam viec|cuoc hop|cuoc gap|thuong dinh|hoi nghi|hoi dam)"
    assembly = rf"|\bky hop (?:lan )?thu ({num})\b" if sessions else ""
    # (the first one also as the question names it: "phiên họp ... đầu tiên")
    # (not "lần đầu tiên", for the first time; not a meeting that has its number: "Hội nghị thứ 10")
    first = rf"|\b{meeting}\b(?:(?!\bthu\b)[^.;,]){{0,60}}?(?<!lan )\bdau tien\b" if n == 1 else ""
    return (
        # (a long meeting name without a comma: "Hội nghị Hợp tác và Phát triển các tỉnh biên giới A - B")
        rf"\b{meeting}\b(?:[^.;]{{0,60}}?|[^.;,]{{0,90}}?)\b(thu|lan thu|lan)\s+({num})\b"
        rf"|\b(lan thu|lan)\s+({num})\s+{meeting}\b" + first + assembly
    )


def mentions_meeting_number(text: str, n: int) -> bool:
    return re.search(meeting_number_pattern(n), fold(text)) is not None
