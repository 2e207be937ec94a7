"""The source code itself: no unsafe YAML, no autoescape off, no user text run as a template.

These read mediakit/ (with Python's own parser, so a comment or a docstring never counts) and the
theme's templates. A new ``|safe`` or ``Markup`` must be audited and added to AUDITED_SAFE below,
with the reason it cannot carry a creator's raw text.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from mediakit.site import render
from mediakit.site.format import Formatter

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "mediakit"
TEMPLATES = REPO / "templates"

#: Every place the theme prints HTML without escaping it, and why that is safe.
AUDITED_SAFE: dict[tuple[str, str], str] = {
    ("report.html", "chart.svg"): "SVG drawn by vl-convert from the report's data; vl-convert "
        "XML-escapes every text (post titles, labels) it draws",
    ("kit/growth.html", "chart.svg"): "the same vl-convert SVG",
    ("kit/about.html", "bio_html"): "render.markdown() output: markdown-it 'js-default', raw "
        "HTML off, javascript:/vbscript:/data: links refused",
    ("kit/proposal.html", "pitch.body_html"): "render.markdown() output (see bio_html)",
    ("case-study.html", "study.body_html"): "render.markdown() output (see bio_html)",
    ("page.html", "page.html"): "render.markdown() output (see bio_html)",
    ("print/kit.html", "chart.svg"): "the same vl-convert SVG, on the PDF one-sheet",
    ("print/kit.html", "pitch.body_html"): "render.markdown() output (see bio_html)",
    ("print/kit.html", "qr"): "onesheet.qr_svg(): segno's SVG path of the QR modules, no text "
        "(the URL is only encoded in the modules, never written out)",
    ("group.html", "inputs.about_html"): "pagetext.markdown() output of ROSTER.yaml's "
        "group.about or group.about_page (see bio_html)",
}

SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "_LOADER"}
UNSAFE_YAML_CALLS = {"load", "load_all", "unsafe_load", "unsafe_load_all", "full_load",
                     "full_load_all"}


def _python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _template_files() -> list[Path]:
    return sorted(path for path in TEMPLATES.rglob("*") if path.is_file())


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(node: ast.AST) -> str:
    """a.b.c for a Name/Attribute chain, else ''."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return ""


def test_the_audit_reads_the_whole_package() -> None:
    names = {path.relative_to(PACKAGE).as_posix() for path in _python_files()}
    assert {"project/profile.py", "project/frontmatter.py", "site/render.py",
            "sources/files.py"} <= names
    assert {"base.html", "page.html", "kit/about.html"} <= {
        path.relative_to(TEMPLATES).as_posix() for path in _template_files()}


def test_yaml_is_only_read_with_safe_loaders() -> None:
    problems = []
    for path in _python_files():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for call in _calls(tree):
            name = _name(call.func)
            where = f"{path.relative_to(REPO)}:{call.lineno}"
            if name.startswith("yaml.") and name.split(".")[-1] in UNSAFE_YAML_CALLS:
                problems.append(f"{where}: {name}()")
            for keyword in call.keywords:
                if keyword.arg == "Loader":
                    loader = _name(keyword.value).split(".")[-1]
                    if loader not in SAFE_LOADERS:
                        problems.append(f"{where}: Loader={_name(keyword.value)}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("Loader", "UnsafeLoader",
                                                                  "FullLoader", "CLoader",
                                                                  "CFullLoader", "CUnsafeLoader"):
                if _name(node.value) == "yaml":
                    problems.append(f"{path.relative_to(REPO)}:{node.lineno}: yaml.{node.attr}")
    assert problems == []


def test_the_profile_loader_is_really_safe() -> None:
    from mediakit.project import yaml_lines

    assert yaml_lines._LOADER.__name__ in ("SafeLoader", "CSafeLoader")


def test_autoescape_is_never_turned_off() -> None:
    problems = []
    for path in _python_files():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for call in _calls(tree):
            for keyword in call.keywords:
                if keyword.arg == "autoescape" and isinstance(keyword.value, ast.Constant) \
                        and not keyword.value.value:
                    problems.append(f"{path.relative_to(REPO)}:{call.lineno}")
            if _name(call.func).split(".")[-1] == "Environment":
                if "autoescape" not in {keyword.arg for keyword in call.keywords}:
                    problems.append(f"{path.relative_to(REPO)}:{call.lineno}: no autoescape=")
    for path in _template_files():
        if re.search(r"{%-?\s*autoescape\s+(false|False|0)", path.read_text("utf-8")):
            problems.append(str(path.relative_to(REPO)))
    assert problems == []


def test_every_theme_template_is_autoescaped(tmp_path: Path) -> None:
    env = render.environment(tmp_path, Formatter("en_US"))
    names = env.list_templates()
    assert "base.html" in names and "site.css" in names
    assert all(env.autoescape(name) if callable(env.autoescape) else env.autoescape
               for name in names)


def test_user_text_is_never_compiled_as_a_template() -> None:
    """No from_string(), no Template(...) and no eval/exec anywhere in the package."""
    problems = []
    for path in _python_files():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for call in _calls(tree):
            name = _name(call.func)
            last = name.split(".")[-1]
            if last in ("from_string", "Template", "eval", "exec", "compile_expression") or \
                    name in ("jinja2.Template", "Environment.from_string"):
                problems.append(f"{path.relative_to(REPO)}:{call.lineno}: {name}()")
    assert problems == []


def test_markup_is_never_built_in_python() -> None:
    """Markup() would mark a string as already-safe HTML; the package never does."""
    problems = []
    for path in _python_files():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name | ast.Attribute) and _name(node).split(".")[-1] in (
                    "Markup", "escape_silent") and not isinstance(node.ctx, ast.Store):
                problems.append(f"{path.relative_to(REPO)}:{node.lineno}: {_name(node)}")
            if isinstance(node, ast.ImportFrom) and node.module == "markupsafe":
                problems.append(f"{path.relative_to(REPO)}:{node.lineno}: import markupsafe")
    assert problems == []


SAFE_FILTER = re.compile(r"{{-?\s*(?P<expr>[^{}|]+?)\s*\|\s*safe\s*-?}}")


def test_only_audited_values_are_printed_unescaped() -> None:
    found: dict[tuple[str, str], int] = {}
    for path in _template_files():
        text = path.read_text("utf-8")
        name = path.relative_to(TEMPLATES).as_posix()
        for match in SAFE_FILTER.finditer(text):
            key = (name, match["expr"].strip())
            found[key] = found.get(key, 0) + 1
        # any other spelling of the filter (in a {% set %}, with arguments...) is refused outright
        others = len(re.findall(r"\|\s*safe\b", text)) - len(SAFE_FILTER.findall(text))
        assert others == 0, f"{name}: a |safe this audit cannot read"
    assert set(found) == set(AUDITED_SAFE), "audit the new |safe and add it to AUDITED_SAFE"


def test_markdown_is_rendered_without_raw_html_or_dangerous_links() -> None:
    """What the audited *_html values are made with."""
    md = render.markdown()
    assert md.options["html"] is False
    html = md.render("<script>alert(1)</script>\n\n[x](javascript:alert(2)) "
                     "![y](data:text/html,z) <vbscript:msgbox(3)>")
    assert "<script" not in html and "href=\"javascript" not in html
    assert "src=\"data:text/html" not in html and "href=\"vbscript" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_no_vega_html_and_no_zip_extraction() -> None:
    """Charts are inline SVG, never chart.to_html() (it loads scripts from a CDN); zips are read
    in memory, never extracted (a member named ../../x would land outside the project)."""
    problems = [f"{path.relative_to(REPO)}:{call.lineno}"
                for path in _python_files()
                for call in _calls(ast.parse(path.read_text("utf-8"), str(path)))
                if _name(call.func).split(".")[-1] in ("to_html", "extractall")]
    assert problems == []
