"""The theme and the demo ship inside the package and are found as real folders."""

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
