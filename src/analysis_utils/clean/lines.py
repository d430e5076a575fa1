"""What one line of a page is (a byline, a date, a menu, a share row, a caption, a masthead…), and why.

The rules look at a line alone (or at its text): ``classify_line`` gives every line its
first class, ``page`` then reads the lines in order (header, body, footer).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from ..text import reference
from ..text.calendar import MONTH_RE
from ..text.date_mentions import find_dates
from ..text.matching import Prefiltered, lower_for_prefilter
from .values import WEB_ADDRESS_REASON, Dateline, Line

FURNITURE_MAX_CHARS = 400
"""Lines longer than this are never page furniture."""


SIGNATURE_REASON = "short line after the last paragraph"
"""The reason given to a short line closing the story (a signature, a place and date, a credit)."""


_END_RULE_START = re.compile(r"(?i)(?:copyright|©|\(only the headline|this (?:article|story) (?:was|has been))")


_BULLETS = "•·*▪►◦‣–—-ⓕ "


_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$|["”’]$""")


_WORD = re.compile(r"[\w’'-]+")


BYLINE = re.compile(
    r"^(?:by|written by|reported by|words by|author|reporter|posted by)\s*:?\s+(?P<name>[^.!?]{2,90}?)\s*$",
    re.IGNORECASE,
)
"""A byline ("By Kim Soo-yeon", "Reported by: …"): the names are ``name``."""


_DATE_LABEL = re.compile(
    r"\b(?P<label>first published|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated|modified|"
    r"created|date|issued|released|dated|print edition)\b",
    re.IGNORECASE,
)


_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b", re.IGNORECASE)


_ZONE = re.compile(
    r"\b(?:KST|GMT|UTC|IST|MSK|EST|EDT|ET|BST|CET|JST|HKT|SGT|PT|PST|PDT)\b(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"
)


_DATELINE = re.compile(
    rf"""^(?P<place>(?:[A-Z][\w'’.-]*|[A-Z]{{2,}})(?:[ /-](?:[A-Z][\w'’.-]*|of|de|la|el))*?)
    (?:\s*\[(?P<region_b>[^\]]{{2,30}})\])?
    (?:,\s*(?P<region>[A-Z][\w.]*(?:\s[A-Z][\w.]*){{0,2}})(?=\s*[(,:/–—-]|\s*$))?
    (?:,?\s*(?:on\s+)?(?P<date>(?i:{MONTH_RE})\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{MONTH_RE})(?:,?\s*\d{{4}})?)
       (?:,?\s*\d{{1,2}}[:.]\d{{2}})?)?
    \.?\s*
    (?:\((?P<agency>[^()]{{2,80}})\)|/(?P<agency_slash>[A-Za-z][\w-]{{1,20}})/|\[(?P<agency_b>[A-Za-z][^\]]{{1,30}})\])?
    \s*(?P<sep>\.-|\.?\s*--|\s*[-–—:](?=\s|$)|\s*[–—](?=\S)|(?<=[/.)\]])\.?(?=\s)|$)\s*
    """,
    re.VERBOSE,
)
"""A dateline: place, region, date (and time), the agency's credit, the separator before the story."""
_DATE_CREDIT = re.compile(
    rf"^(?P<date>(?i:{MONTH_RE})\.?\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?)\s*\((?P<agency>[A-Z][\w .&-]{{1,30}})\)\s*(?P<sep>[-–—:]+)\s*"
)
"""A dateline with no place: a date and an agency's credit ("April 25, 2019 (EIRNS)—", "Aug. 16 (UPI) —")."""
_CREDIT_ONLY = re.compile(r"^\((?P<agency>[A-Z][\w.&-]{1,30})\)\s*[-–—]?\s*(?=[A-Z])")
"""A credit with no place or date opening the story: "(MENAFN) Russian President Vladimir Putin has …"."""
_CAPITAL_DASH = re.compile(r"^(?P<place>[A-Z]{3,}(?:\s[A-Z]{3,})?)\s*[-–—]\s*(?=[A-Z][a-z])")
"""A dateline with no space before its dash ("MOSCOW-In a telegram sent …"), when the place is a capital."""
_CREDIT_DATE = re.compile(
    rf"\s*[-–—,]\s*(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{MONTH_RE}),?\s*\d{{4}}|(?i:{MONTH_RE})\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}})\s*$"
)
"""A date closing an agency's credit: "(Pakistan Point News / Sputnik - 25th April, 2019)"."""


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def bare(text: str) -> str:
    """A line without list bullets and surrounding space, for matching furniture."""
    return text.strip().lstrip(_BULLETS).strip()


def is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.strip()))


def is_title_like(text: str) -> bool:
    """A headline or subheading: a few words, not ending like a sentence or a label."""
    t = text.strip()
    n = len(words(t))
    if not 3 <= n <= 30 or len(t) > 250:
        return False
    if t.endswith((".", ",", ";", ":")) and not t.endswith(("...", "…")):
        return False
    if len(re.findall(r"[A-Za-z]{2,}", _DATE_WORDS.sub(" ", t))) < 3:
        return False  # a date widget ("calendar>>May 15. 2016 Juche 105", "March 02, 2026Mar 02, 2026")
    return parse_dateline(t) is None


def _date_widget(core: str) -> bool:
    """ "calendar>>May 15. 2016 Juche 105", "March 02, 2026Mar 02, 2026": a date and at most a word beside it."""
    if len(core) > 80 or not re.search(r"\d", core) or not re.search(r"(?i:\b(?:19|20)\d\d\b|juche\s*\d)", core):
        return False
    rest = re.findall(r"[A-Za-z]{2,}", _DATE_WORDS.sub(" ", core))
    return len(rest) <= 1 and any(d.day is not None for d in find_dates(core))  # a day, not "Pyongyang, Juche 113"


_DATE_WORDS = re.compile(
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|juche)(?=\b|\d)|\d+"
)


def is_prose(text: str) -> bool:
    n = len(words(text))
    return n >= 20 or (n >= 8 and is_sentence(text)) or (n >= 6 and text.lstrip()[:1] in '“"')


def breadcrumb_prefix(text: str, min_words: int = 2) -> int:
    """Length of a breadcrumb trail at the start of ``text`` ("HomeWorldAsia", "Home > World"), or 0.

    The trail ends where the headline begins: after a separator or at a glued capital
    ("...AsiaNorth Korea" cuts before "North"). A line made only of trail words is all trail.
    A trail has ``min_words`` words at least (one will do when the headline is printed again below).
    """
    pos, count, cut = 0, 0, 0
    vocab = reference.breadcrumb_words()
    while pos < len(text):
        m = re.match(r"\s*(?:[>»/|›·]\s*)?", text[pos:])
        step = pos + (m.end() if m else 0)
        if count >= min_words and step > pos and text[pos:step].strip():
            cut = step  # after a separator
        for word in vocab:
            if text.startswith(word, step):
                after = step + len(word)
                # a trail word ends at a space, a separator, the end, or the capital of a glued word
                if after == len(text) or not text[after].islower():
                    pos, count = after, count + 1
                    if after < len(text) and text[after].isupper() and count >= min_words:
                        cut = after
                    break
        else:
            break
    if count and not text[pos:].strip() and len(words(text)) >= 2:
        return len(text)  # the whole line is navigation words ("East Asia Pacific")
    if count < min_words:
        return 0
    return cut


def furniture_rule(core: str) -> reference.FurnitureRule | None:
    """The first furniture rule matching the line; rules are searched only if the line holds a literal they need."""
    rules, literals, always = _furniture_index()
    low = lower_for_prefilter(core)
    if low is None:
        candidates: Iterable[int] = range(len(rules))
    else:
        candidates = sorted({i for x, where in literals if x in low for i in where}.union(always))
    for i in candidates:
        if rules[i].pattern.search(core):
            return rules[i]
    return None


@cache
def _furniture_index() -> tuple[
    tuple[reference.FurnitureRule, ...], tuple[tuple[str, tuple[int, ...]], ...], frozenset[int]
]:
    """The rules; each literal with the rules that need it; the rules with no literal (always searched)."""
    rules = reference.furniture_rules()
    by_literal: dict[str, list[int]] = {}
    for i, r in enumerate(rules):
        for x in r.literals or ():
            by_literal.setdefault(x, []).append(i)
    always = frozenset(i for i, r in enumerate(rules) if r.literals is None)
    return rules, tuple((x, tuple(v)) for x, v in sorted(by_literal.items())), always


def _date_line(core: str) -> tuple[str, list[str]] | None:
    """If the line is essentially a date, ``(reason, leftover words)``; else None.

    A date with a year, or a day and month with a time or a label ("SEP 9, 06:12",
    "UPDATED: SEP 9"), plus at most a few other words (a label, breadcrumbs, a name).
    """
    dates = [d for d in find_dates(core) if d.day is not None]  # at once [] for a line without a digit
    if not dates:
        return None
    rest = core
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    has_time = bool(_TIME.search(rest))
    rest = _ZONE.sub(" ", _TIME.sub(" ", rest))
    label = _DATE_LABEL.search(rest)
    if all(d.year is None for d in dates) and not (has_time or label):
        return None
    rest = _DATE_LABEL.sub(" ", rest)
    crumbs = breadcrumb_prefix(rest.strip())
    rest = re.sub(r"\|.*$", " ", rest.strip()[crumbs:]) if "|" in rest else rest.strip()[crumbs:]
    for o in reference.outlets():
        rest = o.pattern.sub(" ", rest)
    leftover = words(rest)
    leftover = [w for w in leftover if w.lower() not in {"on", "at", "of", "the", "am", "pm", "a", "m", "gmt", "kst"}]
    if len(leftover) > 4 or (len(leftover) > 2 and not _NAME_WORDS.fullmatch(" ".join(leftover))):
        return None
    what = f"{label.group('label').lower()} date" if label else "date"
    return what + (" with breadcrumbs" if crumbs else ""), leftover


def without_leading_symbols(title: str) -> str:
    """A title without the emoji or pictographs a post opens with ("‼️ Kim sends …"); markup and quotes stay."""
    i = 0
    while i < len(title) and (
        unicodedata.category(title[i]) in ("So", "Sk", "Mn", "Cf") or title[i] in "‼⁉•·►▶" or title[i].isspace()
    ):
        i += 1
    return title[i:]


_KICKER_WORDS = ("EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENTARY", "EXPLAINER", "FACTBOX", "INSIGHT", "LIVE", "WATCH",
                 "BREAKING")  # fmt: skip


KICKER = re.compile(
    r"(?:UPDATE(?:\s+\d+)?|"
    + "|".join(f"{w}|{w.capitalize()}" for w in _KICKER_WORDS)
    + r")\s*(?:[|:]\s*|-(?=\S)|\s[-–—]\s)"
)
"""A label before a headline: "ANALYSIS | …", "EXCLUSIVE: …", Reuters' "UPDATE 2-…"."""


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/\S*$", re.IGNORECASE)


_NAME_WORDS = re.compile(r"(?:[A-Z][\w’'-]*\s?){2,4}")


_PUBLICATION = re.compile(
    r"\b(?:Times|News|Herald|Post|Daily|Journal|Tribune|Express|Telegraph|Gazette|Standard|Review|Monitor|"
    r"Observer|Press|Media|Today|Weekly|Star|Sun|Mail|Guardian|Chronicle|Insider|Wire|Agency|Ilbo|Shimbun|"
    r"Sinmun|Broadcasting|TV|Radio|Online|Ledger|Courier|Record|Bulletin|Dispatch|Sentinel|Register|Globe|"
    r"Mirror|Inquirer|Examiner|Echo|Week|Citizen|Independent)\b|\.(?:com|org|net|co\.kr|kr|ru|in|co\.uk)$",
    re.IGNORECASE,
)


def looks_like_masthead(core: str) -> bool:
    """A short publication name ("The Daily Example", "nknews.org") above a page's headline."""
    n = len(
        words(re.sub(r"\b[\w-]+\.(?:com|org|net|ru|kr|kp|cn|jp|co\.uk|co\.kr)$", "x", core))
    )  # a domain is one word
    if n == 1 and not re.search(r"\.\w{2,}$", core):
        return False  # "News", "TV": a section of the menu, not a publication's name
    if n == 2 and re.fullmatch(r"[A-Z][a-z]+\s+(?-i:[a-z]+)", core):
        return False  # "All news", "Latest news": a menu's label, not a name (a name is capitalised)
    return n <= 5 and not is_sentence(core) and bool(_PUBLICATION.search(core))


def looks_like_name(core: str) -> bool:
    """A person's name on a line of its own ("Kim Tong-Hyung", "Helen Park in Seoul", "Mira Sokolova | Asia correspondent")."""
    core = re.split(r"\s+(?:\||-|–|—)\s+|,\s+|\s+in\s+(?=[A-Z])", core)[0].strip()
    names = re.split(r"\s+(?:&|and)\s+", core)  # "Harriet Lowe & Daniel Ko": two names
    return len(names) <= 3 and all(_one_name(n) for n in names)


def _one_name(core: str) -> bool:
    tokens = core.split()
    if not 2 <= len(tokens) <= 4 or _nav_word(tokens) or re.search(r"[\d:|@]", core):
        return False
    if reference.outlet_named(core) or any(reference.outlet_named(t) for t in tokens):
        return False
    return all(re.fullmatch(r"[A-Z][a-z’'-]+(?:-[A-Za-z][a-z]+)?|[A-Z]\.", t) for t in tokens)


def _name_like(text: str) -> bool:
    """Names after "By": a few words, mostly capitalised ("Yi Whan-woo", "Josh Smith and Hyonhee Shin", "ANI")."""
    tokens = [t for t in words(text) if t.lower() not in ("and", "in", "de", "van", "von", "bin", "staff", "reporter")]
    return 1 <= len(tokens) <= 12 and sum(t[0].isupper() for t in tokens) * 2 > len(tokens) and tokens[0][0].isupper()


def _nav_word(tokens: list[str]) -> bool:
    vocab = {w.lower() for w in reference.breadcrumb_words()}
    return any(t.lower() in vocab for t in tokens)


def _menu(core: str) -> bool:
    """A row of short menu items: "Sign in | Subscribe", "Asia Pacific / Politics & Diplomacy"."""
    items = [x.strip() for x in re.split(r"\s+[|/»›>·•]\s+|\s{2,}\|\s{2,}|\s{2,}", core)]
    if len(items) < 2 or any(not x for x in items):
        return False
    return all(
        len(words(x)) <= 3 and (len(words(x)) <= 2 or not is_sentence(x)) and not re.search(r"\d{4}", x) for x in items
    )


def _credit(text: str | None) -> tuple[str | None, str | None, int | None]:
    """(agency, date, where the date starts) of a dateline's credit: "Yonhap" → ("Yonhap", None, None);
    "UrduPoint News / Sputnik - 09th September, 2020" → ("Sputnik", "09th September, 2020", 27)."""
    if not text:
        return None, None, None
    inner = _CREDIT_DATE.search(text)
    names = text[: inner.start()] if inner else text
    parts = [x.strip() for x in names.split("/") if x.strip()]
    agency = next(
        (x for x in reversed(parts) if reference.outlet_named(x, kind="agency")), parts[-1] if parts else None
    )
    return agency, (inner.group("date") if inner else None), (inner.start("date") if inner else None)


def _dateline_ok(m: re.Match[str] | None) -> bool:
    if not m:
        return False
    place = m.group("place")
    if KICKER.match(m.group(0)):
        return False  # "EXCLUSIVE: …" is a headline's label, not a place
    credit = m.group("agency") or m.group("agency_slash") or m.group("agency_b")
    has_more = bool(m.group("date") or credit)
    region = (m.group("region") or "").split()
    if len(region) >= 2 and reference.outlet_named(region[-1]):
        has_more = True  # the outlet's name closing the dateline: "Seoul, South Korea CNN —"
    letters = re.sub(r"[^A-Za-z]", "", place)
    if credit and not all(
        reference.outlet_named(x.strip()) or re.fullmatch(r"[A-Z][A-Za-z .&-]+", x.strip())
        for x in re.split(r"/", _CREDIT_DATE.sub("", credit))
        if x.strip()
    ):
        return False
    sep = m.group("sep").strip(" .")
    if m.end() == len(m.string) and not m.group("sep"):
        # a line of its own: "SEOUL, AUGUST 15", "Pyongyang, August 15 (KCNA)", "VLADIVOSTOK, Russia"
        upper = letters.isupper() and len(letters) >= 3
        return (
            bool(m.group("date"))
            and upper
            or bool(m.group("date") and credit)
            or upper
            and (bool(region) or _known_place(place))  # "SEOUL" over the story
        )
    if not sep and not credit:
        return False
    if sep == ":":
        return letters.isupper() and len(letters) >= 3 or has_more or _known_place(place)
    return (letters.isupper() and len(letters) >= 3) or has_more


_DATELINE_PLACES = frozenset(
    "pyongyang|seoul|moscow|beijing|tokyo|washington|vladivostok|khabarovsk|hanoi|singapore|panmunjom|kaesong|"
    "new delhi|islamabad|karachi|lahore|kolkata|mumbai|dhaka|kathmandu|bangkok|jakarta|kuala lumpur|manila|"
    "minsk|kyiv|kiev|london|paris|berlin|geneva|vienna|brussels|tehran|ankara|istanbul|dubai|cairo|united nations|"
    "new york|havana|caracas|hong kong|taipei|ulaanbaatar|astana|tashkent".split("|")
)


def _known_place(place: str) -> bool:
    """A capital of ``data/countries.csv`` or a city datelines often name ("Seoul:", "New Delhi:")."""
    key = place.strip(" .").lower()
    capitals = {c.capital.lower() for c in reference.countries() if c.capital}
    return key in capitals or key in _DATELINE_PLACES


def parse_dateline(text: str, offset: int = 0) -> Dateline | None:
    """The dateline opening a paragraph ("SEOUL, March 18 (Reuters) -"), its offsets from ``offset``; or None."""
    m = _DATELINE.match(text)
    if _dateline_ok(m):
        credit = m.group("agency") or m.group("agency_slash") or m.group("agency_b")
        agency, credit_date, at = _credit(credit)
        place = m.group("place")
        if place.endswith(".") and "." not in place[:-1]:
            place = place[:-1]  # "VLADIVOSTOK. April 25 (Interfax) -"
        if reference.outlet_named(re.sub(r"^[Tt]he\s+", "", place)):
            return None  # "The Korean Central News Agency (KCNA) reported …": the agency's name, not a place
        if m.group("date"):
            date_text, date_start = m.group("date"), offset + m.start("date")
        elif credit_date and m.group("agency"):
            date_text, date_start = credit_date, offset + m.start("agency") + at
        else:
            date_text, date_start = None, None
        return Dateline(m.group(0).strip(), place, date_text, agency, offset, offset + m.end(), date_start, credit)
    m = _CAPITAL_DASH.match(text)
    if m and m.group("place").title() in {c.capital for c in reference.countries()}:
        # "MOSCOW-In a telegram …": a capital in capitals glued to the story by a dash
        return Dateline(m.group(0).strip(), m.group("place"), None, None, offset, offset + m.end(), None, None)
    m = _CREDIT_ONLY.match(text)
    if m and reference.outlet_named(m.group("agency")):  # "(MENAFN) Russian President …": the credit alone
        agency = m.group("agency")
        return Dateline(m.group(0).strip(), "", None, agency, offset, offset + m.end(), None, agency)
    m = _DATE_CREDIT.match(text)
    if m and reference.outlet_named(m.group("agency")):
        agency = m.group("agency")
        return Dateline(m.group(0).strip(), "", m.group("date"), agency, offset, offset + m.end(), offset, agency)
    return None


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a paragraph, if there is one (offsets from the paragraph's start)."""
    return parse_dateline(text)


_ROLE_LINE = Prefiltered(
    re.compile(
        r"(?:\||,|-|–|—)\s*(?:senior |chief |staff |foreign |political |diplomatic |asia |north korea |seoul |moscow )?"
        r"(?:correspondent|reporter|writer|editor|bureau chief|contributor|columnist)\b",
        re.IGNORECASE,
    )
)


_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")


def not_english(core: str) -> bool:
    """Most of the line's letters are not Latin ("Ким Чен Ын поздравил Путина", a menu "[조선어] [English] [Русский]"),
    or a sentence of six words or more in Latin letters with accents and not one English function word
    ("Türkçe karakter kullanılmayan ve büyük harflerle yazılmış yorumlar onaylanmamaktadır.")."""
    letters = len(_LETTER.findall(core))
    if letters >= 4 and len(_LATIN.findall(core)) < letters / 2:
        return True
    ws = [w.lower() for w in _WORD.findall(core)]
    return len(ws) >= 6 and bool(re.search(r"[à-ɏ]", core)) and not _ENGLISH.intersection(ws)


_ENGLISH = frozenset(
    "the a an of to in on at for and or but is are was were be by with from that this it as his her their".split()
)


_TIME_ONLY = re.compile(
    r"^[-–—•·|]?\s*\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|KST|MSK|JST|EST|EDT|CET|IST|[AaPp]\.?[Mm]\.?))?$"
)
_GLUED_TIME = re.compile(r"(\b(?:19|20)\d\d)(\d{1,2}:\d{2})")


_POSITION = r"\((?:[LRC]|left|right|centre|center|front|back|2nd [LR]|second (?:left|right)|far (?:left|right))\),?"
_PHOTO_VERB = re.compile(
    r"^(?:(?:[A-Z][\w.’'-]*,?|and|of|the|with|his|her|leader|president|minister|chairman|secretary|head|officials?|"
    r"(?:left|right|center|centre|front|back|second\s+(?:left|right)|far\s+(?:left|right)),|"
    rf"delegations?|soldiers|troops|people|state|titular|{_POSITION})\s+){{0,15}}"
    rf"(?:(?!(?:The|A|An|This|That|These|Those|His|Her|Its|Their|It|He|She|They|We)\b)[A-Z][\w.’'-]*|{_POSITION})\s+"
    r"(?:shakes?\s+hands|toasts?|poses?|smiles?|waves?|greets?|walks?|inspects?|listens?|gestures?|applauds?|salutes?|"
    r"embraces?|hugs?|sits?|stands?|attends?|speaks?|talks?|arrives?|looks?\s+on|reviews?|watch(?:es)?|visits?|"
    r"chats?|meets?|lays?|signs?|exchanges?|examines?|shaking\s+hands|waving|smiling|posing|greeting|walking|"
    r"inspecting|listening|gesturing|applauding|saluting|embracing|hugging|sitting|standing|arriving|talking|chatting)\b"
)
"""A photo caption's grammar: people named, then a present-tense verb of what the picture shows ("Russian President
Vladimir Putin (right) shakes hands with …", "… toasts with North Korean leader Kim Jong Un at a reception")."""


_PICTURED = re.compile(
    r"^(?:(?:[A-Z][\w.’'-]*|and|of|the|leader|president|minister|chairman|secretary|head|titular|state|"
    rf"{_POSITION})\s+){{1,15}}[A-Z][\w.’'-]*(?:\s+{_POSITION})?(?:\s+[-–—|]\s+(?![^!?]*\b[a-z]{{4,}})[^!?]{{1,80}})?$"
)
"""An image's alternative text: only the people pictured ("Russian President Vladimir Putin and North Korean leader
Kim Jong Un"), perhaps with the agency's credit after a dash."""


def _title_twice(core: str) -> bool:
    """ "Putin says gunmen tried to escape Putin says gunmen tried to escape 2024-03-24 08:28 | World": a link's
    title and its alternative text, one after the other."""
    ws = core.split()
    for n in range(4, len(ws) // 2 + 1):
        if ws[:n] == ws[n : 2 * n]:
            return True
    return False


_PICTURE_SHOWS = re.compile(
    r"^(?:(?:An?|The|This|That)\s+(?:[\w-]+\s+){0,2}(?:photo(?:graph)?|picture|image|handout|still)\b(?:[^.]|\.(?=\s*\d)){0,150}?"
    r"\b(?:shows?|showing|depicts?|depicting)\b|In\s+(?:the|this)\s+(?:[\w-]+\s+)?(?:photo|picture|image)\b)"
)
"""A caption that says it is one: "A picture released by … on Sept. 4 shows …", "In the photo, …"."""
_PHOTO_CREDIT_END = re.compile(
    r"[\[(][^\])\n]{1,40}/\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?[\])]\s*$|^\(\s*(?i:photo|image|picture|file)\b[^)]*\)$"
)
"""A photographer's and agency's credit closing the line ("… footage of Trump and Kim [Lee Jin-man/AP]"), or the
whole line a bracketed photo credit ("(Photo ©Lev Fedoseyev/TASS)")."""


LONG_CAPTION_WORDS = 100
"""A caption that says it is one may be this long (wire captions run to two sentences)."""
_VIA_CREDIT = re.compile(r"\((?:[A-Z][\w.-]*\s+){1,5}via\s+(?:AP|AFP|Reuters|Yonhap|EPA|Getty\s+Images)\)\s*$")
"""A wire photo's credit closing its caption: "(South Korea Defense Ministry via AP)"."""


def is_caption(core: str) -> bool:
    """A line that describes a photograph: who is pictured doing what, in the present tense, or only who is
    pictured (the people named: two capitalised words at least, a sentence's first word alone names no one);
    or one that says it shows a picture or closes on a photo credit."""
    n = len(words(core))
    if n <= LONG_CAPTION_WORDS and (
        _PICTURE_SHOWS.match(core) or _PHOTO_CREDIT_END.search(core) or _VIA_CREDIT.search(core)
    ):
        return True  # a caption that says so may run to two sentences ("In this undated photo provided …. (… via AP)")
    if n > 60:
        return False
    if _PICTURED.match(core) and len(re.findall(r"\b[A-Z][\w.’'-]*", core)) >= 4 and " and " in core:
        return True
    m = _PHOTO_VERB.match(core)
    return m is not None and len(re.findall(r"\b[A-Z][\w.’'-]*", m.group(0))) >= 2


_OFFICIAL_SITE = re.compile(
    r"(?i:the\s+)?(?i:official\s+(?:web\s*site|site|portal|internet\s+portal))\s+of\s+(?:the\s+)?[A-Z][\w ’'-]{2,60}$"
)
"""A site's own name: "Official website of the President of Russia"."""


_POSTED_AGO = re.compile(
    r"(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3})\s+(?:\(@\w+\)\s+)?\d+\s+(?:seconds?|minutes?|hours?|days?)\s+ago\b"
)
"""A writer's name and the time since posting: "Faizan Hashmi 4 minutes ago Mon 06th July 2020 | 06:57 PM"."""
_SIGNED_WITH_SOURCES = re.compile(
    r"(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3})\s+\((?i:according\s+to|source[s]?:?|via)\s+[^)]{2,60}\)$"
)
"""A signature with the story's sources: "Hoai Phuong (according to KCNA, AFP)"."""
SIGNED_WITH_SOURCES_REASON = "a name with the sources of the story (a signature)"


def _name_line(core: str) -> str | None:
    """Why ``core`` is a byline: a name with the writer's role, with the time since posting, or with the story's
    sources; else None."""
    if _ROLE_LINE.search(core) and looks_like_name(core):
        return "a name with the writer's role"
    if " ago" in core and (posted := _POSTED_AGO.match(core)) and _one_name(posted.group("name")):
        return "a name with the time since it was posted"
    if core.endswith(")") and (signed := _SIGNED_WITH_SOURCES.match(core)) and _one_name(signed.group("name")):
        return SIGNED_WITH_SOURCES_REASON
    return None


def classify_line(ln: Line) -> None:
    core = bare(ln.text)
    if not core:
        ln.cls, ln.reason = "navigation", "symbol or bullet only"
        return
    if not_english(core):
        ln.cls, ln.reason = "navigation", "not in English (another language's text or menu)"
        return
    if _TIME_ONLY.match(core):
        ln.cls, ln.reason = "date", "a time of day on its own (a time stamp)"
        return
    core = _GLUED_TIME.sub(r"\1 \2", core)  # "19 June 202402:21 GMT": the year and the time glued
    if _title_twice(core):
        ln.cls, ln.reason = "footer", "a linked headline printed twice (a link to another story)"
        return
    if len(core) > FURNITURE_MAX_CHARS and not _END_RULE_START.match(core):
        return  # page furniture is short: a long line is story text (and long lines make some rules slow)
    if reason := _name_line(core):
        ln.cls, ln.reason = "byline", reason
        return
    if _WEB_ADDRESS.match(core):
        ln.cls, ln.reason = "navigation", WEB_ADDRESS_REASON
        return
    m = BYLINE.match(core)
    if m and (_name_like(m.group("name")) or _name_like(re.split(r"\s+[|·•]\s+", m.group("name"))[0])):
        ln.cls, ln.reason = "byline", "starts with 'By'"  # before the menu test: "By Greg Norton | Fox News"
        return
    if _menu(core):
        ln.cls, ln.reason = "navigation", "menu of short links"
        return
    found = _date_line(core)
    if found:
        reason, leftover = found
        if len(leftover) >= 2 and _NAME_WORDS.fullmatch(" ".join(leftover)) and not _nav_word(leftover):
            ln.cls, ln.reason = "byline", f"a name with the {reason}"
        else:
            ln.cls, ln.reason = "date", reason
        return
    rule = furniture_rule(core)
    if rule:
        ln.cls, ln.reason = rule.cls, rule.reason
        if rule.end_of_story:
            ln.reason += " (end of story)"
        return
    if _date_widget(core):
        ln.cls, ln.reason = "date", "a date widget or banner (dates and little else)"
        return
    if reference.outlet_named(core) or _OFFICIAL_SITE.match(core):
        ln.cls, ln.reason = "navigation", "masthead: the name of an outlet"
        return
    first = core.split()[0] if len(words(core)) <= 4 else ""
    if first and reference.outlet_named(first, kind="agency") and not is_sentence(core):
        ln.cls, ln.reason = "byline", "agency credit"
        return
    crumbs = breadcrumb_prefix(core)
    if crumbs and not words(core[crumbs:]):
        ln.cls, ln.reason = "navigation", "breadcrumb trail"
