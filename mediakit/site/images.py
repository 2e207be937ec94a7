"""Photos made fit to publish: checked, cropped, resized, stripped and encoded, cached by content.

A creator's photos come straight off a phone: 12 MB JPEGs, HEIC from iPhones, EXIF with the GPS
position of their home, sideways pixels with an orientation flag. Published as they are, a kit
weighs tens of megabytes and tells the world where the creator lives. So every raster picture the
site shows goes through ``variants``: the content decides the format (never the extension), a
picture too large, too many pixels (a decompression bomb), truncated or not a picture at all is a
one-line ConfigError, and what comes out is a set of fixed sizes (1x and 2x), WebP with a JPEG
fallback, carrying no metadata. Encoder settings are pinned, so the same file gives the same
bytes; the result is cached on disk by the source's hash, the recipe and the codec versions.
"""

from __future__ import annotations

import hashlib
import io
import json
import warnings
from dataclasses import dataclass
from pathlib import Path

from mediakit.errors import ConfigError
from mediakit.project.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, size_text
from mediakit.site import cachefile

#: Formats a creator's photo may be in (what Pillow, with pillow-heif, decodes). Nothing else is
#: even tried: each decoder is attack surface.
FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "HEIF", "AVIF")
#: File name endings looked at for post pictures (the content still decides the format).
EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif")
#: Pinned encoder settings: part of the cache key, and what makes two builds byte-identical.
WEBP = {"quality": 78, "method": 4, "exact": False}
JPEG = {"quality": 80, "optimize": True, "progressive": False, "subsampling": "4:2:0"}


@dataclass(frozen=True)
class Recipe:
    """How one kind of picture is shown: its shape (width:height) and its 1x width in CSS px."""

    name: str
    ratio: tuple[int, int]
    width: int

    def size(self, scale: int) -> tuple[int, int]:
        width = self.width * scale
        return width, round(width * self.ratio[1] / self.ratio[0])


POST = Recipe("post", (4, 5), 320)  # a best-post card: Instagram's portrait grid shape
AVATAR = Recipe("avatar", (1, 1), 112)  # the hero's round photo (a centre square)
COVER = Recipe("cover", (12, 5), 960)  # the hero's banner
GALLERY = Recipe("gallery", (4, 5), 240)  # a press photo
SCALES = (1, 2)


def mime(fmt: str) -> str:
    return {"webp": "image/webp", "jpg": "image/jpeg"}[fmt]


def _codecs() -> str:
    from PIL import Image, features

    return (f"pillow {Image.__version__} webp {features.version('webp')} "
            f"jpg {features.version('jpg')}")


def cache_key(data: bytes, recipe: Recipe) -> str:
    """The hash naming a source's processed variants: its bytes, the recipe, the codecs."""
    settings = json.dumps([recipe.name, recipe.ratio, recipe.width, SCALES, WEBP, JPEG,
                           _codecs()], sort_keys=True)
    return hashlib.sha256(settings.encode() + b"\n" + data).hexdigest()[:24]


def read_checked(path: Path, *, name: str, file: str | Path, field: str | None) -> bytes:
    """A picture's bytes, refusing a file over MAX_IMAGE_BYTES before reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        raise _refused(name, "it cannot be read", file, field) from None
    if size > MAX_IMAGE_BYTES:
        raise _refused(name, f"it is {size_text(size)} (the limit is "
                       f"{size_text(MAX_IMAGE_BYTES)})", file, field,
                       hint="export a smaller copy (a few MB is plenty for a web page)")
    return path.read_bytes()


def variants(data: bytes, recipe: Recipe, *, name: str, file: str | Path,
             field: str | None = None, cache_dir: Path | None = None
             ) -> dict[tuple[int, str], bytes]:
    """{(scale, "webp" | "jpg"): bytes} for a picture, from the cache when it has them all.

    ``name`` is how the creator knows the picture (its path in content/); ``file`` and ``field``
    say where it is named, for the error a bad picture gets.
    """
    wanted = [(scale, fmt) for scale in SCALES for fmt in ("webp", "jpg")]
    key = cache_key(data, recipe)
    if cache_dir is not None:
        found = {}
        for scale, fmt in wanted:
            try:
                body = (cache_dir / f"{key}-{scale}x.{fmt}").read_bytes()
            except OSError:
                break
            if not _looks_like(body, fmt):  # a damaged or planted entry: made again
                break
            found[(scale, fmt)] = body
        else:
            return found
    image = decode(data, name=name, file=file, field=field)
    out = {}
    for scale in SCALES:
        sized = _fit(image, recipe.size(scale))
        out[(scale, "webp")] = _encode(sized, "webp")
        out[(scale, "jpg")] = _encode(sized, "jpg")
    if cache_dir is not None:
        for (scale, fmt), body in out.items():
            cachefile.store(cache_dir / f"{key}-{scale}x.{fmt}", body)
    return out


def _looks_like(body: bytes, fmt: str) -> bool:
    """Whether a cached file starts as its format does (the cache only saves time)."""
    if fmt == "webp":
        return body[:4] == b"RIFF" and body[8:12] == b"WEBP"
    return body[:3] == b"\xff\xd8\xff"


def decode(data: bytes, *, name: str, file: str | Path, field: str | None = None):
    """The picture, upright, in sRGB RGB or RGBA; any way it cannot be is a ConfigError."""
    from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

    _register_heif()
    # WeasyPrint (the PDF) switches Pillow to accept cut-off files for everyone once imported;
    # a photo cut short must still be refused here, whatever was imported before.
    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise _refused(name, f"it is {width} × {height} pixels, more than "
                               f"{MAX_IMAGE_PIXELS // 1_000_000} million", file, field,
                               hint="export a smaller copy; a decompression bomb looks like this")
            image.draft("RGB", (1920, 1920))  # JPEG: decode at a reduced size, much faster
            image.load()
            image = ImageOps.exif_transpose(image)
            return _srgb(image)
    except ConfigError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refused(name, "it has too many pixels (a decompression bomb)", file, field,
                       hint="export a smaller copy") from None
    except UnidentifiedImageError:
        raise _refused(name, "it is not a JPEG, PNG, WebP, GIF, HEIC or AVIF picture "
                       "(mediakit reads the content, not the file name)", file, field,
                       hint="open it and export it again as JPEG or PNG") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise _refused(name, f"it is damaged or cut short ({str(exc)[:80]})", file, field,
                       hint="copy or download it again") from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def _register_heif() -> None:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # without it HEIC is "not a picture", said in one line
        return
    register_heif_opener()


def _srgb(image):
    """RGB or RGBA in sRGB: a photo's colour profile applied, then dropped with the rest."""
    from PIL import ImageCms

    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info)
    icc = image.info.get("icc_profile")
    image = image.convert("RGBA" if has_alpha else "RGB")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            image = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"),
                                              outputMode=image.mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are
    image.info.clear()
    return image


def _fit(image, size: tuple[int, int]):
    """The centre of the picture, cropped to ``size``'s shape and resized to it."""
    from PIL import Image, ImageOps

    return ImageOps.fit(image, size, Image.Resampling.LANCZOS, centering=(0.5, 0.5))


def _encode(image, fmt: str) -> bytes:
    """Bytes with no metadata at all: no EXIF, GPS, XMP or colour profile is ever passed on."""
    from PIL import Image

    buffer = io.BytesIO()
    if fmt == "webp":
        image.save(buffer, "WEBP", **WEBP)
    else:
        if image.mode == "RGBA":  # JPEG has no transparency: on white, like the page
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        image.save(buffer, "JPEG", **JPEG)
    return buffer.getvalue()


def _refused(name: str, why: str, file: str | Path, field: str | None,
             hint: str = "use another picture, or remove the line") -> ConfigError:
    return ConfigError(f"the picture '{name}' cannot be published: {why}", file=file,
                       field=field, hint=hint)
