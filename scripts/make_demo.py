"""Generate the demo creator's TikTok exports (Mara Quinn, @maraquinnmusic), deterministically.

Why a script and not hand-made files: a fresh clone's ``mediakit build`` should run the real TikTok
reader on data that looks and behaves like a real export (byte format, quirks, a believable story),
and benchmarks need the same thing at 10x the size. Everything here is derived from one seeded
generator that only ever calls ``random.Random.random()`` (the one method Python promises to keep
stable across versions), so running it twice, anywhere, gives byte-identical files.

    python scripts/make_demo.py                       # regenerate content/data/tiktok/ in place
    python scripts/make_demo.py --out /tmp/big --days 1095 --posts 5000 --handle bigdemo

Files written (TikTok Studio's own CSV format: UTF-8 with BOM, every field quoted, LF, no final
newline, English year-less dates): Overview, Viewers, FollowerHistory, FollowerActivity,
FollowerGender, FollowerTopTerritories, Content (top 15, lifetime totals) for the latest export;
two older monthly Content snapshots in the folders their zips unzip to
(``Content_<YYYY-MM-DD>_<unix seconds>_<handle>/``); and the full post list as the "Download your
data" JSON ``user_data_tiktok.json`` (only the Post and Profile sections).
"""

from __future__ import annotations

import argparse
import json
import math
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "content" / "data" / "tiktok"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
BOM = b"\xef\xbb\xbf"

HEADERS = {
    "Overview.csv": ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
    "Content.csv": ["Time", "Video title", "Video link", "Post time", "Total likes",
                    "Total comments", "Total shares", "Total views"],
    "Viewers.csv": ["Date", "Total Viewers", "New Viewers", "Returning Viewers"],
    "FollowerHistory.csv": ["Date", "Followers", "Difference in followers from previous day"],
    "FollowerActivity.csv": ["Date", "Hour", "Active followers"],
    "FollowerGender.csv": ["Gender", "Distribution"],
    "FollowerTopTerritories.csv": ["Top territories", "Distribution"],
}

UNDEFINED_DAYS = 20  # Viewers/FollowerHistory say "undefined" before TikTok kept those series
EXPORT_HOUR = 18  # FollowerActivity's last day is zero after the hour the export was taken
GENDER = [("Female", 0.62), ("Male", 0.36), ("Other", 0.02)]
TERRITORIES = [("IE", 0.312), ("GB", 0.187), ("US", 0.142), ("CA", 0.041), ("AU", 0.036),
               ("DE", 0.029), ("FR", 0.021), ("NL", 0.018), ("NZ", 0.012), ("ES", 0.011)]
# Share of followers online per local (Dublin) hour, weekdays vs weekends: evening peak,
# lazy weekend mornings.
ACTIVE_WEEKDAY = [.09, .06, .04, .03, .03, .04, .07, .11, .13, .12, .12, .13,
                  .16, .16, .14, .14, .16, .19, .22, .25, .28, .29, .24, .16]
ACTIVE_WEEKEND = [.12, .09, .06, .04, .03, .03, .04, .06, .09, .13, .17, .19,
                  .20, .20, .19, .19, .20, .21, .22, .24, .26, .27, .25, .19]

SONGS = ["Night Bus Home", "Salt on the Window", "Harbour Lights", "Paper Boats", "Small Hours",
         "Copper & Rust", "Half a Lullaby", "Blue Hour in Ringsend", "Letters I Didn't Send",
         "Kettle's On", "The Quiet Part", "Swimming at the Forty Foot", "Rain on Camden Street",
         "Borrowed Coat", "Wild Garlic"]
COVERS = ["Landslide", "Fast Car", "The Night We Met", "Skinny Love", "Dreams", "Harvest Moon",
          "Nothing Compares 2 U", "Both Sides Now", "Linger", "Dirty Old Town"]
VENUES = ["The Crooked Lantern, Dublin", "Anchor Room, Galway", "St. Brigid's Hall, Cork",
          "The Long Hall Sessions, Dublin", "Night & Day Café, Manchester",
          "The Harp Loft, Belfast"]
TEMPLATES = {
    "original": ["wrote this on the night bus home 🌙 \"{song}\"", "{song} (first time singing it "
                 "out loud, be nice)", "a song about my nan's kitchen. it's called {song} ☕",
                 "2am voice note that turned into a whole song: {song}", "the bridge of {song} "
                 "still gets me every time", "{song}, live from my bedroom floor 🕯️",
                 "this one's for anyone who moved away from home. {song}"],
    "cover": ["my take on \"{cover}\" 🎸", "{cover} but it's just me and a very old guitar",
              "you asked for {cover} so here it is 🤍", "{cover} in a stairwell because the "
              "reverb is free"],
    "bts": ["studio day {n}: layering harmonies for {song} 🎧", "tuning Maeve (yes the guitar "
            "has a name) before soundcheck", "how {song} started vs how it ended up",
            "writing session notes: the chorus of {song} was almost about a ferry",
            "packing the car for a gig: 1 guitar, 2 capos, 0 plans for dinner"],
    "gig": ["{venue} — {when}! tickets at the link in bio 🎟️", "see you at {venue} on {when} 🤍 "
            "small room, big singalong", "last few tickets for {venue}, {when}"],
    "busking": ["busking on Grafton Street and a stranger joined in on harmonies 🥹",
                "busking in the rain, again. {song} for the three people who stayed ☔",
                "a little girl requested {cover} while busking and I couldn't say no"],
    "chat": ["replying to your comments: yes I write everything on a €40 guitar",
             "things nobody tells you about releasing your own music, part {n}",
             "answering the most asked question: how I write a song in a week",
             "my honest rating of every guitar I've owned"],
}
CATEGORY_WEIGHTS = [("original", 30), ("cover", 20), ("bts", 15), ("gig", 10), ("busking", 12),
                    ("chat", 13)]
CATEGORY_REACH = {"original": 1.0, "cover": 1.25, "bts": 0.8, "gig": 0.55, "busking": 1.1,
                  "chat": 0.8}
BASE_TAGS = ["#indiefolk", "#singersongwriter", "#originalmusic"]
EXTRA_TAGS = ["#guitar", "#acoustic", "#dublin", "#newmusic", "#folkmusic", "#irishmusic",
              "#livemusic", "#songwriting", "#musictok", "#fyp"]
CATEGORY_TAGS = {"cover": "#cover", "busking": "#busking", "gig": "#livemusic", "bts": "#studio"}
TRENDING_SOUNDS = ["slow dancing in the kitchen (sped up) - lofiharbour",
                   "soft piano loop - quietkeysofficial", "cozy autumn acoustic - tinyroomsounds",
                   "that one whistle song (remix) - soundbytedaily"]
VIRAL_CAPTION = ("wrote this on the 15 bus home at 1am and the man beside me asked me to finish it "
                 "🚌🌙 \"Night Bus Home\" #indiefolk #singersongwriter #originalmusic #dublin ")
SPONSORED = [  # (fraction of the post list where it lands, caption)
    (0.06, "#ad writing-session fuel ☕ the winter blend from @velvetfoxcoffee tastes like a "
           "fireplace #velvetfoxcoffee #songwriting #singersongwriter "),
    (0.30, "#ad restringing Maeve with @harbourstrings phosphor bronze before the tour 🎸 they "
           "stayed in tune through a whole gig in a damp pub #harbourstrings #guitar #acoustic "),
    (0.45, "#ad 3 weeks on @harbourstrings and I'm not going back, listen to that low E "
           "#harbourstrings #guitar #indiefolk "),
    (0.83, "#ad recorded this whole demo on the @liffeyaudio Duo interface in my kitchen 🎧 "
           "#liffeyaudio #homestudio #originalmusic "),
    (0.92, "#ad how I record vocals at home with the @liffeyaudio Duo (no treated room, just "
           "duvets) #liffeyaudio #homestudio #singersongwriter "),
]


class Rng:
    """Distributions built only on random.random(), whose stream Python keeps stable."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self._random.random()

    def normal(self) -> float:
        u1 = 1.0 - self._random.random()  # (0, 1]: log() never sees zero
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * self._random.random())

    def lognormal(self, median: float, sigma: float) -> float:
        return median * math.exp(sigma * self.normal())

    def index(self, n: int) -> int:
        return min(int(self._random.random() * n), n - 1)

    def pick(self, items: list):
        return items[self.index(len(items))]

    def weighted(self, pairs: list[tuple[str, int]]) -> str:
        roll = self.uniform(0, sum(weight for _, weight in pairs))
        for name, weight in pairs:
            roll -= weight
            if roll < 0:
                return name
        return pairs[-1][0]


@dataclass(frozen=True)
class Settings:
    """What varies between the demo and a benchmark account."""

    end: date = date(2026, 11, 16)  # last day of data; the export was downloaded the day after
    days: int = 365
    posts: int = 150
    seed: int = 2026
    handle: str = "maraquinnmusic"
    start_followers: int = 31_240
    gain_per_year: int = 16_720  # ~31K -> ~48K over the demo's year


@dataclass
class Post:
    video_id: str
    day: int  # index of the (local) posting day in the data window
    posted_utc: datetime
    caption: str
    sound: str
    sponsored: bool
    ultimate_views: float  # views the video will ever get; lifetime totals are partial sums
    tau: float  # days of attention after posting (a viral video keeps going longer)
    like_rate: float
    comment_rate: float
    share_rate: float
    curve: list[float]  # share of ultimate views earned on each day after posting


@dataclass
class Demo:
    settings: Settings
    posts: list[Post]
    views: list[int]
    profile_views: list[int]
    likes: list[int]
    comments: list[int]
    shares: list[int]
    viewers: list[tuple[int, int, int]]  # total, new, returning
    followers: list[int]

    def day(self, index: int) -> date:
        return self.settings.end - timedelta(days=self.settings.days - 1 - index)

    def lifetime(self, post: Post, through: int) -> tuple[int, int, int, int]:
        """(views, likes, comments, shares) accumulated from posting day to day ``through``."""
        views = post.ultimate_views * sum(post.curve[: max(0, through - post.day + 1)])
        return (round(views), round(views * post.like_rate), round(views * post.comment_rate),
                round(views * post.share_rate))


def month_day(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def last_sunday(year: int, month: int) -> date:
    end = date(year, month + 1, 1) - timedelta(days=1)
    return end - timedelta(days=(end.weekday() + 1) % 7)


def dublin_utc_offset(day: date) -> int:
    """Hours ahead of UTC on an evening in Dublin (EU summer time rule; no tz database needed)."""
    return 1 if last_sunday(day.year, 3) <= day < last_sunday(day.year, 10) else 0


def is_holiday(day: date) -> bool:
    """Two weeks off after festival season, every year: the gap in the posting calendar."""
    return date(day.year, 8, 24) <= day <= date(day.year, 9, 6)


def attention_curve(tau: float, horizon: int) -> list[float]:
    """Share of a video's ultimate views per day: evening upload, fast decay, a long thin tail."""
    ratio, tail_ratio = math.exp(-1.0 / tau), math.exp(-1.0 / 45.0)
    total = 0.55 + ratio / (1.0 - ratio) + 0.012 / (1.0 - tail_ratio)
    weights = [0.55 + 0.012] + [math.exp(-k / tau) + 0.012 * math.exp(-k / 45.0)
                                for k in range(1, horizon)]
    return [weight / total for weight in weights]


def caption_for(category: str, rng: Rng, posted: date) -> str:
    """A caption in Mara's voice plus a few hashtags (TikTok often keeps a trailing space)."""
    when = posted + timedelta(days=10 + rng.index(25))
    text = rng.pick(TEMPLATES[category]).format(
        song=rng.pick(SONGS), cover=rng.pick(COVERS), venue=rng.pick(VENUES), n=2 + rng.index(6),
        when=f"{when:%a} {when.day} {MONTHS[when.month - 1][:3]}")
    tags = list(BASE_TAGS[: 1 + rng.index(3)])
    if category in CATEGORY_TAGS:
        tags.append(CATEGORY_TAGS[category])
    for _ in range(1 + rng.index(3)):
        tag = rng.pick(EXTRA_TAGS)
        if tag not in tags:
            tags.append(tag)
    return f"{text} {' '.join(tags)}" + (" " if rng.uniform(0, 1) < 0.6 else "")


def plan_posts(settings: Settings, rng: Rng) -> list[Post]:
    """Spread the posts evenly over non-holiday days (~3 a week), evenings, heavy-tailed views."""
    first = settings.end - timedelta(days=settings.days - 1)
    active = [i for i in range(settings.days) if not is_holiday(first + timedelta(days=i))]
    spacing = len(active) / settings.posts
    viral_day = round(settings.days * 0.65)
    sponsored = {min(settings.posts - 1, int(fraction * settings.posts)): caption
                 for fraction, caption in SPONSORED}
    silent = {int(0.17 * settings.posts), int(0.71 * settings.posts)}  # captionless uploads
    posts: list[Post] = []
    viral_done = False
    for number in range(settings.posts):
        day = active[min(int((number + 0.5 + rng.uniform(-0.35, 0.35)) * spacing), len(active) - 1)]
        local_day = first + timedelta(days=day)
        local = datetime(local_day.year, local_day.month, local_day.day, 17) + timedelta(
            seconds=int(rng.uniform(0, 4.5 * 3600)))
        posted_utc = local - timedelta(hours=dublin_utc_offset(local_day))
        growth = 0.8 + 0.4 * day / settings.days  # reach grows with the audience
        category = rng.weighted(CATEGORY_WEIGHTS)
        caption = caption_for(category, rng, local_day)
        views = max(2_500.0, rng.lognormal(33_000 * growth * CATEGORY_REACH[category], 0.9))
        tau = rng.uniform(1.4, 2.6)
        is_sponsored = number in sponsored
        if is_sponsored:
            caption, views = sponsored[number], views * 0.8
        elif number in silent:
            caption = ""
        viral = not viral_done and day >= viral_day and not is_sponsored
        if viral:
            viral_done, caption, tau = True, VIRAL_CAPTION, 4.5
        curve = attention_curve(tau, settings.days - day)
        if viral:  # ~2.1M views by the export, whatever the window length
            views = 2_100_000 * rng.uniform(0.99, 1.02) / sum(curve)
        original = viral or category not in ("bts", "chat") or rng.uniform(0, 1) < 0.5
        sound = f"original sound - {settings.handle}" if original else rng.pick(TRENDING_SOUNDS)
        unix = int((posted_utc - datetime(1970, 1, 1)).total_seconds())
        video_id = (unix << 32) | int(rng.uniform(0, 2**32))  # TikTok ids start with the time
        posts.append(Post(
            video_id=str(video_id), day=day, posted_utc=posted_utc, caption=caption, sound=sound,
            sponsored=is_sponsored, ultimate_views=views, tau=tau, curve=curve,
            like_rate=rng.uniform(0.06, 0.10), comment_rate=rng.uniform(0.003, 0.008),
            share_rate=rng.uniform(0.004, 0.010) if viral else rng.uniform(0.003, 0.008)))
    return posts


def simulate(settings: Settings) -> Demo:
    """Turn the post plan into the account's daily series, the way TikTok would have counted it."""
    rng = Rng(settings.seed)
    posts = plan_posts(settings, rng)
    n = settings.days
    views, likes, comments, shares = ([0.0] * n for _ in range(4))
    for post in posts:
        for offset, share in enumerate(post.curve):
            earned = post.ultimate_views * share
            views[post.day + offset] += earned
            likes[post.day + offset] += earned * post.like_rate
            comments[post.day + offset] += earned * post.comment_rate
            shares[post.day + offset] += earned * post.share_rate
    demo = Demo(settings, posts, [], [], [], [], [], [], [])
    for i in range(n):
        backlog = 2_000 + 2_500 * math.exp(-i / 120)  # older videos keep being found
        day_views = round((views[i] + backlog) * math.exp(0.05 * rng.normal()))
        demo.views.append(day_views)
        demo.likes.append(round((likes[i] + backlog * 0.06) * math.exp(0.06 * rng.normal())))
        demo.comments.append(round((comments[i] + backlog * 0.003) * math.exp(0.1 * rng.normal())))
        demo.shares.append(round((shares[i] + backlog * 0.004) * math.exp(0.1 * rng.normal())))
        profile_rate = min(0.02, max(0.01, 0.014 + 0.002 * rng.normal()))
        demo.profile_views.append(round(day_views * profile_rate))
        surge = views[i] > 8 * 30_000  # a viral day brings strangers: more unique, fewer returning
        unique = min(0.75, max(0.55, (0.72 if surge else 0.64) + 0.03 * rng.normal()))
        returning = min(0.35, max(0.25, (0.26 if surge else 0.30) + 0.02 * rng.normal()))
        total = round(day_views * unique)
        demo.viewers.append((total, total - round(total * returning), round(total * returning)))
    _add_negative_comments(demo, rng)
    demo.followers = _followers(demo, rng)
    return demo


def _add_negative_comments(demo: Demo, rng: Rng) -> None:
    """Deleted comments make some days net negative: a spam clean-up after the viral week, and a
    few quiet days where more comments were removed than written."""
    viral = max(demo.posts, key=lambda post: post.ultimate_views)
    cleanup = viral.day + 9
    if cleanup < len(demo.comments):
        demo.comments[cleanup] = -round(demo.comments[cleanup] * rng.uniform(0.4, 0.7))
    quiet = sorted(range(len(demo.comments)), key=lambda i: (demo.comments[i], i))
    for i in quiet[: max(3, len(demo.comments) // 60)]:
        if i != cleanup:
            demo.comments[i] = -(1 + rng.index(12))


def _followers(demo: Demo, rng: Rng) -> list[int]:
    """Followers follow views (a viral week shows as a jump), with churn and daily noise."""
    gains = [0.0016 * views - 4 + 10 * rng.normal() for views in demo.views]
    target = demo.settings.gain_per_year * demo.settings.days / 365
    scale = target / sum(gains)
    followers, running = [], 0.0
    for gain in gains:
        running += gain * scale
        followers.append(demo.settings.start_followers + round(running))
    return followers


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    """TikTok Studio's CSV dialect: BOM, every field double-quoted, LF, no newline at the end."""
    def line(fields: list[str]) -> str:
        return ",".join('"' + field.replace('"', '""') + '"' for field in fields)
    return BOM + "\n".join(line(fields) for fields in [header, *rows]).encode("utf-8")


def share_text(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def content_csv(demo: Demo, time: date, window_days: int, rng: Rng) -> bytes:
    """Top 15 posts of the export window by lifetime views, as TikTok lists them: not by date,
    and not always strictly by views either."""
    through = (time - demo.settings.end).days + demo.settings.days - 2  # last complete day
    first = demo.settings.days - 1 - (demo.settings.end - time).days - window_days
    rows = []
    for post in demo.posts:
        if first < post.day <= through:  # never the same month-day as Time: no ambiguity
            views, likes, comments, shares = demo.lifetime(post, through)
            link = f"https://www.tiktok.com/@{demo.settings.handle}/video/{post.video_id}"
            rows.append([month_day(time), post.caption, link, month_day(demo.day(post.day)),
                         str(likes), str(comments), str(shares), str(views)])
    rows.sort(key=lambda row: (-int(row[7]), row[2]))
    rows = rows[:15]
    for i in range(len(rows) - 1):
        if rng.uniform(0, 1) < 0.15:
            rows[i], rows[i + 1] = rows[i + 1], rows[i]
    return csv_bytes(HEADERS["Content.csv"], rows)


def activity_rows(demo: Demo, rng: Rng) -> list[list[str]]:
    rows = []
    last = demo.settings.days - 1
    for i in range(last - 6, last + 1):
        day = demo.day(i)
        curve = ACTIVE_WEEKEND if day.weekday() >= 5 else ACTIVE_WEEKDAY
        for hour in range(24):
            value = demo.followers[i] * curve[hour] * math.exp(0.03 * rng.normal())
            rows.append([month_day(day), str(hour),
                         "0" if i == last and hour > EXPORT_HOUR else str(round(value))])
    return rows


def user_data_json(demo: Demo, rng: Rng) -> bytes:
    """The "Download your data" file: every post (no views in it), plus the public profile map."""
    through = demo.settings.days - 1
    download = datetime.combine(demo.settings.end + timedelta(days=1), datetime.min.time())
    expires = int((download - datetime(1970, 1, 1)).total_seconds()) + 3 * 86_400  # signed URLs
    videos = []
    for post in sorted(demo.posts, key=lambda post: post.posted_utc, reverse=True):
        token = "".join(rng.pick(list("0123456789abcdef")) for _ in range(32))
        videos.append({
            "Date": f"{post.posted_utc:%Y-%m-%d %H:%M:%S}",
            "Link": (f"https://v16m-default.tiktokcdn-eu.com/{token}/{expires:x}/video/tos/"
                     f"no1a/tos-no1a-ve-0068c001-no/o{token[3:28]}/?a=1233&bt=1092&cs=0&ds=3"
                     "&mime_type=video_mp4&qs=0"),
            "Likes": str(demo.lifetime(post, through)[1]),
            "WhoCanView": "Everyone", "AllowComments": "Yes", "AllowStitches": "Yes",
            "AllowDuets": "Yes" if rng.uniform(0, 1) < 0.7 else "No", "AllowStickers": "Yes",
            "AllowSharingToStory": "Yes",
            "ContentDisclosure": "Branded Content" if post.sponsored else "",
            "AIGeneratedContent": "", "Sound": post.sound, "Location": "",
            "Title": post.caption or "N/A", "AddYoursText": "N/A", "AlternateText": "N/A",
            "CoverImage": (f"https://p16-sign-useast2a.tiktokcdn.com/tos-useast2a-p-0037-euttp/"
                           f"o{token[5:30]}~tplv-tiktokx-origin.image"),
            "NumberOfCollections": "N/A",
        })
    likes_received = 1_184_000 + sum(demo.lifetime(post, through)[1] for post in demo.posts)
    data = {
        "Post": {"Posts": {"VideoList": videos}},
        "Profile And Settings": {"Profile Info": {"ProfileMap": {
            "accountRegion": "IE",
            "bioDescription": "indie-folk from Dublin 🌧️ songs written on the night bus\n"
                              "new EP \"Harbour Lights\" out now ↓",
            "displayName": "Mara Quinn",
            "followerCount": demo.followers[-1],
            "followingCount": 412,
            "likesReceived": str(likes_received),
            "userName": demo.settings.handle,
        }}},
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


def export_files(demo: Demo) -> dict[str, bytes]:
    """Every file of the demo export, by path relative to the output folder."""
    rng = Rng(demo.settings.seed + 1)  # layout noise, independent of the simulation stream
    days = range(demo.settings.days)
    dates = [month_day(demo.day(i)) for i in days]
    undefined = range(min(UNDEFINED_DAYS, demo.settings.days))
    followers = ["undefined" if i in undefined else str(demo.followers[i]) for i in days]
    difference = ["0" if i in undefined or i - 1 in undefined
                  else str(demo.followers[i] - demo.followers[i - 1]) for i in days]
    exported = demo.settings.end + timedelta(days=1)
    files = {
        "Overview.csv": csv_bytes(HEADERS["Overview.csv"], [
            [dates[i], str(demo.views[i]), str(demo.profile_views[i]), str(demo.likes[i]),
             str(demo.comments[i]), str(demo.shares[i])] for i in days]),
        "Viewers.csv": csv_bytes(HEADERS["Viewers.csv"], [
            [dates[i], "undefined", "0", "0"] if i in undefined
            else [dates[i], *map(str, demo.viewers[i])] for i in days]),
        "FollowerHistory.csv": csv_bytes(HEADERS["FollowerHistory.csv"], [
            [dates[i], followers[i], difference[i]] for i in days]),
        "FollowerActivity.csv": csv_bytes(HEADERS["FollowerActivity.csv"],
                                          activity_rows(demo, rng)),
        "FollowerGender.csv": csv_bytes(HEADERS["FollowerGender.csv"],
                                        [[name, share_text(share)] for name, share in GENDER]),
        "FollowerTopTerritories.csv": csv_bytes(HEADERS["FollowerTopTerritories.csv"], [
            *([code, share_text(share)] for code, share in TERRITORIES),
            ["Others", share_text(1 - sum(share for _, share in TERRITORIES))]]),
        "Content.csv": content_csv(demo, exported, min(365, demo.settings.days), rng),
    }
    for months in (2, 1):  # the creator's earlier monthly downloads (60-day window each),
        snapshot = months_before(exported, months)  # unzipped into folders named like the zips
        if (demo.settings.end - snapshot).days < demo.settings.days - 60:
            unix = (snapshot - date(1970, 1, 1)).days * 86_400 + int(rng.uniform(13, 15) * 3600)
            folder = f"Content_{snapshot:%Y-%m-%d}_{unix}_{demo.settings.handle}"
            files[f"{folder}/Content.csv"] = content_csv(demo, snapshot, 60, rng)
    files["user_data_tiktok.json"] = user_data_json(demo, rng)
    return files


def generate(out: Path, settings: Settings | None = None) -> list[Path]:
    """Write the demo export into ``out`` (created if needed); returns the paths written."""
    written = []
    for relative, payload in export_files(simulate(settings or Settings())).items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(payload)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    defaults = Settings()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write into")
    parser.add_argument("--days", type=int, default=defaults.days, help="days of daily data")
    parser.add_argument("--posts", type=int, default=defaults.posts, help="number of posts")
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--handle", default=defaults.handle, help="TikTok handle, without @")
    parser.add_argument("--end", type=date.fromisoformat, default=defaults.end,
                        help="last day of data, YYYY-MM-DD (export is downloaded the day after)")
    args = parser.parse_args(argv)
    if args.days < 30 or args.posts < 15:
        parser.error("--days must be >= 30 and --posts >= 15")
    settings = Settings(end=args.end, days=args.days, posts=args.posts, seed=args.seed,
                        handle=args.handle.lstrip("@"))
    for path in generate(args.out, settings):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
