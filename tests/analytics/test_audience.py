from mediakit.analytics import audience
from tests.helpers import audience as rows


def test_latest_snapshot_wins_and_other_comes_last():
    table = rows([
        ("country", "US", 0.5, "2026-01-01"),
        ("country", "Others", 0.3, "2026-02-28"),
        ("country", "GB", 0.2, "2026-02-28"),
        ("country", "US", 0.5, "2026-02-28"),
    ])
    shares, source = audience.latest_split(table, "country")
    assert list(shares) == ["US", "GB", "Others"]
    assert shares == {"US": 0.5, "GB": 0.2, "Others": 0.3}
    assert source == "export: test.csv"


def test_unknown_dimension_is_empty():
    assert audience.latest_split(rows([]), "age") == ({}, None)
