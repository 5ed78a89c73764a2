"""Overhead of the Python binding over the Rust core (issue 4, "Speed").

Measures:
  1. check one cooperative from a dict in Python vs the same check in Rust
     (decode from a parsed JSON value + check, timed inside the extension so
     no Python call is counted); target: Python <= 3x Rust.
  2. Registry.from_frames on pyarrow tables against the core's own load of the
     same registry: with --dir, a CSV folder (the indicator benches' `gen`
     writes the national one) read by pyarrow, against Registry.from_csv(dir);
     without, a synthetic registry against the core's JSON reader.
     Target: <= 1.5x.
  3. indicators from Python vs in Rust, once Registry.indicators exists.

Usage: .venv/bin/python benches/python_overhead.py [--members N] [--repeat R]
Build the extension in release mode first (bindings/python/run-tests.sh does).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any, Callable

import coopkit
from coopkit import _coopkit

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "examples" / "data" / "quang-ngai-2024.json"
AS_OF = "2024-10-16"


def best_of(repeat: int, f: Callable[[], float]) -> float:
    return min(f() for _ in range(repeat))


def bench_check(coop: dict[str, Any], n: int, repeat: int) -> tuple[float, float]:
    text = json.dumps(coop)
    rust = best_of(repeat, lambda: _coopkit._bench_core_check(text, "auto", AS_OF, n)) / n

    def py_loop() -> float:
        check = coopkit.check
        t = time.perf_counter()
        for _ in range(n):
            check(coop, "auto", AS_OF)
        return time.perf_counter() - t

    py = best_of(repeat, py_loop) / n
    return rust, py


def sample_cooperatives() -> list[dict[str, Any]]:
    coops: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))["cooperatives"]
    try:
        coopkit.check(coops[0], as_of=AS_OF)
        return coops
    except coopkit.InputError as e:
        print(f"(the example data does not load in this build: {e.path}; using the required fields only)")
        return [{k: c[k] for k in ("id", "name", "kind", "sector")} for c in coops]


TEXT_COLUMNS = ["id", "cooperative_id", "province", "district", "commune", "ethnicity", "member", "name",
                "nationality"]


def bench_csv_dir(folder: str, repeat: int) -> None:
    """from_frames on the folder's tables (read by pyarrow, codes kept as
    text) against the core's from_csv of the same files."""
    import pyarrow as pa
    import pyarrow.csv as pc

    def read(name: str) -> Any:
        path = Path(folder) / name
        names = pc.read_csv(path, read_options=pc.ReadOptions(skip_rows_after_names=1_000_000_000)).column_names
        types = {c: pa.string() for c in names if c in TEXT_COLUMNS}
        return pc.read_csv(path, convert_options=pc.ConvertOptions(column_types=types, strings_can_be_null=True))

    t = time.perf_counter()
    tables = [read(n) for n in ("cooperatives.csv", "members.csv", "positions.csv")]
    print(f"pyarrow read of {folder}: {time.perf_counter() - t:.2f} s ({tables[1].num_rows:,} member rows)")
    # Alternating runs, so that both see the same machine; the best of each
    # and the median of the per-pair ratios are reported.
    frames_runs, core_runs = [], []
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        reg = coopkit.Registry.from_frames(*tables)
        frames_runs.append(time.perf_counter() - t)
        t = time.perf_counter()
        core = coopkit.Registry.from_csv(folder)
        core_runs.append(time.perf_counter() - t)
    ratios = sorted(f / c for f, c in zip(frames_runs, core_runs))
    frames_s, core_s = min(frames_runs), min(core_runs)
    print(f"from_frames (pyarrow) best {frames_s:.2f} s, core from_csv best {core_s:.2f} s: "
          f"ratio of bests {frames_s / core_s:.2f}, median pair ratio {ratios[len(ratios) // 2]:.2f}, "
          f"worst {ratios[-1]:.2f} over {len(ratios)} runs (target <= 1.5); "
          f"{len(reg):,} cooperatives, same as from_csv: {len(reg) == len(core) and reg.ids() == core.ids()}")
    try:
        import polars as pl
    except ImportError:
        print("from_frames (polars): polars not installed, skipped")
    else:
        frames = [pl.from_arrow(t) for t in tables]
        runs = []
        for _ in range(max(1, repeat)):
            t = time.perf_counter()
            preg = coopkit.Registry.from_frames(*frames)
            runs.append(time.perf_counter() - t)
        print(f"from_frames (polars frames: string views, one chunk) best {min(runs):.2f} s, "
              f"worst {max(runs):.2f} s: ratio of bests to from_csv {min(runs) / core_s:.2f}; "
              f"same registry: {preg.ids() == core.ids()}")
        del frames, preg
    if hasattr(coopkit.Registry, "indicators"):
        by = ["province", "sector"]
        n = 5
        reg.indicators(by=by, as_of="2024-12-31")  # first query at the date builds the engine's caches
        rust = best_of(3, lambda: _coopkit._bench_core_indicators(reg, by, "2024-12-31", n)) / n

        def py_loop() -> float:
            t = time.perf_counter()
            for _ in range(n):
                reg.indicators(by=by, as_of="2024-12-31")
            return time.perf_counter() - t

        py = best_of(3, py_loop) / n
        print(f"indicators by province x sector on it: rust {rust * 1e3:.1f} ms, python {py * 1e3:.1f} ms, "
              f"ratio {py / rust:.3f} (target <= 1.1)")


def bench_frames(members: int) -> None:
    try:
        import pyarrow as pa
    except ImportError:
        print("from_frames: pyarrow not installed, skipped")
        return
    per = 50
    n_coops = max(1, members // per)
    coop_ids = [f"C{i:07d}" for i in range(n_coops)]
    coops = pa.table({
        "id": coop_ids,
        "name": [f"HTX {i}" for i in range(n_coops)],
        "kind": ["cooperative"] * n_coops,
        "sector": ["agriculture"] * n_coops,
    })
    mem = pa.table({
        "cooperative_id": [coop_ids[i // per] for i in range(n_coops * per)],
        "id": [f"M{i % per}" for i in range(n_coops * per)],
        "type": ["individual"] * (n_coops * per),
        "sex": ["female" if i % 3 else "male" for i in range(n_coops * per)],
        "contributes_capital": [True] * (n_coops * per),
        "uses_services": [True] * (n_coops * per),
        "contributes_labour": [False] * (n_coops * per),
    })
    t = time.perf_counter()
    try:
        reg = coopkit.Registry.from_frames(coops, mem)
    except coopkit.InputError as e:
        print(f"from_frames: members not readable in this build ({e.path}); timing cooperatives only")
        t = time.perf_counter()
        reg = coopkit.Registry.from_frames(coops)
        dt = time.perf_counter() - t
        print(f"from_frames: {len(reg)} cooperatives in {dt:.3f} s ({len(reg) / dt:,.0f} rows/s)")
        return
    dt = time.perf_counter() - t
    print(f"from_frames: {len(reg)} cooperatives, {mem.num_rows} members in {dt:.3f} s "
          f"({mem.num_rows / dt:,.0f} member rows/s)")
    text = reg.to_json()
    t = time.perf_counter()
    coopkit.Registry.from_json(text)
    dj = time.perf_counter() - t
    print(f"  the core's own JSON load of the same registry ({len(text) / 1e6:.0f} MB of text): {dj:.3f} s; "
          f"from_frames / core JSON load = {dt / dj:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="checks per timing")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--members", type=int, default=200_000, help="members in the synthetic frame registry")
    ap.add_argument("--dir", help="a CSV registry folder for from_frames vs from_csv (for example gen's output)")
    args = ap.parse_args()

    coops = sample_cooperatives()
    print(f"check from a dict vs in Rust ({len(coops)} cooperatives of {DATA.name}, best of {args.repeat}):")
    ratios = []
    for c in coops:
        rust, py = bench_check(c, args.n, args.repeat)
        ratios.append(py / rust)
        n_members = len(c.get("members", []))
        print(f"  {c['id']:>6} {n_members:4d} members: rust {rust * 1e6:8.1f} µs  python {py * 1e6:8.1f} µs  "
              f"ratio {py / rust:5.2f}")
    print(f"  worst ratio {max(ratios):.2f}, median {sorted(ratios)[len(ratios) // 2]:.2f} (target <= 3)")
    if args.dir:
        bench_csv_dir(args.dir, args.repeat)
    else:
        bench_frames(args.members)
    if not hasattr(coopkit.Registry, "indicators"):
        print("indicators: not in this build yet")
        return
    bench_indicators(args.members, args.repeat)


def bench_indicators(members: int, repeat: int) -> None:
    """Registry.indicators from Python (columns to Python lists and the
    IndicatorTable included) vs the core's own computation."""
    base = json.loads(DATA.read_text(encoding="utf-8"))["cooperatives"]
    copies = max(1, members // 396)
    recs = []
    for k in range(copies):
        for c in base:
            c = dict(c)
            c["id"] = f"{c['id']}-{k}"
            recs.append(c)
    reg = coopkit.Registry.from_records(recs)
    by = ["district", "sector"]
    n = 3
    rust = best_of(repeat, lambda: _coopkit._bench_core_indicators(reg, by, AS_OF, n)) / n

    def py_loop() -> float:
        t = time.perf_counter()
        for _ in range(n):
            reg.indicators(by=by, as_of=AS_OF)
        return time.perf_counter() - t

    py = best_of(repeat, py_loop) / n
    print(f"indicators by district and sector over {len(reg)} cooperatives ({copies * 396} members): "
          f"rust {rust * 1e3:.1f} ms, python {py * 1e3:.1f} ms, ratio {py / rust:.3f} (target <= 1.1)")


if __name__ == "__main__":
    main()
