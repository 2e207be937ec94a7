"""Year-less, localized export dates ("February 28", "28 août", "18 tháng Sáu") as real dates.

TikTok Studio writes dates as month + day in the creator's UI language and never states the year.
The year is recovered from an *anchor* (the day the file was exported): the last row is the latest
such month-day on or before the anchor (plus a little slack), and walking back through the rows the
year drops by one each time the month-day jumps up. Everything here is pure and deterministic; the
caller decides what the anchor is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
import pandas as pd

from mediakit.errors import SourceError

# One line per language, January..December. Spellings are written naturally; they go through the
# same normalisation as the file's text (case, accents and final sigma do not matter).
_MONTH_NAMES: dict[str, str] = {
    "en": "january february march april may june july august september october november december",
    "en_abbr": "jan feb mar apr may jun jul aug sep oct nov dec",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "fr_abbr": "janv févr mars avr mai juin juil août sept oct nov déc",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "es_abbr": "ene feb mar abr may jun jul ago sept oct nov dic",
    "es_alt": "enero febrero marzo abril mayo junio julio agosto setiembre octubre "
    "noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro "
    "novembro dezembro",
    "pt_abbr": "jan fev mar abr mai jun jul ago set out nov dez",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "de_abbr": "jan feb mär apr mai jun jul aug sep okt nov dez",
    "de_at": "jänner feber märz april mai juni juli august september oktober november dezember",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "it_abbr": "gen feb mar apr mag giu lug ago set ott nov dic",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "nl_abbr": "jan feb mrt apr mei jun jul aug sep okt nov dec",
    "el_gen": "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου "
    "Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου",
    "el_nom": "Ιανουάριος Φεβρουάριος Μάρτιος Απρίλιος Μάιος Ιούνιος Ιούλιος Αύγουστος "
    "Σεπτέμβριος Οκτώβριος Νοέμβριος Δεκέμβριος",
    "el_abbr": "Ιαν Φεβ Μαρ Απρ Μαΐ Ιουν Ιουλ Αυγ Σεπ Οκτ Νοε Δεκ",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
    "id_abbr": "jan feb mar apr mei jun jul agu sep okt nov des",
    "ms": "januari februari mac april mei jun julai ogos september oktober november disember",
    "fil": "enero pebrero marso abril mayo hunyo hulyo agosto setyembre oktubre nobyembre "
    "disyembre",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "tr_abbr": "oca şub mar nis may haz tem ağu eyl eki kas ara",
    "pl_gen": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "pl_nom": "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik "
    "listopad grudzień",
    "pl_abbr": "sty lut mar kwi maj cze lip sie wrz paź lis gru",
    "cs_gen": "ledna února března dubna května června července srpna září října listopadu prosince",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie "
    "decembrie",
    "ro_abbr": "ian feb mar apr mai iun iul aug sept oct nov dec",
    "hu": "január február március április május június július augusztus szeptember október "
    "november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "nb": "januar februar mars april mai juni juli august september oktober november desember",
    "ru_gen": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ru_nom": "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "ru_abbr": "янв февр мар апр мая июн июл авг сент окт нояб дек",
    "uk_gen": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада "
    "грудня",
    "uk_nom": "січень лютий березень квітень травень червень липень серпень вересень жовтень "
    "листопад грудень",
    "uk_abbr": "січ лют бер квіт трав черв лип серп вер жовт лист груд",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "th": "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม",
    "hi": "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
}
# Single spellings seen in the wild that no full line above covers.
_EXTRA_WORDS: dict[str, int] = {"sept": 9, "fév": 2, "févr": 2, "aoû": 8, "mrz": 3, "okt": 10}
# Vietnamese months are "tháng" + a number word or a digit ("tháng Sáu", "tháng 6", "thg 6").
_VI_NUMBERS = "một hai ba tư năm sáu bảy tám chín mười mười_một mười_hai".split()


def normalise(text: str) -> str:
    """Lower-case, strip accents and collapse spaces, so "Août", "aout" and "AOÛT" compare equal."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))
    text = text.replace("ı", "i").replace("đ", "d").replace("ł", "l")
    return " ".join(text.split())


def _build_month_table() -> dict[str, int]:
    """Normalised month word -> month number; refuses a word that two languages disagree on."""
    table: dict[str, int] = {}

    def add(word: str, month: int) -> None:
        key = normalise(word)
        if table.setdefault(key, month) != month:
            raise AssertionError(f"month word {word!r} is ambiguous ({table[key]} or {month})")

    for names in _MONTH_NAMES.values():
        words = names.split()
        assert len(words) == 12, names
        for month, word in enumerate(words, start=1):
            add(word, month)
    for month, word in enumerate(_VI_NUMBERS, start=1):
        for prefix in ("tháng", "thg"):
            add(f"{prefix} {word.replace('_', ' ')}", month)
            add(f"{prefix} {month}", month)
    for word, month in _EXTRA_WORDS.items():
        add(word, month)
    add("tháng giêng", 1)
    add("tháng bốn", 4)
    add("tháng chạp", 12)
    return table


MONTHS: dict[str, int] = _build_month_table()

_DAY = r"(\d{1,2})(?:er|re|st|nd|rd|th|o|°)?"
_YEAR = r"(?:\s+(?:de\s+)?(\d{4}))?"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$")
_CJK = re.compile(r"^(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?$")
_DAY_FIRST = re.compile(rf"^{_DAY}\s*(?:de\s+|of\s+)?(\D+?){_YEAR}$")
_MONTH_FIRST = re.compile(rf"^(\D+?)\s*{_DAY}{_YEAR}$")
_VI = re.compile(r"^(\d{1,2})\s+(?:thang|thg)\s*(\d{1,2})(?:\s+(?:nam\s+)?(\d{4}))?$")
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class MonthDay:
    """A parsed cell: month and day, plus the year when the text happened to carry one."""

    month: int
    day: int
    year: int | None = None


@lru_cache(maxsize=4096)
def parse_month_day(text: str) -> MonthDay | None:
    """Parse one localized date cell; None when it is not a date we understand."""
    if len(text) > 64:  # no date is this long; do not run the patterns over a pasted caption
        return None
    clean = normalise(text)
    iso = _ISO.match(clean)
    if iso:
        return _checked(int(iso[2]), int(iso[3]), int(iso[1]))
    clean = " ".join(re.sub(r"[.,]", " ", clean).split())
    clean = clean.removeprefix("ngay ")  # Vietnamese "ngày 18 tháng 6"
    cjk = _CJK.match(clean)
    if cjk:
        return _checked(int(cjk[2]), int(cjk[3]), int(cjk[1]) if cjk[1] else None)
    vietnamese = _VI.match(clean)
    if vietnamese:
        year = int(vietnamese[3]) if vietnamese[3] else None
        return _checked(int(vietnamese[2]), int(vietnamese[1]), year)
    for pattern, day_group, month_group in ((_DAY_FIRST, 1, 2), (_MONTH_FIRST, 2, 1)):
        found = pattern.match(clean)
        if found:
            month = MONTHS.get(found[month_group].strip())
            if month is not None:
                year = int(found[3]) if found[3] else None
                return _checked(month, int(found[day_group]), year)
    return None


def _checked(month: int, day: int, year: int | None) -> MonthDay | None:
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month]:
        return None
    if year is not None and month == 2 and day == 29 and not _is_leap(year):
        return None
    return MonthDay(month, day, year)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@dataclass(frozen=True)
class ParsedColumn:
    """Month and day of every row of one date column (numpy int arrays), years when all had one."""

    months: np.ndarray
    days: np.ndarray
    years: np.ndarray | None


TIKTOK_DATE_HINT = (
    "expected a month and a day such as 'February 28' or '28 août'; if your TikTok app uses "
    "another language, switch it to English and export again"
)


def parse_column(
    values: pd.Series, *, file: str, column: str, hint: str = TIKTOK_DATE_HINT
) -> ParsedColumn:
    """Parse a whole column (index = spreadsheet row number); an unknown date names its row.

    Only distinct texts are parsed, so a 3-year daily file costs ~366 parses, not 1,100.
    ``hint`` tells the creator what a good date looks like in this platform's export.
    """
    texts = values.astype("string").fillna("").str.strip()
    codes, uniques = pd.factorize(texts.to_numpy(dtype=object))
    parsed = [parse_month_day(text) if text else None for text in uniques]
    unknown = np.array([cell is None for cell in parsed], dtype=bool)
    if len(codes) and unknown[codes].any():
        first = int(np.flatnonzero(unknown[codes])[0])
        row, text = texts.index[first], texts.iloc[first]
        shown = f"'{text}'" if text else "an empty cell"
        raise SourceError(
            f"{shown} is not a date mediakit can read",
            file=file,
            line=int(row),
            field=column,
            hint=hint,
        )
    cells = [cell for cell in parsed if cell is not None]
    months = np.array([cell.month for cell in cells], dtype=np.int64)[codes]
    days = np.array([cell.day for cell in cells], dtype=np.int64)[codes]
    years = None
    if cells and all(cell.year is not None for cell in cells):
        years = np.array([cell.year for cell in cells], dtype=np.int64)[codes]
    return ParsedColumn(months, days, years)


SLACK = timedelta(days=3)
# No export holds a date before YouTube opened (2005) or after 2100; beyond those a cell is damaged
# (and pandas could not even hold year 1 or 9999 as a timestamp).
FIRST_DAY, LAST_DAY = date(2005, 1, 1), date(2100, 12, 31)


def plausible(day: date) -> bool:
    """Whether ``day`` can be a day in an export (see FIRST_DAY and LAST_DAY)."""
    return FIRST_DAY <= day <= LAST_DAY


def implausible(moments: pd.Series) -> pd.Series:
    """True where a parsed date/time falls outside FIRST_DAY..LAST_DAY (missing is False)."""
    years = moments.dt.year
    return ((years < FIRST_DAY.year) | (years > LAST_DAY.year)).fillna(False).astype(bool)


def latest_years(months: np.ndarray, days: np.ndarray, limits: pd.Series | date) -> np.ndarray:
    """Year of the latest date with each month-day that is on or before its limit.

    ``limits`` is one date for every row or a datetime Series row by row. February 29 goes back
    to the latest leap year.
    """
    if isinstance(limits, date):
        limit_years = np.full(len(months), limits.year, dtype=np.int64)
        limit_keys = np.full(len(months), limits.month * 100 + limits.day, dtype=np.int64)
    else:
        stamps = pd.DatetimeIndex(limits)
        limit_years = stamps.year.to_numpy(dtype=np.int64)
        limit_keys = (stamps.month * 100 + stamps.day).to_numpy(dtype=np.int64)
    years = limit_years - (months * 100 + days > limit_keys)
    for i in np.flatnonzero((months == 2) & (days == 29)):
        while not _is_leap(int(years[i])):
            years[i] -= 1
    return years


def chronological_years(
    parsed: ParsedColumn, anchor: date, *, file: str, column: str, rows: pd.Index
) -> np.ndarray:
    """Years for rows in date order (oldest first), counted back from the last row.

    The last row is the latest matching date on or before ``anchor`` + 3 days; going backwards the
    year drops each time the month-day increases. Rows that are visibly not in date order (the
    years they imply span far more days than there are dates) are refused rather than misdated.
    """
    months, days = parsed.months, parsed.days
    if parsed.years is not None or len(months) == 0:
        return parsed.years if parsed.years is not None else np.zeros(0, dtype=np.int64)
    keys = months * 100 + days
    last = int(latest_years(months[-1:], days[-1:], anchor + SLACK)[0])
    wraps = np.zeros(len(keys), dtype=np.int64)
    wraps[:-1] = (keys[:-1] > keys[1:]).astype(np.int64)
    years = last - np.cumsum(wraps[::-1])[::-1]
    distinct_dates = 1 + int((keys[:-1] != keys[1:]).sum())
    rough_day = years * 372 + (months - 1) * 31 + days  # monotonic, a little over 1 per day
    # Only a file whose month-days go *backwards* can be out of order; gaps alone are fine.
    if wraps.any() and rough_day[-1] - rough_day[0] > 2 * distinct_dates + 31:
        step = int(np.flatnonzero(wraps)[0])
        raise SourceError(
            "the rows are not in date order, so the year of each date cannot be worked out",
            file=file,
            line=int(rows[step + 1]),
            field=column,
            hint="download the export again and do not sort or edit it",
        )
    leap_day = np.flatnonzero((months == 2) & (days == 29))
    for i in leap_day:
        if not _is_leap(int(years[i])):
            raise SourceError(
                f"February 29 would fall in {int(years[i])}, which has no February 29",
                file=file,
                line=int(rows[i]),
                field=column,
                hint="check exported_on in profile.yaml: it must be the day you downloaded the "
                "export",
            )
    return years


def to_datetimes(years: np.ndarray, parsed: ParsedColumn, index: pd.Index) -> pd.Series:
    """Assemble midnight datetimes (the canonical ``datetime64[ns]``) from the three arrays."""
    days = (
        (np.asarray(years, dtype=np.int64) - 1970).astype("datetime64[Y]")
        + (parsed.months - 1).astype("timedelta64[M]")
    ).astype("datetime64[D]") + (parsed.days - 1).astype("timedelta64[D]")
    return pd.Series(days.astype("datetime64[ns]"), index=index)
