"""Writes the fuzz targets' seed corpora from the project's own inputs.

    python3 fuzz/seed.py OUT_DIR

Every JSON input of the repository (the example province, the test data,
the conformance and bad-input cases) seeds the JSON targets, and
`fuzz/regressions/TARGET/` holds inputs that once broke a target; each
cooperative of them, with a leading byte choosing the date, seeds `check`,
`classify` and `registry_props`; each CSV folder and CSV case, its three
files joined by form feeds (as the `csv` target splits them), seeds `csv`.
"""

import hashlib
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])
targets = ["json", "jsonl", "csv", "xlsx", "check", "classify", "indicators", "registry_props"]
for t in targets:
    (out / t).mkdir(parents=True, exist_ok=True)


def put(target: str, data: bytes) -> None:
    name = hashlib.sha1(data).hexdigest()
    (out / target / name).write_bytes(data)


def cooperatives(value: object) -> list[object]:
    if isinstance(value, dict) and isinstance(value.get("cooperatives"), list):
        return list(value["cooperatives"])
    return []


registries: list[str] = []
for path in [root / "examples/data/quang-ngai-2024.json", *sorted((root / "crates/coopkit/tests/data").glob("*.json*"))]:
    registries.append(path.read_text(encoding="utf-8"))

csv_sets: list[dict[str, str]] = []
for folder in sorted((root / "crates/coopkit/tests/data").glob("csv*")):
    if folder.is_dir():
        csv_sets.append({n: (folder / f"{n}.csv").read_text(encoding="utf-8") for n in ["cooperatives", "members", "positions"] if (folder / f"{n}.csv").exists()})

single: list[object] = []
for folder in ["tests/conformance", "tests/bad_inputs"]:
    for path in sorted((root / folder).glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")).get("cases", []):
            inp = case.get("input")
            if case.get("read") == "csv":
                # The catalogue's files: text, or bytes as {"hex": ...}.
                csv_sets.append({k: v if isinstance(v, str) else bytes.fromhex(v["hex"]).decode("utf-8", "replace") for k, v in inp.items()})
            elif case.get("read") == "xlsx":
                put("xlsx", bytes.fromhex(inp["hex"]))
            elif case.get("read") == "records":
                single.extend(r for r in inp if isinstance(r, dict))
            elif isinstance(inp, dict) and "cooperatives" in inp:
                registries.append(json.dumps(inp, ensure_ascii=False))
            elif isinstance(inp, dict):
                single.append(inp)
            elif isinstance(inp, str):
                registries.append(inp)
            if isinstance(case.get("csv"), dict):
                csv_sets.append({k: v for k, v in case["csv"].items() if isinstance(v, str)})

for text in registries:
    put("json", text.encode("utf-8", "surrogatepass"))
    put("indicators", b"\x03" + text.encode("utf-8", "surrogatepass"))
    try:
        records = cooperatives(json.loads(text))
    except ValueError:
        records = []
    if records:
        put("jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8", "surrogatepass"))
    single.extend(records)

for i, coop in enumerate(single):
    data = json.dumps(coop, ensure_ascii=False).encode("utf-8", "surrogatepass")
    put("check", bytes([i % 6]) + data)
    put("classify", bytes([i % 6]) + data)
    put("jsonl", data)

for files in csv_sets:
    put("csv", b"\x0c".join(files.get(n, "").encode("utf-8", "surrogatepass") for n in ["cooperatives", "members", "positions"]))

for seed in range(32):
    put("registry_props", hashlib.sha256(str(seed).encode("utf-8", "surrogatepass")).digest() * 8)

# The test workbooks seed the Excel target.
for path in sorted((root / "crates/coopkit/tests/data/excel").glob("*.xlsx")):
    put("xlsx", path.read_bytes())

# Inputs that once broke a target stay among its seeds.
for t in targets:
    for path in sorted((root / "fuzz" / "regressions" / t).glob("*")):
        put(t, path.read_bytes())

for t in targets:
    print(f"{t}: {len(list((out / t).iterdir()))} seeds")
