"""Ray: one task per WARC file on a local Ray (2 CPUs), every record accounted for; the
command line; shipping the wheel through runtime_env; the Ray Data path."""

import json
import os
import subprocess
import sys

import pytest

ray = pytest.importorskip("ray")

import copydesk.ray as cray  # noqa: E402
from conftest import ARTICLE, SENTENCE, assert_balanced  # noqa: E402


def test_command_line(warc_set, tmp_path):
    """Runs first, before the module's own local Ray is up (the CLI starts its own)."""
    paths, exp = warc_set
    out = tmp_path / "cli"
    stats_json = tmp_path / "stats.json"
    glob_spec = os.path.join(os.path.dirname(paths[0]), "*.warc*")
    proc = subprocess.run(
        [sys.executable, "-m", "copydesk.ray", "--input", glob_spec, "--output", str(out),
         "--num-cpus", "2", "--stats-json", str(stats_json)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    total = json.loads(proc.stdout.strip().splitlines()[-1])
    assert (total["records"], total["extracted"], total["failed"]) == (exp.records, exp.extracted, exp.failed)
    assert len(list(out.glob("*.parquet"))) == 3


def test_command_line_ships_the_wheel(warc_set, tmp_path):
    """The workers import copydesk from the wheel shipped through runtime_env."""
    wheel = os.environ.get("COPYDESK_WHEEL")
    if not wheel:
        pytest.skip("COPYDESK_WHEEL not set (ci/python-tests.sh sets it)")
    paths, exp = warc_set
    stats_json = tmp_path / "stats.json"
    proc = subprocess.run(
        [sys.executable, "-m", "copydesk.ray", "--input", str(paths[0]), "--output", str(tmp_path / "w"),
         "--num-cpus", "2", "--wheel", wheel, "--format", "jsonl", "--stats-json", str(stats_json)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    files = json.loads(stats_json.read_text())["files"]
    assert files[0]["extracted"] == 3
    import copydesk

    local_install = os.path.dirname(os.path.dirname(copydesk.__file__))
    assert not files[0]["copydesk_module"].startswith(local_install), files[0]["copydesk_module"]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


def test_tasks_account_for_every_record(local_ray, warc_set, tmp_path):
    paths, exp = warc_set
    stats = cray.process_warcs([str(p) for p in paths], str(tmp_path / "out"), output_format="jsonl")
    assert len(stats) == 3
    for s in stats:
        assert "error" not in s, s
        assert_balanced(s)
    total = cray.total(stats)
    assert (total["records"], total["extracted"], total["skipped"], total["failed"]) == (
        exp.records, exp.extracted, exp.skipped, exp.failed,
    )
    rows = 0
    for s in stats:
        with open(s["output"]) as f:
            rows += sum(1 for _ in f)
    assert rows == exp.extracted + exp.failed


def test_ray_data_map_batches(local_ray):
    ds = ray.data.from_items(
        [{"html": ARTICLE, "url": f"http://example.org/{i}"} for i in range(6)] + [{"html": "", "url": None}]
    )
    rows = cray.extract_dataset(ds, "html", "url", batch_size=4).take_all()
    assert len(rows) == 7
    good = [r for r in rows if r["error"] is None]
    assert len(good) == 6 and all(SENTENCE in r["text"] for r in good)
    assert sum(1 for r in rows if r["error"] is not None) == 1
