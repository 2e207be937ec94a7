"""`mediakit init`: a project that explains itself, never overwriting anything."""

from __future__ import annotations

from pathlib import Path

import yaml

from mediakit.project.frontmatter import parse_model, read
from mediakit.project.profile import load_profile
from mediakit.project.scaffold import init_project
from mediakit.site.casestudies import CaseStudyHeader
from mediakit.site.pitches import PitchHeader
from tests.cli.conftest import TODAY

STARTER_FILES = [
    ".github/workflows/pages.yml",
    ".gitignore",
    "content/assets/README.txt",
    "content/case-studies/_example.md",
    "content/data/instagram/README.txt",
    "content/data/tiktok/README.txt",
    "content/data/youtube/README.txt",
    "content/pages/_about.md",
    "content/pitches/_example-brand.md",
    "content/profile.yaml",
]


def test_init_writes_the_starter_project(invoke, tmp_path):
    outcome = invoke("init", tmp_path / "my-kit")
    assert outcome.exit_code == 0, outcome.output
    root = tmp_path / "my-kit"
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert written == STARTER_FILES
    assert outcome.stdout.startswith(f"Created 10 files in {root}/")
    for name in STARTER_FILES:
        assert f"  {name}\n" in outcome.stdout
    assert "cd " in outcome.stdout and "mediakit serve --open" in outcome.stdout


def test_the_starter_profile_is_valid_and_commented(tmp_path):
    init_project(tmp_path)
    text = (tmp_path / "content/profile.yaml").read_text("utf-8")
    profile = load_profile(tmp_path / "content/profile.yaml")
    assert profile.name == "Your Name" and list(profile.platforms) == ["tiktok"]
    assert profile.platforms["tiktok"].handle == "@yourname"
    assert profile.demo is False and "demo:" not in text  # a real project is warned when stale
    assert sum(1 for line in text.splitlines() if line.lstrip().startswith("#")) >= 20


def test_the_examples_have_the_front_matter_the_site_reads(tmp_path):
    init_project(tmp_path)
    path = tmp_path / "content/pitches/_example-brand.md"
    pitch = parse_model(PitchHeader, read(path, "content/pitches/_example-brand.md"))
    assert pitch.brand == "Example Brand" and pitch.price == 650 and pitch.currency == "EUR"
    assert pitch.target.gender == ["female"] and pitch.target.age == ["18-24", "25-34"]
    assert pitch.target.country == ["IE", "GB"] and pitch.valid_until.isoformat() == "2027-06-30"
    assert len(pitch.deliverables) == 2
    path = tmp_path / "content/case-studies/_example.md"
    study = parse_model(CaseStudyHeader, read(path, "content/case-studies/_example.md"))
    assert study.fee == 1300 and study.currency == "EUR" and len(study.posts) == 2
    assert (study.results.link_clicks, study.results.promo_code_uses, study.results.sales,
            study.results.revenue) == (1840, 212, 187, 9350)


def test_the_workflow_builds_and_deploys_to_pages(tmp_path):
    init_project(tmp_path)
    workflow = yaml.safe_load((tmp_path / ".github/workflows/pages.yml").read_text("utf-8"))
    build_steps = workflow["jobs"]["build"]["steps"]
    commands = [step.get("run") for step in build_steps]
    uses = [step.get("uses", "").split("@")[0] for step in build_steps]
    # the kit and its PDF, built together (docs/github-pages.md, "The PDF")
    assert 'pip install "$MEDIAKIT_REQUIREMENT"' in commands and "mediakit build --pdf" in commands
    pango = "sudo apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0"
    assert commands.index("sudo apt-get update") < commands.index(pango) < commands.index(
        "mediakit build --pdf")
    assert "actions/upload-pages-artifact" in uses
    assert next(s for s in build_steps if "upload-pages" in s.get("uses", ""))["with"] == {
        "path": "site"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_the_workflow_is_the_one_docs_github_pages_shows(tmp_path):
    """A creator reading docs/github-pages.md sees exactly the file `init` wrote for them."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "github-pages.md").read_text("utf-8")
    section = docs.split("## GitHub Pages with GitHub Actions", 1)[1]
    shown = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    init_project(tmp_path)
    assert (tmp_path / ".github/workflows/pages.yml").read_text("utf-8") == shown


def test_gitignore_keeps_site_and_history_but_not_caches(tmp_path):
    init_project(tmp_path)
    rules = [line for line in (tmp_path / ".gitignore").read_text("utf-8").splitlines()
             if line and not line.startswith("#")]
    assert ".mediakit-cache/" in rules and ".*.mediakit-tmp-*/" in rules
    assert not any("site" in rule or "history" in rule for rule in rules)


def test_init_never_overwrites_and_says_what_it_skipped(invoke, tmp_path):
    mine = "name: Mine\nplatforms: {tiktok: {handle: '@mine'}}\n"
    (tmp_path / "content").mkdir()
    (tmp_path / "content/profile.yaml").write_text(mine, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("node_modules/\n", encoding="utf-8")
    outcome = invoke("init", tmp_path)
    assert outcome.exit_code == 0
    assert (tmp_path / "content/profile.yaml").read_text("utf-8") == mine
    assert (tmp_path / ".gitignore").read_text("utf-8") == "node_modules/\n"
    assert "Created 8 files" in outcome.stdout
    skipped = outcome.stdout.split("Skipped 2 files that already exist")[1]
    assert "  .gitignore\n" in skipped and "  content/profile.yaml\n" in skipped
    again = invoke("init", tmp_path)
    assert "Created 0 files" in again.stdout and "Skipped 10 files" in again.stdout


def test_init_into_a_file_is_a_clear_error(invoke, tmp_path):
    (tmp_path / "taken").write_text("x")
    outcome = invoke("init", tmp_path / "taken")
    assert outcome.exit_code == 2
    assert outcome.stderr.strip() == (f"Error: {tmp_path / 'taken'}: is a file, not a folder "
                                      "(choose a new folder name: mediakit init my-kit)")


def test_init_demo_builds_at_once_in_real_processes(run, tmp_path):
    done = run("init", tmp_path / "demo", "--demo")
    assert done.returncode == 0, done.stderr
    root = tmp_path / "demo"
    demo = load_profile(root / "content/profile.yaml")
    assert demo.name == "Mara Quinn" and demo.demo is True  # builds say "demo data"
    assert (root / "content/data/tiktok/Overview.csv").is_file()
    assert not (root / "content/data/history").exists()  # history is made by builds
    assert (root / ".github/workflows/pages.yml").is_file()
    built = run("build", root, "--today", TODAY)
    assert built.returncode == 0, built.stderr
    assert "Mara Quinn" in (root / "site/index.html").read_text("utf-8")


def test_a_fresh_project_explains_what_is_missing(invoke, tmp_path):
    invoke("init", tmp_path)
    outcome = invoke("build", tmp_path)
    assert outcome.exit_code == 2
    assert "content/data/tiktok/" in outcome.stderr and "Traceback" not in outcome.stderr
