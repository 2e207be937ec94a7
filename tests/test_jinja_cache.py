"""Compiled templates are cached in a private folder of the user's, never in the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import Environment

from mediakit.site import jinja_cache
from mediakit.site.format import Formatter
from mediakit.site.render import environment


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "compiled"
    monkeypatch.setenv(jinja_cache.ENV_VARIABLE, str(where))
    return where


def test_a_second_environment_loads_compiled_code_instead_of_compiling(folder, tmp_path,
                                                                         monkeypatch):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "hello.html").write_text("Hi {{ name }}!\n", "utf-8")
    first = environment(tmp_path, Formatter("en")).get_template("hello.html")
    assert first.render(name="<Ann>") == "Hi &lt;Ann&gt;!\n"
    cached = sorted(folder.iterdir())
    assert cached and all(p.name.startswith("mediakit-") for p in cached)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"

    def no_compiling(*_args, **_kwargs):
        raise AssertionError("compiled again although the source did not change")

    monkeypatch.setattr(Environment, "compile", no_compiling)
    again = environment(tmp_path, Formatter("en")).get_template("hello.html")
    assert again.render(name="<Ann>") == "Hi &lt;Ann&gt;!\n"  # autoescape survives the cache


def test_an_edited_template_is_compiled_again(folder, tmp_path):
    (tmp_path / "templates").mkdir()
    own = tmp_path / "templates" / "hello.html"
    own.write_text("Hello {{ name }}\n", "utf-8")
    assert environment(tmp_path, Formatter("en")).get_template("hello.html").render(
        name="<Ann>") == "Hello &lt;Ann&gt;\n"
    own.write_text("Bye {{ name }}\n", "utf-8")
    assert environment(tmp_path, Formatter("en")).get_template("hello.html").render(
        name="Ann") == "Bye Ann\n"


@pytest.mark.parametrize("setup", ["shared", "link", "off"])
def test_no_cache_when_the_folder_is_not_private(tmp_path, monkeypatch, setup):
    where = tmp_path / "compiled"
    if setup == "shared":
        where.mkdir()
        where.chmod(0o777)
    elif setup == "link":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        where.symlink_to(tmp_path / "elsewhere")
    monkeypatch.setenv(jinja_cache.ENV_VARIABLE, "off" if setup == "off" else str(where))
    assert jinja_cache.bytecode_cache("settings") is None
    assert environment(tmp_path, Formatter("en")).bytecode_cache is None


def test_the_default_folder_is_the_users_cache_not_the_project(tmp_path, monkeypatch):
    monkeypatch.delenv(jinja_cache.ENV_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache = jinja_cache.bytecode_cache("settings")
    assert cache is not None
    assert Path(cache.directory) == tmp_path / "xdg" / "mediakit" / "templates"


def test_other_settings_never_share_compiled_code(folder):
    one, two = jinja_cache.bytecode_cache("a"), jinja_cache.bytecode_cache("b")
    assert one is not None and two is not None and one.pattern != two.pattern
    assert os.path.isdir(folder)
