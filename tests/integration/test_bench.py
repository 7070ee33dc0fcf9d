"""`desk-admin bench --quick` runs end to end on SQLite and writes every figure (no timing asserted)."""

from __future__ import annotations

import json

import pytest

from desk.cli import main

FIGURES = {
    "search_keystroke", "check_in_commit", "waiting_list_query", "room_week", "appointments_day", "year_report",
    "year_report_single",
    "check_in_visible_elsewhere", "waitlist_model_refresh", "memory_all_views", "cold_start", "db_size",
}


@pytest.mark.slow
def test_bench_quick_writes_every_figure(tmp_path, capsys) -> None:
    out = tmp_path / "bench.json"
    url = f"sqlite+pysqlite:///{tmp_path / 'bench.sqlite'}"
    assert main(["bench", "--quick", "--runs", "8", "--database-url", url, "--json", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    figures = {f["key"]: f for f in result["figures"]}
    assert set(figures) == FIGURES
    for key, figure in figures.items():
        assert figure["available"], (key, figure["note"])
        assert "p50" in figure or "value" in figure, key
        if "p50" in figure:
            assert figure["p50"] <= figure["p95"] <= figure["max"], key
    for key in ("search_keystroke", "check_in_commit", "waiting_list_query", "room_week", "year_report",
                "year_report_single"):
        assert figures[key]["floor_p50"] > 0, key
    # the two reports are measured in turn (their ratio is a goal): as many samples of each, at least 5
    assert figures["year_report"]["n"] == figures["year_report_single"]["n"] >= 5
    assert "x the single year" in figures["year_report"]["note"]
    assert result["engine"] == "sqlite"
    assert result["data"]["clients"] == 2_000
    assert len(result["load"]["start"]) == 3
    assert "client search per keystroke" in capsys.readouterr().out

    # --compare prints every figure beside the earlier run's; --result re-prints a saved run
    earlier = dict(result, figures=[dict(f, p50=f["p50"] * 2) if "p50" in f else f for f in result["figures"]])
    before = tmp_path / "before.json"
    before.write_text(json.dumps(earlier), encoding="utf-8")
    assert main(["bench", "--result", str(out), "--compare", str(before)]) == 0
    printed = capsys.readouterr().out
    comparison = printed.split("compared with", 1)[1]
    row = next(line for line in comparison.splitlines() if line.startswith("room week"))
    assert "-50%" in row
    assert all(figure["title"][:44] in comparison for figure in result["figures"])
