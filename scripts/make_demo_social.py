"""Generate the demo creator's Instagram and YouTube exports (Mara Quinn), deterministically.

The TikTok demo (scripts/make_demo.py) tells the story of an indie-folk singer from Dublin whose
"Night Bus Home" went viral in July 2026; this script gives the same creator the two other
platforms she pitches with, in each platform's own export format, ending on the same day:

- Instagram (~18K followers; reels, carousels and images), as Meta Business Suite exports it:
  two post exports named like ``Aug-18-2026_Nov-16-2026_1783524897764272.csv`` (UTF-8 with BOM,
  RFC 4180 quoting only where needed, captions over several lines, "Lifetime" in the Date column,
  rows not in date order, ranges that overlap so one post is in both), and the account-level
  ``Views.csv``, ``Reach.csv``, ``Follows.csv``, ``Interactions.csv``, ``Visits.csv`` and
  ``Audience.csv`` (UTF-16 with BOM, a ``sep=,`` line and a title line; days Meta counted
  nothing are left out).
- YouTube (~9K subscribers; long videos and Shorts), as YouTube Studio's advanced mode exports
  the Content tab over the last 365 days: ``Table data.csv`` (a Total row first, ids that begin
  with "-" written with a leading space, a private video with no publish time, durations as
  H:MM:SS, net subscribers that can be negative), ``Chart data.csv`` (the five videos the chart
  shows, per day) and ``Totals.csv`` (the channel per day). UTF-8 without BOM, minimal quoting.

Like make_demo.py, every random number comes from ``random.Random.random()`` through
``make_demo.Rng``, so the files are byte-identical on every run and every Python version.

    python scripts/make_demo_social.py              # regenerate content/data/instagram, youtube
    python scripts/make_demo_social.py --out /tmp/x  # writes /tmp/x/instagram and /tmp/x/youtube
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_demo import (  # noqa: E402  (a sibling script, not a package)
    COVERS,
    SONGS,
    VENUES,
    Rng,
    attention_curve,
    is_holiday,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "content" / "data"
BOM = b"\xef\xbb\xbf"
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
ACCOUNT_ID = "17841455512345678"
EXPORT_ID = "1783524897764272"
ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

IG_HEADER = ('"Post ID","Account ID","Account username","Account name",Description,'
             '"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,'
             "Reach,Likes,Shares,Follows,Comments,Saves")
IG_KINDS = [("reel", 55), ("carousel", 30), ("image", 15)]
IG_CAPTIONS = {
    "reel": ["{song}, one take in the kitchen 🎸", "the bridge of {song} live, no edits",
             "you asked for {cover}, so here it is 🤍", "{cover} on the 15 bus (sorry, driver)",
             "soundcheck at {venue}: {song}", "harmonies for {song}, all three of me"],
    "carousel": ["tour diary, part {n}: {venue} 🚐", "a week of writing {song}, in photos",
                 "setlist, chips, a very tired guitar. {venue}, thank you",
                 "things I learned recording {song} at home"],
    "image": ["Maeve, before the show.", "new single \"{song}\" out Friday 🌙",
              "{venue}: tickets at the link in bio", "rainy Dublin, warm tea, new lyrics"],
}
IG_TAGS = ["#indiefolk", "#singersongwriter", "#dublin", "#irishmusic", "#acoustic",
           "#newmusic", "#livemusic", "#folkmusic", "#originalmusic"]
VIRAL_REEL = ("Night Bus Home, the song a stranger on the 15 asked me to finish 🚌🌙\n\n"
              "#indiefolk #singersongwriter #dublin")
SPONSORED_POSTS = [
    (0.55, "carousel", "#ad restringing Maeve with @harbourstrings before the tour, "
                       "\"they stayed in tune through a damp pub gig\"\n\n#harbourstrings #guitar"),
    (0.90, "reel", "#ad the whole demo, recorded on the @liffeyaudio Duo in my kitchen 🎧\n\n"
                   "#liffeyaudio #homestudio"),
]
AGE_SPLIT = [("13-17", 1.6, 0.7), ("18-24", 19.8, 9.1), ("25-34", 23.5, 12.4),
             ("35-44", 10.2, 6.6), ("45-54", 4.4, 3.3), ("55-64", 2.7, 2.0), ("65+", 1.5, 2.2)]
CITIES = [("Dublin, Ireland", 23.8), ("Cork, Ireland", 6.2), ("London, England", 5.4),
          ("Galway, Ireland", 3.9), ("Belfast, Northern Ireland", 3.1), ("Limerick, Ireland", 2.2),
          ("Manchester, England", 1.6), ("Glasgow, Scotland", 1.1), ("New York, New York", 0.9),
          ("Berlin, Germany", 0.8)]
COUNTRIES = [("Ireland", 47.6), ("United Kingdom", 21.9), ("United States", 9.2),
             ("Germany", 3.3), ("Canada", 2.7), ("Australia", 2.4), ("France", 1.6),
             ("Netherlands", 1.4), ("Spain", 1.1), ("Italy", 0.9)]

YT_HEADER = ["Content", "Video title", "Video publish time", "Duration", "Average view duration",
             "Average percentage viewed (%)", "Views", "Watch time (hours)", "Subscribers",
             "Likes", "Comments added", "Shares", "Thumbnail impressions",
             "Thumbnail click-through rate (%)"]
YT_LONG = ["{song} (live at {venue})", "{song}: how I wrote it, chord by chord",
           "Kitchen sessions: {cover}", "Tour vlog, week {n}: vans, ferries and {venue}",
           "Recording {song} at home on a budget", "{song} & {cover}, a two-song session"]
YT_SHORT = ["{song} in 40 seconds #shorts", "busking {cover} in the rain #shorts",
            "the chorus of {song} #shorts", "{cover} but it's a lullaby #shorts",
            "tuning Maeve before {venue} #shorts"]
YT_VIRAL = "Night Bus Home (live at The Crooked Lantern, Dublin)"


@dataclass(frozen=True)
class Settings:
    end: date = date(2026, 11, 16)  # the same last day as the TikTok demo
    days: int = 365
    seed: int = 2611
    handle: str = "maraquinnmusic"
    ig_start_followers: int = 12_960
    yt_videos_before: int = 18  # uploads from before the window that are still watched


@dataclass
class IgPost:
    post_id: str
    shortcode: str
    kind: str
    day: int
    local: datetime
    caption: str
    duration: int
    views: float
    curve: list[float]
    rates: dict[str, float]


@dataclass
class YtVideo:
    video_id: str
    title: str
    day: int | None  # posting day in the window; None = before it (or a private upload)
    published: date | None
    duration: int
    daily: list[int]
    watch_share: float  # average view duration / duration
    rates: dict[str, float]


def _days(settings: Settings) -> list[date]:
    first = settings.end - timedelta(days=settings.days - 1)
    return [first + timedelta(days=i) for i in range(settings.days)]


def _fill(template: str, rng: Rng) -> str:
    return template.format(song=rng.pick(SONGS), cover=rng.pick(COVERS), venue=rng.pick(VENUES),
                           n=2 + rng.index(7))


def _code(rng: Rng, length: int, first: str = "") -> str:
    return first + "".join(rng.pick(list(ID_CHARS)) for _ in range(length - len(first)))


# -- Instagram ------------------------------------------------------------------------------------


def plan_instagram(settings: Settings, rng: Rng) -> list[IgPost]:
    """About three posts a week, none in the August break, the viral song as a July reel."""
    days = _days(settings)
    active = [i for i, day in enumerate(days) if not is_holiday(day)]
    count = max(12, round(len(active) / 2.4))
    viral_day = round(settings.days * 0.65)
    sponsored = {int(fraction * count): (kind, text) for fraction, kind, text in SPONSORED_POSTS}
    posts, viral_done = [], False
    for number in range(count):
        day = active[min(int((number + 0.5 + rng.uniform(-0.3, 0.3)) * len(active) / count),
                         len(active) - 1)]
        local = datetime.combine(days[day], datetime.min.time()) + timedelta(
            minutes=12 * 60 + int(rng.uniform(0, 9.5 * 60)))
        kind = rng.weighted(IG_KINDS)
        caption = _fill(rng.pick(IG_CAPTIONS[kind]), rng)
        tags = " ".join(dict.fromkeys(rng.pick(IG_TAGS) for _ in range(2 + rng.index(3))))
        caption = f"{caption}\n\n{tags}" if rng.uniform(0, 1) < 0.8 else caption
        if kind == "image" and rng.uniform(0, 1) < 0.12:
            caption = ""
        growth = 0.75 + 0.5 * day / settings.days
        median = {"reel": 8_600, "carousel": 4_300, "image": 2_700}[kind] * growth
        views = rng.lognormal(median, {"reel": 0.75, "carousel": 0.5, "image": 0.45}[kind])
        tau = rng.uniform(2.0, 4.0) if kind == "reel" else rng.uniform(1.0, 1.8)
        if number in sponsored:
            kind, caption = sponsored[number]
            views *= 0.85
        elif not viral_done and day >= viral_day and kind == "reel":
            viral_done, caption, views, tau = True, VIRAL_REEL, 385_000.0, 5.0
        duration = 0 if kind != "reel" else 12 + rng.index(79)
        if kind == "reel" and rng.uniform(0, 1) < 0.04:
            duration = 0  # Meta sometimes reports 0 seconds for a reel
        posts.append(IgPost(
            post_id="18" + "".join(str(rng.index(10)) for _ in range(15)),
            shortcode=_code(rng, 11, "D"), kind=kind, day=day, local=local, caption=caption,
            duration=duration, views=views, curve=attention_curve(tau, settings.days - day),
            rates=_ig_rates(kind, rng)))
    return posts


def _ig_rates(kind: str, rng: Rng) -> dict[str, float]:
    reel = kind == "reel"
    return {
        "reach": rng.uniform(0.6, 0.75) if reel else rng.uniform(0.7, 0.88),
        "likes": rng.uniform(0.035, 0.06) if reel else rng.uniform(0.06, 0.095),
        "comments": rng.uniform(0.002, 0.006),
        "shares": rng.uniform(0.005, 0.015) if reel else rng.uniform(0.001, 0.004),
        "saves": rng.uniform(0.006, 0.014) if kind != "image" else rng.uniform(0.003, 0.008),
        "follows": rng.uniform(0.0008, 0.002),
    }


def ig_lifetime(post: IgPost, through: int) -> dict[str, int]:
    views = post.views * sum(post.curve[: max(0, through - post.day + 1)])
    totals = {"views": round(views)}
    totals.update({name: round(views * rate) for name, rate in post.rates.items()})
    return totals


def _quote(cell: str) -> str:
    """Meta's quoting: only fields with a space, comma, quote or line break."""
    if cell and any(ch in cell for ch in ' ,"\n\r'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def ig_posts_csv(posts: list[IgPost], settings: Settings, first: date, last: date,
                 rng: Rng) -> bytes:
    """Posts published in [first, last], lifetime totals as of ``last``, in Meta's odd order."""
    days = _days(settings)
    through = days.index(last)
    rows = []
    for post in posts:
        if first <= days[post.day] <= last:
            total = ig_lifetime(post, through)
            folder = "reel" if post.kind == "reel" else "p"
            rows.append([
                post.post_id, ACCOUNT_ID, settings.handle, "Mara Quinn", post.caption,
                str(post.duration), post.local.strftime("%m/%d/%Y %H:%M"),
                f"https://www.instagram.com/{folder}/{post.shortcode}/", f"IG {post.kind}", "",
                "Lifetime", str(total["views"]), str(total["reach"]), str(total["likes"]),
                str(total["shares"]), str(total["follows"]), str(total["comments"]),
                str(total["saves"])])
    rows.sort(key=lambda row: (rng.uniform(0, 1), row[0]))  # not chronological, as Meta's
    lines = [IG_HEADER] + [",".join(_quote(cell) for cell in row) for row in rows]
    return BOM + ("\n".join(lines) + "\n").encode("utf-8")


def _utf16(lines: list[str]) -> bytes:
    return b"\xff\xfe" + ("\n".join(lines) + "\n").encode("utf-16-le")


def ig_series(title: str, days: list[date], values: list[int]) -> bytes:
    lines = ["sep=,", f'"{title}"', '"Date","Primary"']
    lines += [f'"{day.isoformat()}T00:00:00","{value}"'
              for day, value in zip(days, values, strict=True) if value != 0]
    return _utf16(lines)


def instagram_files(settings: Settings) -> dict[str, bytes]:
    rng = Rng(settings.seed)
    posts = plan_instagram(settings, rng)
    days = _days(settings)
    n = len(days)
    earned = {name: [0.0] * n for name in ("views", "likes", "comments", "shares", "saves")}
    for post in posts:
        for offset, share in enumerate(post.curve):
            views = post.views * share
            earned["views"][post.day + offset] += views
            for name in ("likes", "comments", "shares", "saves"):
                earned[name][post.day + offset] += views * post.rates[name]
    views, reach, interactions, visits, follows = [], [], [], [], []
    for i in range(n):
        grid = 700 * math.exp(0.08 * rng.normal())  # people browsing the profile grid
        day_views = round((earned["views"][i] + grid) * math.exp(0.05 * rng.normal()))
        views.append(day_views)
        reach.append(round(day_views * rng.uniform(0.5, 0.62)))
        interactions.append(round(sum(earned[name][i] for name in
                                      ("likes", "comments", "shares", "saves")) + grid * 0.03))
        visits.append(round(day_views * rng.uniform(0.012, 0.02)))
        quiet = is_holiday(days[i])
        gained = (0.4 if quiet else 4 + 0.0032 * day_views) + (1.2 if quiet else 3) * rng.normal()
        follows.append(max(0, round(gained)))
    followers = settings.ig_start_followers + round(sum(follows) * 0.78)  # 22 % unfollow again
    end = days[-1]
    split = _posts_split(end)
    files = {
        ig_posts_name(split[0], split[1]): ig_posts_csv(posts, settings, *split[:2], rng),
        ig_posts_name(split[2], end): ig_posts_csv(posts, settings, split[2], end, rng),
        "Views.csv": ig_series("Views", days, views),
        "Reach.csv": ig_series("Reach", days, reach),
        "Follows.csv": ig_series("Instagram follows", days, follows),
        "Interactions.csv": ig_series("Content interactions", days, interactions),
        "Visits.csv": ig_series("Instagram profile visits", days, visits),
        "Audience.csv": audience_csv(followers),
    }
    return files


def _posts_split(end: date) -> tuple[date, date, date]:
    """Two ~90-day post exports overlapping by 12 days: (older first, older last, newer first)."""
    newer_first = end - timedelta(days=90)
    return newer_first - timedelta(days=89), newer_first + timedelta(days=11), newer_first


def ig_posts_name(first: date, last: date) -> str:
    def name(day: date) -> str:
        return f"{MONTHS[day.month - 1]}-{day.day:02d}-{day.year}"
    return f"{name(first)}_{name(last)}_{EXPORT_ID}.csv"


def audience_csv(followers: int) -> bytes:
    lines = ["sep=,", '"Instagram followers"', '"IG_ACCOUNT,FOLLOW,UNIQUE_USERS"',
             f'"{followers}"', "", '"Instagram followers by gender and age"',
             '"Age","Women","Men"']
    lines += [f'"{age}","{women}%","{men}%"' for age, women, men in AGE_SPLIT]
    lines += ["", '"Instagram followers by top cities"', '"Top cities","Value"']
    lines += [f'"{city}","{share}%"' for city, share in CITIES]
    lines += ["", '"Instagram followers by top countries"', '"Top countries","Value"']
    lines += [f'"{country}","{share}%"' for country, share in COUNTRIES]
    return _utf16(lines)


# -- YouTube --------------------------------------------------------------------------------------


def plan_youtube(settings: Settings, rng: Rng) -> list[YtVideo]:
    """A long video a week, a Short twice a week, and older uploads still being found."""
    days = _days(settings)
    n = len(days)
    active = [i for i, day in enumerate(days) if not is_holiday(day)]
    viral_day = round(settings.days * 0.65) + 2  # the live version went up two days after
    videos: list[YtVideo] = []
    viral_done = False
    for short, every in ((False, 7.0), (True, 3.5)):
        count = max(3, round(len(active) / every))
        for number in range(count):
            day = active[min(int((number + 0.5 + rng.uniform(-0.3, 0.3)) * len(active) / count),
                             len(active) - 1)]
            growth = 0.8 + 0.4 * day / settings.days
            views = rng.lognormal((2_100 if short else 3_600) * growth, 0.6 if short else 0.7)
            tau = rng.uniform(1.5, 3.0) if short else rng.uniform(5.0, 10.0)
            title = _fill(rng.pick(YT_SHORT if short else YT_LONG), rng)
            duration = 12 + rng.index(48) if short else 180 + rng.index(600)
            if not short and not viral_done and day >= viral_day:
                viral_done, title, views, tau = True, YT_VIRAL, 176_000.0, 12.0
                duration = 263
            curve = attention_curve(tau, n - day)
            daily = [0] * day + [round(views * share * math.exp(0.1 * rng.normal()))
                                 for share in curve]
            videos.append(YtVideo(_code(rng, 11), title, day, days[day], duration, daily,
                                  rng.uniform(0.75, 1.15) if short else rng.uniform(0.3, 0.5),
                                  _yt_rates(short, rng)))
    for number in range(settings.yt_videos_before):  # uploads from the year before the window
        published = days[0] - timedelta(days=20 + rng.index(520))
        base = rng.lognormal(9.0, 0.6)
        daily = [round(base * math.exp(-i / 400) * math.exp(0.3 * rng.normal()))
                 for i in range(n)]
        private = number == 1  # a tour vlog later set to private: Studio shows no publish time
        video_id = _code(rng, 11, "-" if number == 0 else "")  # written with a leading space
        title = "Tour vlog, week 1 (private)" if private else _fill(rng.pick(YT_LONG), rng)
        videos.append(YtVideo(video_id, title, None, None if private else published,
                              180 + rng.index(600), daily, rng.uniform(0.3, 0.5),
                              _yt_rates(False, rng)))
    return videos


def _yt_rates(short: bool, rng: Rng) -> dict[str, float]:
    return {
        "likes": rng.uniform(0.025, 0.045) if short else rng.uniform(0.03, 0.05),
        "comments": rng.uniform(0.0005, 0.002) if short else rng.uniform(0.002, 0.005),
        "shares": rng.uniform(0.002, 0.006),
        "subscribers": rng.uniform(-0.0008, 0.0012) if short else rng.uniform(0.004, 0.009),
        "impressions": rng.uniform(0.3, 0.6) if short else rng.uniform(12.0, 28.0),
        "ctr": rng.uniform(1.5, 4.0) if short else rng.uniform(3.5, 8.0),
    }


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _published(day: date | None) -> str:
    return "" if day is None else f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _csv_line(cells: list[str]) -> str:
    """Studio's minimal quoting: only fields with a comma, quote or line break."""
    return ",".join('"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\n') else c
                    for c in cells)


def youtube_files(settings: Settings) -> dict[str, bytes]:
    rng = Rng(settings.seed + 100)
    videos = plan_youtube(settings, rng)
    days = _days(settings)
    rows, totals = [], dict.fromkeys(("views", "watch", "subs", "likes", "comments", "shares",
                                      "impressions", "clicks"), 0.0)
    for video in videos:
        views = sum(video.daily)
        if views == 0:
            continue
        average = video.duration * video.watch_share
        hours = round(views * average / 3600, 4)
        counts = {name: round(views * video.rates[name])
                  for name in ("subscribers", "likes", "comments", "shares")}
        impressions = round(views * video.rates["impressions"])
        ctr = round(video.rates["ctr"], 2)
        rows.append([" " + video.video_id if video.video_id.startswith("-") else video.video_id,
                     video.title, _published(video.published), str(video.duration),
                     _clock(average), f"{100 * video.watch_share:.2f}", str(views),
                     f"{hours:.4f}", str(counts["subscribers"]), str(counts["likes"]),
                     str(counts["comments"]), str(counts["shares"]), str(impressions),
                     f"{ctr:.2f}"])
        for name, value in (("views", views), ("watch", hours), ("subs", counts["subscribers"]),
                            ("likes", counts["likes"]), ("comments", counts["comments"]),
                            ("shares", counts["shares"]), ("impressions", impressions),
                            ("clicks", impressions * ctr / 100)):
            totals[name] += value
    rows.sort(key=lambda row: (-int(row[6]), row[0]))  # Studio sorts by views
    duration_total = sum(int(row[3]) * int(row[6]) for row in rows) / totals["views"]
    average_total = totals["watch"] * 3600 / totals["views"]
    total_row = ["Total", "", "", "", _clock(average_total),
                 f"{100 * average_total / duration_total:.2f}", str(round(totals["views"])),
                 f"{totals['watch']:.4f}", str(round(totals["subs"])), str(round(totals["likes"])),
                 str(round(totals["comments"])), str(round(totals["shares"])),
                 str(round(totals["impressions"])),
                 f"{100 * totals['clicks'] / totals['impressions']:.2f}"]
    table = [_csv_line(YT_HEADER), _csv_line(total_row), *(_csv_line(row) for row in rows)]
    by_id = {video.video_id: video for video in videos}
    chart = [_csv_line(["Date", "Content", "Video title", "Video publish time", "Duration",
                        "Views"])]
    for row in rows[:5]:  # the chart shows the table's top five
        video = by_id[row[0].strip()]
        for i, day in enumerate(days):
            chart.append(_csv_line([day.isoformat(), row[0], video.title,
                                    _published(video.published), str(video.duration),
                                    str(video.daily[i])]))
    channel = [sum(video.daily[i] for video in videos) for i in range(len(days))]
    totals_csv = ["Date,Views", *(f"{day.isoformat()},{views}"
                                  for day, views in zip(days, channel, strict=True))]
    return {name: ("\n".join(lines) + "\n").encode("utf-8") for name, lines in
            (("Table data.csv", table), ("Chart data.csv", chart), ("Totals.csv", totals_csv))}


# -- writing --------------------------------------------------------------------------------------


def export_files(settings: Settings | None = None) -> dict[str, bytes]:
    """Every file, by path relative to the data folder ("instagram/Views.csv", ...)."""
    settings = settings or Settings()
    files = {f"instagram/{name}": data for name, data in instagram_files(settings).items()}
    files.update({f"youtube/{name}": data for name, data in youtube_files(settings).items()})
    return files


def generate(out: Path, settings: Settings | None = None) -> list[Path]:
    """Write both platforms' exports under ``out`` (created if needed); returns the paths."""
    written = []
    for relative, payload in export_files(settings).items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(payload)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    defaults = Settings()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="data folder to write instagram/ and youtube/ into")
    parser.add_argument("--days", type=int, default=defaults.days, help="days of daily data")
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--end", type=date.fromisoformat, default=defaults.end,
                        help="last day of data, YYYY-MM-DD")
    args = parser.parse_args(argv)
    if args.days < 120:
        parser.error("--days must be >= 120 (the post exports cover the last 180 days)")
    settings = Settings(end=args.end, days=args.days, seed=args.seed)
    for path in generate(args.out, settings):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
