"""The creator's own words per language: ``tagline: {en: ..., fr: ...}`` as well as plain text.

A model that lists its free-text fields in ``WORDS`` (the profile, a pitch's or case study's
header) accepts each of them as a string or as a mapping from language codes to strings. The
mapping is taken apart before the schema sees it: the field gets the text of the default language
(the kit's ``site.language``, else the first variant given), so every reader of the model — the
templates, the analytics, the share card — keeps reading plain strings, and the variants are kept
aside for ``in_language``, which returns the model with each field in another language.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

from pydantic import BaseModel, PrivateAttr, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from mediakit.project import languages
from mediakit.project.validation_errors import Where, short

__all__ = ["PerLanguage", "Pattern"]

#: A field's place in the model; "*" stands for every item of a list: ("rates", "*", "notes").
Pattern = tuple[str, ...]


def _fail(message: str, *, hint: str | None = None, at: Where = ()) -> Any:
    raise PydanticCustomError("mediakit", "{message}", {"message": message, "hint": hint, "at": at})


class PerLanguage(BaseModel):
    """A model whose ``WORDS`` fields may be given per language."""

    WORDS: ClassVar[tuple[Pattern, ...]] = ()
    _variants: dict[Where, dict[str, str]] = PrivateAttr(default_factory=dict)

    @classmethod
    def default_language(cls, data: dict[str, Any], context: Any) -> str:
        """The language a plain string is taken to be in (overridden by each model)."""
        if isinstance(context, dict) and isinstance(context.get("language"), str):
            return context["language"]
        return languages.SOURCE_LANGUAGE

    @model_validator(mode="wrap")
    @classmethod
    def _take_variants(cls, data: Any, handler: Any, info: ValidationInfo) -> Any:
        if not cls.WORDS or not isinstance(data, dict):
            return handler(data)
        default = cls.default_language(data, info.context)
        found: dict[Where, dict[str, str]] = {}
        for pattern in cls.WORDS:
            data = _take(data, pattern, (), default, found)
        model = handler(data)
        if found:
            model._variants = found
        return model

    def variants(self) -> dict[Where, dict[str, str]]:
        """{field: {language: text}} for every field given as a mapping (as the creator wrote
        the codes)."""
        return dict(self._variants)

    def in_language(self, language: str) -> Self:
        """This model with every per-language field in ``language``: its variant (the exact
        code, then the base language: fr-CA takes fr), else the default language's text."""
        result = self
        for where, texts in self._variants.items():
            text = languages.variant_for(texts, language)
            if text is not None:
                result = _put(result, where, text)
        return result

    def words(self) -> list[Where]:
        """Every per-language field that holds text, e.g. ("rates", 0, "notes")."""
        return [where for pattern in self.WORDS for where in _instances(self, pattern, ())]

    def missing_in(self, language: str, default: str) -> list[Where]:
        """The fields with no text written for ``language``: a mapping without that language,
        or plain text when ``language`` is not the default one (plain text is the default's)."""
        result = []
        for where in self.words():
            texts = self._variants.get(where)
            if texts is None:
                texts = {default: ""}
            if languages.variant_for(texts, language) is None:
                result.append(where)
        return result


def _take(data: Any, pattern: Pattern, where: Where, default: str,
          found: dict[Where, dict[str, str]]) -> Any:
    """``data`` with the mapping at ``pattern`` replaced by the default language's text."""
    if not pattern:
        if isinstance(data, dict):
            texts = _checked(data, where)
            found[where] = texts
            chosen = languages.variant_for(texts, default)
            return chosen if chosen is not None else next(iter(texts.values()))
        return data
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if not isinstance(data, list):
            return data
        return [_take(item, rest, (*where, index), default, found)
                for index, item in enumerate(data)]
    if not isinstance(data, dict) or data.get(head) is None:
        return data
    return {**data, head: _take(data[head], rest, (*where, head), default, found)}


def _checked(texts: dict[Any, Any], where: Where) -> dict[str, str]:
    """A mapping's keys are language codes and its values non-empty text."""
    if not texts:
        _fail("needs at least one language", at=where,
              hint='write the text, or e.g. {en: "In English", fr: "En français"}')
    result: dict[str, str] = {}
    for code, text in texts.items():
        at = (*where, str(code))
        if not isinstance(code, str) or not languages.is_known(code):
            _fail(f"unknown language '{short(code)}'", at=at,
                  hint="each variant starts with a language code such as en, fr, es or pt-BR")
        if not isinstance(text, str):
            _fail("must be text", at=at, hint="one variant per language: fr: \"...\"")
        if not text.strip():
            _fail("must not be empty", at=at, hint="remove the line: the default text is used")
        result[code.strip()] = text.strip()
    return result


def _instances(model: Any, pattern: Pattern, where: Where) -> list[Where]:
    if not pattern:
        return [where] if isinstance(model, str) and model else []
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        return [found for index, item in enumerate(model)
                for found in _instances(item, rest, (*where, index))]
    value = getattr(model, head, None)
    return [] if value is None else _instances(value, rest, (*where, head))


def _put(model: Any, where: Where, text: str) -> Any:
    """A copy of ``model`` with ``text`` at ``where`` (nested models and lists copied)."""
    head, rest = where[0], where[1:]
    if isinstance(head, int):
        items = list(model)
        items[head] = _put(items[head], rest, text) if rest else text
        return items
    value = _put(getattr(model, head), rest, text) if rest else text
    return model.model_copy(update={head: value})
