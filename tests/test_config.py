"""The profile loader: strings stay as typed, defaults are sensible, each mistake names its line."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mediakit.errors import ConfigError
from mediakit.project.profile import DEFAULT_LOCALE, Profile, load_profile

MINIMAL = 'name: X\nplatforms: {tiktok: {handle: "@x"}}\n'
# Four lines; a test appends its own lines from line 5 onwards.
BASE = 'name: Mara Quinn\nplatforms:\n  tiktok:\n    handle: "@maraquinnmusic"\n'

FULL = """\
name: Mara Quinn
handle: "@maraquinnmusic"
tagline: "Indie-folk songs written on the night bus"
bio: |
  Two short paragraphs...
niche: Music
location: Dublin, Ireland
languages: [English, Irish]
locale: en_IE
timezone: Europe/Dublin
avatar: assets/avatar.svg
colors:
  primary: "#1f3a5f"
  accent: "#e07a5f"
font: "system"
contact:
  email: hello@example.com
  links:
    - {label: Website, url: "https://example.com"}
platforms:
  tiktok:
    handle: "@maraquinnmusic"
    url: "https://www.tiktok.com/@maraquinnmusic"
    data: data/tiktok
    exported_on: 2026-11-17
rates:
  - deliverable: "1 TikTok video (30–60 s)"
    platform: tiktok
    price: 850
    currency: EUR
    notes: "Includes 30 days of usage rights"
partners:
  - name: Fender
    url: "https://www.fender.com"
    logo: assets/partners/fender.svg
    year: 2026
testimonials:
  - quote: "Mara's video outsold..."
    author: Jane Doe
    role: "Marketing lead, Brand"
audience:
  tiktok:
    age:
      source: "TikTok Studio > Viewers tab, screenshot 2026-11-17"
      shares: {"18-24": 0.41, "25-34": 0.33, "35-44": 0.14, "13-17": 0.06, "45+": 0.06}
site:
  title: "Mara Quinn — Media kit"
  base_url: "https://maraquinn.github.io/kit/"
  custom_domain: kit.maraquinn.com
  noindex: true
  interactive_charts: false
  language: en
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str) -> Profile:
    return load_profile(write(tmp_path, text))


def error(tmp_path: Path, text: str) -> ConfigError:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    assert caught.value.file == str(path)
    assert "\n" not in str(caught.value)
    return caught.value


# --- valid profiles ------------------------------------------------------------------------------

def test_minimal_profile_gets_sensible_defaults(tmp_path):
    profile = load(tmp_path, MINIMAL)
    assert profile.name == "X"
    assert profile.handle == "@x"  # the first platform's handle
    assert profile.locale == DEFAULT_LOCALE == "en_US"
    assert profile.timezone is None and profile.avatar is None and profile.tagline is None
    assert profile.languages == [] and profile.rates == [] and profile.partners == []
    assert profile.testimonials == [] and profile.audience == {}
    assert (profile.colors.primary, profile.colors.accent) == ("#1e293b", "#2563eb")
    assert profile.font == "Inter"  # the shipped font (mediakit/site/typeface.py)
    assert profile.contact.email is None and profile.contact.links == []
    tiktok = profile.platforms["tiktok"]
    assert tiktok.url == "https://www.tiktok.com/@x"
    assert tiktok.data == "data/tiktok" and tiktok.exported_on is None
    assert profile.site.title == "X — Media kit"
    assert profile.site.language == "en"
    assert profile.site.noindex is True and profile.site.interactive_charts is False
    assert profile.site.base_url is None and profile.site.custom_domain is None


def test_full_example_from_the_spec_loads(tmp_path):
    profile = load(tmp_path, FULL)
    assert profile.bio == "Two short paragraphs...\n"
    assert profile.languages == ["English", "Irish"]
    assert profile.locale == "en_IE" and profile.timezone == "Europe/Dublin"
    assert profile.contact.links[0].url == "https://example.com"
    assert profile.platforms["tiktok"].exported_on == date(2026, 11, 17)
    rate = profile.rates[0]
    assert (rate.deliverable, rate.platform, rate.price, rate.currency) == (
        "1 TikTok video (30–60 s)", "tiktok", 850.0, "EUR")
    assert profile.partners[0].year == 2026
    assert profile.partners[0].logo == "assets/partners/fender.svg"
    assert profile.testimonials[0].role == "Marketing lead, Brand"
    shares = profile.audience["tiktok"]["age"].shares
    assert shares["18-24"] == 0.41
    assert sum(shares.values()) == pytest.approx(1.0)  # 0.41 + 0.33 + 0.14 + 0.06 + 0.06
    assert profile.site.custom_domain == "kit.maraquinn.com"


def test_profile_is_frozen(tmp_path):
    profile = load(tmp_path, MINIMAL)
    with pytest.raises(ValidationError, match="frozen"):
        profile.name = "Y"  # type: ignore[misc]


def test_yaml_1_1_lookalikes_stay_as_written(tmp_path):
    text = (
        "name: NO\n"
        "handle: 012345\n"
        "tagline: 1.10\n"
        "niche: on\n"
        "location: yes\n"
        "languages: [NO, 0x1F, 1e3]\n"
        "platforms:\n"
        "  youtube: {handle: NO}\n"
        "  instagram: {handle: 012345}\n"
    )
    profile = load(tmp_path, text)
    assert (profile.name, profile.handle, profile.tagline) == ("NO", "012345", "1.10")
    assert (profile.niche, profile.location) == ("on", "yes")
    assert profile.languages == ["NO", "0x1F", "1e3"]
    assert profile.platforms["youtube"].handle == "NO"  # youtube handles kept as written
    assert profile.platforms["instagram"].handle == "@012345"


def test_quoted_and_unquoted_strings_are_the_same(tmp_path):
    plain = load(tmp_path, "name: NO\nplatforms: {tiktok: {handle: 1.10}}\n")
    quoted = load(tmp_path, "name: 'NO'\nplatforms: {tiktok: {handle: \"1.10\"}}\n")
    assert plain == quoted
    assert plain.platforms["tiktok"].handle == "@1.10"


@pytest.mark.parametrize(
    ("written", "expected"),
    [("no", False), ("NO", False), ("false", False), ("off", False),
     ("true", True), ("yes", True), ("'true'", True), ("On", True)],
)
def test_yes_no_words_work_for_true_false_settings(tmp_path, written, expected):
    text = BASE + f"site:\n  noindex: {written}\n  interactive_charts: {written}\n"
    profile = load(tmp_path, text)
    assert profile.site.noindex is expected
    assert profile.site.interactive_charts is expected


def test_exported_on_is_a_date_quoted_or_not(tmp_path):
    for written in ("2026-11-17", '"2026-11-17"'):
        profile = load(tmp_path, BASE + f"    exported_on: {written}\n")
        assert profile.platforms["tiktok"].exported_on == date(2026, 11, 17)


@pytest.mark.parametrize("written", ["17/11/2026", "20261117", "2026-13-01"])
def test_exported_on_must_be_year_month_day(tmp_path, written):
    err = error(tmp_path, BASE + f"    exported_on: {written}\n")
    assert (err.line, err.field) == (5, "platforms.tiktok.exported_on")
    assert "must be a date like 2026-11-17" in err.message


@pytest.mark.parametrize(("written", "price"), [("850", 850.0), ('"850"', 850.0),
                                                ("850.50", 850.5), ("0", 0.0)])
def test_price_accepts_numbers_written_any_way(tmp_path, written, price):
    profile = load(tmp_path, BASE + f"rates:\n  - deliverable: Video\n    price: {written}\n")
    assert profile.rates[0].price == price


def test_price_that_is_not_a_number_names_line_and_field(tmp_path):
    text = BASE + ("rates:\n  - deliverable: Video\n    price: 850\n"
                   "  - deliverable: Story\n    price: lots\n")
    err = error(tmp_path, text)
    assert (err.line, err.field) == (9, "rates[1].price")
    assert err.message == "must be a number, got 'lots'"
    assert str(err) == (f"{err.file}:9: rates[1].price: must be a number, got 'lots' "
                        f"(write only the number, e.g. 850 or 850.50, without currency sign or "
                        f"separators)")


@pytest.mark.parametrize(("written", "message"), [("-5", "must be at least 0, got '-5'"),
                                                  ("nan", "must be an ordinary number, got 'nan'"),
                                                  ("€850", "must be a number, got '€850'")])
def test_price_must_be_a_plain_amount(tmp_path, written, message):
    err = error(tmp_path, BASE + f"rates:\n  - deliverable: Video\n    price: {written}\n")
    assert (err.line, err.field, err.message) == (7, "rates[0].price", message)


def test_currency_defaults_to_the_first_rate_then_usd(tmp_path):
    text = BASE + ("rates:\n  - {deliverable: A, price: 1, currency: eur}\n"
                   "  - {deliverable: B, price: 2}\n"
                   "  - {deliverable: C, price: 3, currency: GBP}\n")
    assert [rate.currency for rate in load(tmp_path, text).rates] == ["EUR", "EUR", "GBP"]
    text = BASE + "rates:\n  - {deliverable: A, price: 1}\n  - {deliverable: B, price: 2}\n"
    assert [rate.currency for rate in load(tmp_path, text).rates] == ["USD", "USD"]


@pytest.mark.parametrize("written", ["EURO", "€", "XYZ", "E"])
def test_unknown_currency_is_refused(tmp_path, written):
    text = BASE + f"rates:\n  - deliverable: A\n    price: 1\n    currency: {written}\n"
    err = error(tmp_path, text)
    assert (err.line, err.field) == (8, "rates[0].currency")
    assert "3-letter currency code" in err.hint


def test_rate_platform_must_be_one_of_yours(tmp_path):
    err = error(tmp_path, BASE + "rates:\n  - {deliverable: A, price: 1, platform: youtube}\n")
    assert (err.line, err.field) == (6, "rates[0].platform")
    assert err.message == "'youtube' is not one of your platforms (tiktok)"
    err = error(tmp_path, BASE + "rates:\n  - {deliverable: A, price: 1, platform: tiktk}\n")
    assert (err.field, err.hint) == ("rates[0].platform", "did you mean 'tiktok'?")


# --- unknown keys and did-you-mean ---------------------------------------------------------------

def test_unknown_top_level_key_suggests_the_close_one(tmp_path):
    err = error(tmp_path, "name: X\ntaglin: Songs\nplatforms: {tiktok: {handle: x}}\n")
    assert (err.line, err.field, err.message) == (2, "taglin", "unknown key 'taglin'")
    assert err.hint == "did you mean 'tagline'?"


def test_unknown_nested_key_names_its_path(tmp_path):
    err = error(tmp_path, BASE + "colors:\n  primay: '#fff'\n")
    assert (err.line, err.field, err.hint) == (6, "colors.primay", "did you mean 'primary'?")
    err = error(tmp_path, BASE + "    exported: 2026-11-17\n")
    assert (err.line, err.field, err.hint) == (5, "platforms.tiktok.exported",
                                               "did you mean 'exported_on'?")


def test_key_in_wrong_case_or_with_dash_suggests_the_right_spelling(tmp_path):
    assert error(tmp_path, "Name: X\nplatforms: {tiktok: {handle: x}}\n").hint == (
        "did you mean 'name'?")
    err = error(tmp_path, BASE + "site: {custom-domain: kit.example.com}\n")
    assert (err.field, err.hint) == ("site.custom-domain", "did you mean 'custom_domain'?")


def test_unknown_key_without_close_match_lists_the_allowed_ones(tmp_path):
    err = error(tmp_path, BASE + "colors: {zzz: '#fff'}\n")
    assert err.hint == "allowed here: primary, accent"


def test_platform_names_are_limited_with_did_you_mean(tmp_path):
    err = error(tmp_path, "name: X\nplatforms:\n  tiktok: {handle: a}\n  instagam: {handle: b}\n")
    assert (err.line, err.field, err.message) == (4, "platforms.instagam",
                                                  "unknown platform 'instagam'")
    assert err.hint == "did you mean 'instagram'?"


def test_audience_dimension_is_checked(tmp_path):
    text = BASE + "audience:\n  tiktok:\n    gendr: {source: app, shares: {female: 0.6}}\n"
    err = error(tmp_path, text)
    assert (err.line, err.field, err.hint) == (7, "audience.tiktok.gendr",
                                               "did you mean 'gender'?")


# --- required values -----------------------------------------------------------------------------

def test_missing_name_and_platforms(tmp_path):
    err = error(tmp_path, "platforms: {tiktok: {handle: x}}\n")
    assert (err.line, err.field, err.message) == (1, "name", "this required key is missing")
    err = error(tmp_path, "name: X\ntagline: hi\n")
    assert (err.line, err.field) == (1, "platforms")
    err = error(tmp_path, "name: X\nplatforms: {}\n")
    assert (err.line, err.field, err.message) == (2, "platforms", "lists no platform")


def test_blank_name_is_empty_not_missing(tmp_path):
    for written in ("", "''", "'   '"):
        text = f"tagline: hi\nname: {written}\nplatforms: {{tiktok: {{handle: x}}}}\n"
        err = error(tmp_path, text)
        assert (err.line, err.field, err.message) == (2, "name", "must not be empty")


def test_platform_without_handle_points_at_the_platform(tmp_path):
    err = error(tmp_path, "name: X\nplatforms:\n  tiktok:\n")
    assert (err.line, err.field, err.message) == (3, "platforms.tiktok.handle",
                                                  "this required key is missing")
    err = error(tmp_path, "name: X\nplatforms:\n  tiktok:\n    handle: ''\n")
    assert (err.line, err.field, err.message) == (4, "platforms.tiktok.handle",
                                                  "must not be empty")


# --- handles and derived links -------------------------------------------------------------------

def test_handles_get_an_at_sign_and_links_are_derived(tmp_path):
    text = ("name: X\nplatforms:\n  tiktok: {handle: mara}\n  instagram: {handle: mara.q}\n"
            "  youtube: {handle: '@MaraMusic'}\n")
    platforms = load(tmp_path, text).platforms
    assert platforms["tiktok"].handle == "@mara"
    assert platforms["tiktok"].url == "https://www.tiktok.com/@mara"
    assert platforms["instagram"].handle == "@mara.q"
    assert platforms["instagram"].url == "https://www.instagram.com/mara.q/"
    assert platforms["youtube"].handle == "@MaraMusic"
    assert platforms["youtube"].url == "https://www.youtube.com/@MaraMusic"


def test_written_url_is_kept_and_main_handle_is_kept_as_written(tmp_path):
    text = ("name: X\nhandle: Mara Quinn\nplatforms:\n"
            "  youtube: {handle: Mara Quinn, url: 'https://www.youtube.com/c/MaraQuinn'}\n")
    profile = load(tmp_path, text)
    assert profile.handle == "Mara Quinn"
    assert profile.platforms["youtube"].url == "https://www.youtube.com/c/MaraQuinn"


def test_handle_pasted_as_a_link_is_refused_with_a_hint(tmp_path):
    err = error(tmp_path, "name: X\nplatforms:\n  tiktok:\n    handle: https://www.tiktok.com/@mara\n")
    assert (err.line, err.field) == (4, "platforms.tiktok.handle")
    assert err.hint == 'write handle: "@mara" and put the link under url:'


def test_platform_data_dir_defaults_to_data_slash_platform(tmp_path):
    text = ("name: X\nplatforms:\n  tiktok: {handle: a, data: ./exports//tiktok/}\n"
            "  youtube: {handle: b}\n")
    profile = load(tmp_path, text)
    assert profile.platform_data_dir("tiktok") == "exports/tiktok"
    assert profile.platform_data_dir("youtube") == "data/youtube"
    assert profile.platform_data_dir("instagram") == "data/instagram"


# --- links, paths and other checked values -------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:x",
                                 "data:text/html,<b>hi</b>", "file:///etc/passwd",
                                 "vbscript:msgbox", "java\tscript:alert(1)", "ftp://example.com"])
def test_dangerous_link_schemes_are_refused(tmp_path, url):
    text = BASE + f'contact:\n  links:\n    - label: Site\n      url: "{url}"\n'
    err = error(tmp_path, text)
    assert (err.line, err.field) == (8, "contact.links[0].url")
    text = BASE + f'partners:\n  - name: Fender\n    url: "{url}"\n'
    assert error(tmp_path, text).field == "partners[0].url"
    assert error(tmp_path, BASE + f'    url: "{url}"\n').field == "platforms.tiktok.url"
    assert error(tmp_path, BASE + f'site: {{base_url: "{url}"}}\n').field == "site.base_url"


def test_mailto_is_allowed_only_for_contact_links(tmp_path):
    text = BASE + "contact:\n  links:\n    - {label: Mail, url: 'mailto:hi@example.com'}\n"
    assert load(tmp_path, text).contact.links[0].url == "mailto:hi@example.com"
    err = error(tmp_path, BASE + "partners:\n  - {name: F, url: 'mailto:hi@example.com'}\n")
    assert err.field == "partners[0].url"


def test_link_without_scheme_suggests_https(tmp_path):
    err = error(tmp_path, BASE + "partners:\n  - {name: F, url: www.fender.com}\n")
    assert (err.line, err.hint) == (6, "write https://www.fender.com")


def test_base_url_gets_a_trailing_slash(tmp_path):
    profile = load(tmp_path, BASE + "site: {base_url: 'https://mara.github.io/kit'}\n")
    assert profile.site.base_url == "https://mara.github.io/kit/"


@pytest.mark.parametrize("field", ["avatar", "logo", "data"])
@pytest.mark.parametrize("path", ["../secret.png", "assets/../../x.png", "/etc/passwd",
                                  "C:\\Users\\mara\\a.png", "~/a.png", "https://example.com/a.png",
                                  "..\\x.png"])
def test_paths_must_stay_inside_content(tmp_path, field, path):
    place = {
        "avatar": ("avatar: '{}'\n", "avatar", 5),
        "logo": ("partners:\n  - name: F\n    logo: '{}'\n", "partners[0].logo", 7),
        "data": ("    data: '{}'\n", "platforms.tiktok.data", 5),
    }
    template, dotted, line = place[field]
    err = error(tmp_path, BASE + template.format(path))
    assert (err.line, err.field) == (line, dotted)
    assert "content" in err.message and err.hint


def test_relative_paths_are_tidied(tmp_path):
    assert load(tmp_path, BASE + "avatar: ./assets\\me.png\n").avatar == "assets/me.png"


def test_email_must_look_like_an_email(tmp_path):
    assert load(tmp_path, BASE + "contact: {email: hi@example.ie}\n").contact.email == (
        "hi@example.ie")
    err = error(tmp_path, BASE + "contact:\n  email: hi at example\n")
    assert (err.line, err.field) == (6, "contact.email")


def test_colours_are_hex_and_lower_case(tmp_path):
    profile = load(tmp_path, BASE + "colors: {primary: '#1F3A5F', accent: '#ABC'}\n")
    assert (profile.colors.primary, profile.colors.accent) == ("#1f3a5f", "#abc")
    err = error(tmp_path, BASE + "colors:\n  accent: red\n")
    assert (err.line, err.field) == (6, "colors.accent")
    err = error(tmp_path, BASE + "colors: {accent: 'e07a5f'}\n")
    assert err.hint == 'write it in quotes: "#e07a5f"'


def test_unquoted_hex_colour_read_as_comment_is_explained(tmp_path):
    err = error(tmp_path, BASE + "colors:\n  primary: #1f3a5f\n")
    assert (err.line, err.field) == (6, "colors.primary")
    assert err.hint == 'put it in quotes: primary: "#1f3a5f"'


def test_font_name_cannot_smuggle_css(tmp_path):
    assert load(tmp_path, BASE + "font: Source Sans 3\n").font == "Source Sans 3"
    err = error(tmp_path, BASE + "font: 'x; } body { background: url(http://evil) }'\n")
    assert (err.line, err.field) == (5, "font")


def test_locale_timezone_and_html_language(tmp_path):
    profile = load(tmp_path, BASE + "locale: fr-FR\ntimezone: Europe/Paris\n")
    assert (profile.locale, profile.timezone, profile.site.language) == (
        "fr_FR", "Europe/Paris", "fr")
    err = error(tmp_path, BASE + "locale: xx_YY\n")
    assert (err.line, err.field, err.message) == (5, "locale", "unknown locale 'xx_YY'")
    err = error(tmp_path, BASE + "timezone: Mars/Olympus\n")
    assert (err.line, err.field, err.message) == (5, "timezone", "unknown timezone 'Mars/Olympus'")
    assert error(tmp_path, BASE + "timezone: ../../etc/passwd\n").field == "timezone"


def test_custom_domain_is_a_bare_hostname(tmp_path):
    profile = load(tmp_path, BASE + "site: {custom_domain: Kit.Example.com.}\n")
    assert profile.site.custom_domain == "kit.example.com"
    err = error(tmp_path, BASE + "site:\n  custom_domain: https://kit.example.com/kit\n")
    assert (err.line, err.field) == (6, "site.custom_domain")
    assert err.hint == "leave out https:// and any /path: write kit.example.com"
    err = error(tmp_path, BASE + "site: {custom_domain: localhost}\n")
    assert err.field == "site.custom_domain"


def test_partner_year_is_a_whole_number(tmp_path):
    profile = load(tmp_path, BASE + "partners:\n  - {name: F, year: '2025'}\n")
    assert profile.partners[0].year == 2025
    err = error(tmp_path, BASE + "partners:\n  - name: F\n    year: 2025.5\n")
    assert (err.line, err.field, err.message) == (7, "partners[0].year",
                                                  "must be a whole number, got '2025.5'")


def test_wrong_shape_is_named(tmp_path):
    err = error(tmp_path, BASE + "rates: {deliverable: A, price: 1}\n")
    assert (err.line, err.field, err.message) == (5, "rates", "must be a list, got a group of keys")
    err = error(tmp_path, BASE + "tagline: [a, b]\n")
    assert (err.line, err.field, err.message) == (5, "tagline", "must be text, got a list")
    assert load(tmp_path, BASE + "languages: English\n").languages == ["English"]


# --- self-reported audience ----------------------------------------------------------------------

def audience(shares: str, source: str = "source: TikTok app, 2026-11-17\n      ") -> str:
    return BASE + f"audience:\n  tiktok:\n    age:\n      {source}shares: {shares}\n"


def test_shares_may_add_up_to_just_over_one_for_rounding(tmp_path):
    # 0.334 + 0.334 + 0.333 = 1.001: rounding in the app, accepted
    profile = load(tmp_path, audience('{"18-24": 0.334, "25-34": 0.334, "35-44": 0.333}'))
    assert sum(profile.audience["tiktok"]["age"].shares.values()) == pytest.approx(1.001)


def test_shares_adding_up_to_more_than_one_are_refused(tmp_path):
    # 0.8 + 0.3 = 1.1
    err = error(tmp_path, audience('{"18-24": 0.8, "25-34": 0.3}'))
    assert (err.line, err.field) == (9, "audience.tiktok.age.shares")
    assert err.message == "the shares add up to 1.1 (110%), more than 1 (100%)"


def test_share_written_as_percent(tmp_path):
    profile = load(tmp_path, audience('{"18-24": "41%", "25-34": 0.33}'))
    assert profile.audience["tiktok"]["age"].shares == {"18-24": 0.41, "25-34": 0.33}
    err = error(tmp_path, audience('{"18-24": 41}'))
    assert (err.line, err.field) == (9, "audience.tiktok.age.shares.18-24")
    assert err.message == "must be at most 1, got '41'"
    assert err.hint == "a share is a fraction of the audience: write 41% as 0.41"


def test_self_reported_figures_need_a_source(tmp_path):
    err = error(tmp_path, audience('{"18-24": 0.4}', source=""))
    # the key is missing, so the error points at its group, "age:" on line 7
    assert (err.line, err.field, err.message) == (7, "audience.tiktok.age.source",
                                                  "this required key is missing")


def test_audience_platform_must_be_one_of_yours(tmp_path):
    text = BASE + "audience:\n  youtube:\n    age: {source: app, shares: {18-24: 0.5}}\n"
    err = error(tmp_path, text)
    assert (err.line, err.field) == (6, "audience.youtube")


# --- file-level problems -------------------------------------------------------------------------

def test_missing_file_suggests_init(tmp_path):
    path = tmp_path / "content" / "profile.yaml"
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    assert caught.value.file == str(path)
    assert "mediakit init" in caught.value.hint


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n", "~\n"])
def test_empty_profile(tmp_path, text):
    err = error(tmp_path, text)
    assert (err.line, err.message) == (1, "the profile is empty")


@pytest.mark.parametrize("text", ["- name: X\n", "just some words\n"])
def test_profile_that_is_not_a_mapping(tmp_path, text):
    assert error(tmp_path, text).message.startswith("must be a list of 'key: value' lines")


def test_duplicate_keys_name_both_lines(tmp_path):
    err = error(tmp_path, "name: X\ntagline: a\nplatforms: {tiktok: {handle: x}}\ntagline: b\n")
    assert (err.line, err.field) == (4, "tagline")
    assert err.message == "the key 'tagline' appears twice (lines 2 and 4)"
    err = error(tmp_path, BASE + "    handle: '@other'\n")
    assert (err.line, err.field) == (5, "platforms.tiktok.handle")
    assert err.message == "the key 'handle' appears twice (lines 4 and 5)"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("name: X\nplatforms:\n\ttiktok: {handle: x}\n", 3, "uses a tab for indentation"),
        ("name: X\nhandle: @mara\n", 2, "a value cannot start with '@'"),
        ("name: X\ntagline: Songs: live\n", 2, "has a ':' where YAML does not expect one"),
        ("name: X\ntagline: 'open\nniche: Music\n", 2,
         "a quote opened on this line is never closed"),
        ("name: X\nlanguages: [English, Irish\nniche: Music\n", 3,
         "a [list] or {group} is not closed properly"),
        ("name: X\nplatforms:\n  tiktok:\n    handle: x\n   url: y\n", 5,
         "the indentation here does not line up with the lines above"),
        ("name: X\n---\nname: Y\n", 2, "holds more than one YAML document ('---')"),
        ('name: X\nbio: "a\\qb"\n', 2, "has an unknown backslash escape inside double quotes"),
    ],
)
def test_invalid_yaml_gives_one_plain_line(tmp_path, text, line, message):
    err = error(tmp_path, text)
    assert (err.line, err.message) == (line, message)
    assert "\n" not in str(err) and "in \"<unicode string>\"" not in str(err)


def test_control_character_and_non_utf8_name_their_line(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_bytes("name: Zoë\ntagline: é\x01\n".encode())
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    assert caught.value.line == 2
    path.write_bytes(b"name: X\nplatforms: {}\ntagline: caf\xe9\n")
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    assert (caught.value.line, caught.value.message) == (3, "is not UTF-8 text")


def test_utf8_bom_and_utf16_files_load(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_profile(path).name == "X"
    path.write_bytes(MINIMAL.encode("utf-16"))
    assert load_profile(path).name == "X"


def test_anchors_and_aliases_work_but_cannot_explode(tmp_path):
    text = ("name: X\nplatforms:\n  tiktok: &me {handle: mara}\n  instagram: *me\n")
    profile = load(tmp_path, text)
    assert profile.platforms["instagram"].url == "https://www.instagram.com/mara/"
    assert error(tmp_path, "a: &x [1, *x]\n").message == "the alias *x refers to itself"
    laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]\n" for n in range(1, 9))
    started = time.perf_counter()
    assert "too many values" in error(tmp_path, laughs).message
    assert time.perf_counter() - started < 1


def test_merge_keys_are_refused_clearly(tmp_path):
    err = error(tmp_path, BASE + "<<: {tagline: hi}\n")
    assert (err.line, err.message) == (5, "YAML merge keys ('<<') are not supported")


def test_absurdly_deep_nesting_is_refused_without_crashing(tmp_path):
    # mediakit's behaviour, not the YAML library's wording: one line naming the file and line 1
    # (error() checks the file and the single line). Which of the two refuses first (mediakit's
    # depth limit or PyYAML's own since 6.0.4) is theirs to decide.
    err = error(tmp_path, "a: " + "[" * 50_000 + "]" * 50_000 + "\n")
    assert err.line == 1
    assert err.message


def test_nesting_past_mediakits_limit_is_refused_in_its_own_words(tmp_path):
    # 41 levels: past mediakit's limit of 40, far below any YAML library's own.
    err = error(tmp_path, "a: " + "[" * 41 + "]" * 41 + "\n")
    assert (err.line, err.message) == (1, "is nested too deeply")


def test_loading_a_typical_profile_is_fast(tmp_path):
    path = write(tmp_path, FULL)
    load_profile(path)  # first load imports babel and its currency list
    started = time.perf_counter()
    for _ in range(10):
        load_profile(path)
    assert (time.perf_counter() - started) / 10 < 0.020


# --- whatever is in the file, the only possible failure is a ConfigError --------------------------

KEYS = ["name", "handle", "platforms", "tiktok", "instagram", "youtube", "rates", "price", "url",
        "site", "noindex", "audience", "age", "shares", "source", "colors", "primary", "avatar",
        "locale", "timezone", "exported_on", "data", "<<", "? x", "- a", "taglin"]
VALUES = ["", "~", "NO", "012345", "1.10", "'@x'", "@x", "[a, b]", "{a: 1}", "&a x", "*a", "-1",
          "nan", "'#fff'", "#fff", "2026-11-17", "../x", "javascript:x", "'https://a.b'", "|",
          "\"unclosed", "é\t", "0.5", "{18-24: 0.4}", "[", "}", "\\", ":",
          "!!python/object/apply:os.system [echo]"]

yaml_ish = st.lists(
    st.tuples(st.integers(0, 6), st.sampled_from(KEYS), st.sampled_from(VALUES)), max_size=12,
).map(lambda rows: "".join(f"{' ' * indent}{key}: {value}\n" for indent, key, value in rows))



@st.composite
def damaged_full_example(draw) -> str:
    """The spec's example with a slice replaced by random text: near-valid, so it goes deep."""
    start = draw(st.integers(0, len(FULL)))
    end = draw(st.integers(start, min(len(FULL), start + 20)))
    return FULL[:start] + draw(st.text(max_size=10)) + FULL[end:]


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.text(), st.binary(), yaml_ish, damaged_full_example()))
def test_any_file_content_loads_or_raises_config_error(tmp_path, content):
    path = tmp_path / "profile.yaml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(content)
    try:
        profile = load_profile(path)
    except ConfigError as err:
        assert err.file == str(path)
        assert "\n" not in str(err)
    else:
        assert isinstance(profile, Profile) and profile.name


def test_examples_in_the_profile_reference_load(tmp_path):
    """docs/profile.md is what creators copy from: its complete examples must stay valid."""
    reference = Path(__file__).parent.parent / "docs" / "profile.md"
    blocks = reference.read_text(encoding="utf-8").split("```yaml\n")[1:]
    examples = [block.split("```")[0] for block in blocks]
    complete = [text for text in examples if text.startswith("name:")]
    assert len(complete) == 2  # the smallest profile and the complete example
    smallest, full = (load(tmp_path, text) for text in complete)
    assert smallest.platforms["tiktok"].url == "https://www.tiktok.com/@maraquinnmusic"
    assert full.platforms["instagram"].handle == "@maraquinnmusic"
    assert [rate.currency for rate in full.rates] == ["EUR", "EUR"]  # second takes the first's


# --- the PDF's paper ------------------------------------------------------------------------------

def test_paper_is_a4_unless_the_creator_says_letter(tmp_path):
    assert load(tmp_path, MINIMAL).site.paper == "a4"
    assert load(tmp_path, BASE + "site:\n  paper: Letter\n").site.paper == "letter"


def test_an_unknown_paper_names_its_line_and_the_choices(tmp_path):
    err = error(tmp_path, BASE + "site:\n  paper: A3\n")
    assert err.line == 6 and err.field == "site.paper"
    assert "must be a4 or letter, got 'A3'" in str(err)
