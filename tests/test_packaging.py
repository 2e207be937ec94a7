"""The package as installed: creator-mediakit giving `mediakit`, with its theme and demo as real
folders."""

import tomllib
from importlib import metadata
from pathlib import Path

from mediakit import __version__
from mediakit.project.paths import package_folder
from mediakit.project.scaffold import demo_content
from mediakit.site.render import default_templates


def test_the_default_theme_is_a_folder_with_every_page_template():
    folder = default_templates()
    for name in ("base.html", "index.html", "report.html", "methodology.html", "site.css"):
        assert (folder / name).is_file(), name


def test_the_demo_creator_ships_with_its_profile_and_exports():
    folder = demo_content()
    assert folder is not None and (folder / "profile.yaml").is_file()
    assert (folder / "data" / "tiktok" / "Overview.csv").is_file()


def test_a_package_without_the_marker_file_is_not_taken():
    assert package_folder("mediakit.templates", "no-such-file.html") is None
    assert package_folder("mediakit.no_such_package", "base.html") is None


def test_the_distribution_is_creator_mediakit_with_the_mediakit_command():
    """PyPI's `mediakit` is someone else's program: ours installs as creator-mediakit, and still
    gives the `mediakit` package and command at the version the code reports."""
    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml")
                            .read_text("utf-8"))["project"]
    assert project["name"] == "creator-mediakit" and project["version"] == __version__
    assert project["scripts"] == {"mediakit": "mediakit.commands.main:main"}
    installed = metadata.distribution("creator-mediakit")  # how this checkout was installed
    assert installed.version == __version__
    scripts = {entry.name: entry.value for entry in installed.entry_points
               if entry.group == "console_scripts"}
    assert scripts == {"mediakit": "mediakit.commands.main:main"}
    assert set(metadata.packages_distributions()["mediakit"]) == {"creator-mediakit"}
