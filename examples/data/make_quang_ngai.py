#!/usr/bin/env python3
"""Make examples/data/quang-ngai-2024.json: 16 fictional women-managed cooperatives
of Quảng Ngãi that reproduce, exactly, the figures of the provincial Women's Union
workshop (news report, phunuvietnam.vn, 16 Oct 2024; REFERENCE.md §1):

    16 cooperatives, 396 members ("nearly 400"), 145 of them women,
    48 women on the management boards (board_chair + board_member seats),
    6 cooperatives with at least one ethnic-minority member.

Everything else (names, members, capital, dates, positions) is invented. Members
carry ids only, no names. Python 3.11 standard library only; deterministic
(random.Random(2024)); run from anywhere:

    python3 examples/data/make_quang_ngai.py

failures:
    Judged by Law 17/2023/QH15 as of 2024-10-16, every cooperative passes every
    rule except these four, which fail on purpose:

    QN14  members.minimum             only 4 official members (7 associates); 5 needed
                                      (Art. 4(7)).
    QN08  capital.member_cap          one member (the chair) holds exactly 35 % of the
                                      charter capital; cap 30 % (20 % under 2012).
    QN11  governance.structure_allowed 62 official members, revenue 3.2 bn đồng, an
                                      agricultural cooperative: "small" under Decree
                                      113/2024 (>= 50 official members and revenue
                                      >= 2 bn), so it may not use the simplified
                                      structure it declares (Art. 56).
    QN15  governance.board_size       a board of 2 seats; 3 to 15 required (Art. 65).

The assertions at the end re-read the written file, recompute the five published
figures and re-check the 2023 rules by hand; the script exits with an error if
any figure is off or any cooperative fails (or passes) other than intended.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent / "quang-ngai-2024.json"
AS_OF = date(2024, 10, 16)
PROVINCE = "51"  # Quảng Ngãi, GSO code valid until the 2025 merger

# District codes of Quảng Ngãi (GSO list, valid until 30 Jun 2025).
DISTRICTS = {
    "Bình Sơn": "524",
    "Trà Bồng": "525",
    "Tư Nghĩa": "528",
    "Sơn Hà": "529",
    "Sơn Tây": "530",
    "Minh Long": "531",
    "Nghĩa Hành": "532",
    "Mộ Đức": "533",
    "Đức Phổ": "534",
    "Ba Tơ": "535",
    "Lý Sơn": "536",
}

KINH, XO_DANG, HRE, CO = "01", "16", "18", "30"

AGRI, IND, TRADE = "agriculture", "industry_construction", "trade_services"

MIO = 1_000_000
BN = 1_000_000_000

# One row per cooperative. Fields:
#   members, female: member counts; minority: (GSO code, how many members);
#   board: (seats, of which women) or None for the simplified structure;
#   cap_assoc / noncap_assoc: associates of each kind;
#   households: how many members are households (through a representative);
#   labour: members contribute labour (worker-type cooperative), else they use services;
#   share: range of one contribution in millions of đồng;
#   chair_director: the chair is also the director;
#   hired: non-member positions as (role, sex, ethnicity).
SPECS = [
    dict(id="QN01", name="HTX Dệt thổ cẩm Làng Teng", sector=IND, district="Ba Tơ",
         established=date(2012, 5, 18), members=22, female=17, minority=(HRE, 20),
         board=(5, 4), cap_assoc=1, noncap_assoc=1, households=0, labour=True,
         share=(3, 12), chair_director=True, total_capital=410 * MIO, revenue=780 * MIO,
         employees=(2, 0), circular_type="job_creation"),
    dict(id="QN02", name="HTX Nông nghiệp Sơn Hà", sector=AGRI, district="Sơn Hà",
         established=date(2009, 3, 2), members=48, female=12, minority=(HRE, 30),
         board=(7, 5), cap_assoc=2, noncap_assoc=3, households=10, labour=False,
         share=(5, 20), chair_director=False, total_capital=1_450 * MIO, revenue=1_620 * MIO,
         employees=(1, 3), circular_type="production"),
    dict(id="QN03", name="HTX Quế Trà Bồng", sector=AGRI, district="Trà Bồng",
         established=date(2016, 8, 9), members=35, female=9, minority=(CO, 25),
         board=(5, 3), cap_assoc=1, noncap_assoc=2, households=6, labour=False,
         share=(5, 25), chair_director=True, total_capital=980 * MIO, revenue=1_240 * MIO,
         employees=(2, 2), ilo_type="producer"),
    dict(id="QN04", name="HTX Dược liệu Sơn Tây", sector=AGRI, district="Sơn Tây",
         established=date(2018, 11, 20), members=27, female=10, minority=(XO_DANG, 20),
         board=(5, 4), cap_assoc=1, noncap_assoc=1, households=4, labour=False,
         share=(4, 15), chair_director=True, total_capital=520 * MIO, revenue=690 * MIO,
         employees=(1, 1), circular_type="production"),
    dict(id="QN05", name="HTX Nông lâm nghiệp Minh Long", sector=AGRI, district="Minh Long",
         established=date(2014, 4, 25), members=24, female=8, minority=(HRE, 14),
         board=(5, 3), cap_assoc=0, noncap_assoc=2, households=5, labour=False,
         share=(5, 20), chair_director=False, total_capital=760 * MIO, revenue=930 * MIO,
         employees=(0, 2), ilo_type="producer"),
    dict(id="QN06", name="HTX Keo và quế Trà Xuân", sector=AGRI, district="Trà Bồng",
         established=date(2020, 7, 14), members=12, female=6, minority=(CO, 9),
         board=None, cap_assoc=0, noncap_assoc=1, households=2, labour=False,
         share=(5, 12), chair_director=False, total_capital=210 * MIO, revenue=340 * MIO,
         employees=(0, 0), circular_type="production"),
    dict(id="QN07", name="HTX Chế biến hải sản Sa Huỳnh", sector=IND, district="Đức Phổ",
         established=date(2011, 9, 5), members=30, female=13, minority=None,
         board=(7, 5), cap_assoc=2, noncap_assoc=0, households=0, labour=True,
         share=(10, 40), chair_director=False, total_capital=2_350 * MIO, revenue=4_800 * MIO,
         employees=(14, 6), ilo_type="worker",
         hired=[("director", "male", KINH)]),
    dict(id="QN08", name="HTX Mây tre đan Phổ Phong", sector=IND, district="Đức Phổ",
         established=date(2015, 1, 12), members=18, female=11, minority=None,
         board=(5, 4), cap_assoc=1, noncap_assoc=1, households=0, labour=True,
         share=(3, 10), chair_director=True, total_capital=390 * MIO, revenue=620 * MIO,
         employees=(3, 1), circular_type="job_creation", big_member_pct=35),
    dict(id="QN09", name="HTX Dịch vụ du lịch Lý Sơn", sector=TRADE, district="Lý Sơn",
         established=date(2019, 6, 3), members=15, female=6, minority=None,
         board=(3, 2), cap_assoc=1, noncap_assoc=1, households=0, labour=False,
         share=(10, 30), chair_director=True, total_capital=640 * MIO, revenue=1_150 * MIO,
         employees=(4, 3), ilo_type="multi_stakeholder"),
    dict(id="QN10", name="HTX Tỏi Lý Sơn", sector=AGRI, district="Lý Sơn",
         established=date(2013, 10, 28), members=20, female=5, minority=None,
         board=(5, 3), cap_assoc=1, noncap_assoc=1, households=6, labour=False,
         share=(10, 30), chair_director=False, total_capital=820 * MIO, revenue=1_380 * MIO,
         employees=(2, 2), circular_type="production"),
    dict(id="QN11", name="HTX Nông nghiệp Bình Sơn", sector=AGRI, district="Bình Sơn",
         established=date(2010, 2, 22), members=66, female=18, minority=None,
         board=None, cap_assoc=0, noncap_assoc=4, households=20, labour=False,
         share=(10, 30), chair_director=False, total_capital=2_600 * MIO, revenue=3_200 * MIO,
         employees=(3, 5), circular_type="mixed"),
    dict(id="QN12", name="HTX Dịch vụ tổng hợp Tư Nghĩa", sector=TRADE, district="Tư Nghĩa",
         established=date(2008, 12, 1), members=22, female=8, minority=None,
         board=(5, 4), cap_assoc=1, noncap_assoc=2, households=3, labour=False,
         share=(5, 25), chair_director=True, total_capital=700 * MIO, revenue=1_900 * MIO,
         employees=(2, 1), ilo_type="consumer"),
    dict(id="QN13", name="HTX Chế biến nông sản Mộ Đức", sector=IND, district="Mộ Đức",
         established=date(2017, 3, 16), members=19, female=6, minority=None,
         board=(5, 4), cap_assoc=1, noncap_assoc=0, households=0, labour=True,
         share=(10, 35), chair_director=False, total_capital=1_100 * MIO, revenue=2_050 * MIO,
         employees=(6, 2), circular_type="job_creation",
         hired=[("chief_accountant", "female", KINH)]),
    dict(id="QN14", name="HTX Rau sạch Nghĩa Hành", sector=AGRI, district="Nghĩa Hành",
         established=date(2021, 5, 10), members=11, female=5, minority=None,
         board=None, cap_assoc=3, noncap_assoc=4, households=2, labour=False,
         share=(5, 10), chair_director=False, total_capital=120 * MIO, revenue=260 * MIO,
         employees=(0, 0), circular_type="production"),
    dict(id="QN15", name="HTX Bánh tráng Tư Nghĩa", sector=IND, district="Tư Nghĩa",
         established=date(2022, 4, 4), members=9, female=4, minority=None,
         board=(2, 2), cap_assoc=0, noncap_assoc=0, households=0, labour=True,
         share=(10, 20), chair_director=True, total_capital=160 * MIO, revenue=310 * MIO,
         employees=(1, 0), ilo_type="worker"),
    dict(id="QN16", name="HTX Nước mắm Bình Châu", sector=IND, district="Bình Sơn",
         established=date(2012, 7, 30), members=18, female=7, minority=None,
         board=(7, 5), cap_assoc=1, noncap_assoc=0, households=0, labour=True,
         share=(10, 40), chair_director=False, total_capital=1_020 * MIO, revenue=1_760 * MIO,
         employees=(3, 2), circular_type="job_creation"),
]

# The intended failures, checked at the end against the hand-written 2023 checks.
INTENDED_FAILURES = {
    "QN14": {"members.minimum"},
    "QN08": {"capital.member_cap"},
    "QN11": {"governance.structure_allowed"},
    "QN15": {"governance.board_size"},
}

# The published figures (REFERENCE.md §1) and the total chosen for "nearly 400".
FIGURES = dict(cooperatives=16, members=396, members_female=145, board_female=48,
               coops_with_minority_member=6)


def rand_date(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def make_capitals(rng: random.Random, n: int, share: tuple[int, int],
                  big_pct: int | None) -> list[int]:
    """Contributions in đồng for n contributors. Without big_pct, every share is
    at most 30 % of the total (redrawn until so). With big_pct, the first
    contribution is exactly big_pct % of the total."""
    lo, hi = share
    while True:
        caps = [rng.randint(lo, hi) * MIO for _ in range(n)]
        if big_pct is not None:
            assert big_pct % 5 == 0
            rest = caps[1:]
            # The others must add up to (100 - big_pct) twentieths of the total in
            # whole millions: pad them to a multiple of (100 - big_pct) / 5 million
            # (13 million for 35 %), then the big one is big_pct / 5 of the same unit.
            unit = (100 - big_pct) // 5 * MIO
            others = sum(rest)
            pad = (-others) % unit
            rest[-1] += pad
            caps = [sum(rest) // (100 - big_pct) * big_pct] + rest
            total = sum(caps)
            if caps[0] * 100 == big_pct * total and all(c * 100 <= 30 * total for c in rest):
                return caps
        elif all(c * 100 <= 30 * sum(caps) for c in caps):
            return caps


def make_coop(rng: random.Random, spec: dict) -> dict:
    cid = spec["id"]
    n, nf = spec["members"], spec["female"]
    est = spec["established"]
    sexes = ["female"] * nf + ["male"] * (n - nf)
    rng.shuffle(sexes)

    # Ethnicity: exactly `count` members of the minority group, the rest Kinh.
    eth = [KINH] * n
    if spec["minority"]:
        code, count = spec["minority"]
        for i in rng.sample(range(n), count):
            eth[i] = code

    # Reserve enough official members of each sex for the positions, then pick
    # the associates among the others.
    board = spec["board"]
    need_f = (board[1] if board else 1) + 1
    need_m = (board[0] - board[1] if board else 0) + 2
    fem = [i for i in range(n) if sexes[i] == "female"]
    mal = [i for i in range(n) if sexes[i] == "male"]
    reserved = set(fem[:need_f] + mal[:need_m])
    pool = [i for i in range(n) if i not in reserved]
    assoc = rng.sample(pool, spec["cap_assoc"] + spec["noncap_assoc"])
    cap_assoc = set(assoc[: spec["cap_assoc"]])
    noncap_assoc = set(assoc[spec["cap_assoc"]:])
    households = set(rng.sample(pool, spec["households"]))

    members = []
    for i in range(n):
        if i in cap_assoc:
            facts = (True, False, False)
        elif i in noncap_assoc:
            facts = (False, not spec["labour"], spec["labour"])
        else:
            facts = (True, not spec["labour"], spec["labour"])
        birth = rand_date(rng, date(1958, 1, 1), date(2002, 12, 31))
        earliest = max(est, add_years(birth, 18))
        joined = est if (i < 7 and earliest == est) else rand_date(rng, earliest, date(2023, 12, 31))
        members.append({
            "id": f"{cid}-M{i + 1:03d}",
            "type": "household" if i in households else "individual",
            "sex": sexes[i],
            "birth_date": birth.isoformat(),
            "ethnicity": eth[i],
            "contributes_capital": facts[0],
            "uses_services": facts[1],
            "contributes_labour": facts[2],
            "capital_vnd": 0,
            "joined": joined.isoformat(),
        })

    official = [i for i in range(n) if i not in cap_assoc and i not in noncap_assoc]
    off_f = [i for i in official if sexes[i] == "female"]
    off_m = [i for i in official if sexes[i] == "male"]
    rng.shuffle(off_f)
    rng.shuffle(off_m)

    positions: list[dict] = []

    def pos(role: str, i: int) -> None:
        positions.append({"role": role, "member": members[i]["id"]})

    if board:
        seats, seats_f = board
        chair = off_f.pop()
        pos("board_chair", chair)
        for _ in range(seats_f - 1):
            pos("board_member", off_f.pop())
        for _ in range(seats - seats_f):
            pos("board_member", off_m.pop())
        hired_director = any(r == "director" for r, _, _ in spec.get("hired", []))
        if spec["chair_director"]:
            pos("director", chair)
        elif not hired_director:
            # A director who sits outside the board; either sex.
            pos("director", (off_m if len(off_m) > 2 else off_f).pop())
        # Supervisory board: a head and one or two members, none on the board.
        sup = off_m + off_f
        rng.shuffle(sup)
        pos("supervisory_head", sup.pop())
        for _ in range(2 if n >= 15 else 1):
            pos("supervisory_member", sup.pop())
    else:
        pos("director", off_f.pop())
        ctl = off_m + off_f
        rng.shuffle(ctl)
        pos("controller", ctl.pop())
    for role, sex, ethnicity in spec.get("hired", []):
        positions.append({"role": role, "sex": sex, "ethnicity": ethnicity})

    # Capital: contributors are official members and capital associates.
    contributors = [i for i in range(n) if members[i]["contributes_capital"]]
    big = spec.get("big_member_pct")
    if big is not None:
        chair_idx = next(int(p["member"][-3:]) - 1 for p in positions if p["role"] == "board_chair")
        contributors.remove(chair_idx)
        contributors.insert(0, chair_idx)
    caps = make_capitals(rng, len(contributors), spec["share"], big)
    for i, c in zip(contributors, caps):
        members[i]["capital_vnd"] = c
    charter = sum(caps)

    coop = {
        "id": cid,
        "name": spec["name"],
        "kind": "cooperative",
        "sector": spec["sector"],
        "province": PROVINCE,
        "district": DISTRICTS[spec["district"]],
        "established": est.isoformat(),
        "charter_capital_vnd": charter,
        "total_capital_vnd": max(spec["total_capital"], charter),
        "annual_revenue_vnd": spec["revenue"],
        "governance": "full" if board else "simplified",
        "general_meeting": "plenary",
    }
    if "circular_type" in spec:
        coop["circular_type"] = spec["circular_type"]
    else:
        coop["ilo_type"] = spec["ilo_type"]
    coop["declared_women_managed"] = True
    coop["members"] = sorted(members, key=lambda m: m["id"])
    coop["positions"] = positions
    coop["employees"] = {"female": spec["employees"][0], "male": spec["employees"][1]}
    return coop


# ---------------------------------------------------------------------------
# Hand-written checks (REFERENCE.md §1, §3, §4), independent of the generator.

BOARD_ROLES = ("board_chair", "board_member")


def kind_of(m: dict) -> str:
    uses = m["uses_services"] or m["contributes_labour"]
    if m["contributes_capital"] and uses:
        return "official"
    if m["contributes_capital"]:
        return "associate_capital"
    if uses:
        return "associate_noncapital"
    raise AssertionError(f"{m['id']}: no kind")


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_micro_2024(c: dict, n_official: int) -> bool:
    """Decree 113/2024 for agriculture (the only sector whose small threshold is
    confirmed): small needs >= 50 official members AND (revenue >= 2 bn OR
    capital >= 1 bn). Circular 01/2020 by members gives micro < 50 too."""
    assert c["sector"] == AGRI, f"{c['id']}: size class of simplified cooperative not determinable"
    small = n_official >= 50 and (c["annual_revenue_vnd"] >= 2 * BN or c["total_capital_vnd"] >= 1 * BN)
    return not small


def failures_2023(c: dict) -> set[str]:
    failed = set()
    members = c["members"]
    ids = {m["id"] for m in members}
    assert len(ids) == len(members), f"{c['id']}: duplicate member ids"
    n_official = sum(kind_of(m) == "official" for m in members)
    if n_official < 5:
        failed.add("members.minimum")
    for m in members:
        assert m["type"] in ("individual", "household"), m["id"]
        assert m["sex"] in ("female", "male") and m["ethnicity"], m["id"]
        birth, joined = date.fromisoformat(m["birth_date"]), date.fromisoformat(m["joined"])
        if age_on(birth, AS_OF) < 18:
            failed.add("members.individual_age")
        assert age_on(birth, joined) >= 18, f"{m['id']}: joined before 18"
        assert c["established"] <= m["joined"] < "2024-01-01", m["id"]
        assert (m["capital_vnd"] > 0) == m["contributes_capital"], m["id"]
    charter = c["charter_capital_vnd"]
    if sum(m["capital_vnd"] for m in members) != charter:
        failed.add("capital.sum_matches_charter")
    if any(m["capital_vnd"] * 100 > 30 * charter for m in members):
        failed.add("capital.member_cap")
    roles = [p["role"] for p in c["positions"]]
    for p in c["positions"]:
        if "member" in p:
            assert p["member"] in ids, p
            holder = next(m for m in members if m["id"] == p["member"])
            assert kind_of(holder) == "official", f"{c['id']}: {p['role']} held by an associate"
    if c["governance"] == "full":
        if not all(r in roles for r in ("board_chair", "director", "supervisory_head")):
            failed.add("governance.required_posts")
        seats = sum(r in BOARD_ROLES for r in roles)
        if not 3 <= seats <= 15:
            failed.add("governance.board_size")
        # nobody both on the board and on the supervisory board
        board = {p.get("member") for p in c["positions"] if p["role"] in BOARD_ROLES}
        sup = {p.get("member") for p in c["positions"] if p["role"].startswith("supervisory")}
        assert not board & sup, c["id"]
    else:
        if not ("director" in roles and roles.count("controller") == 1):
            failed.add("governance.required_posts")
        if any(r in BOARD_ROLES or r.startswith("supervisory") for r in roles):
            failed.add("governance.required_posts")
        if not is_micro_2024(c, n_official):
            failed.add("governance.structure_allowed")
    if c["general_meeting"] != "plenary":
        failed.add("meeting.delegates_allowed")
    return failed


def women_managed_default(c: dict) -> bool:
    sex = {m["id"]: m["sex"] for m in c["members"]}
    for p in c["positions"]:
        if p["role"] in ("board_chair", "director"):
            s = sex.get(p["member"]) if "member" in p else p.get("sex")
            if s == "female":
                return True
    return False


def check(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["cooperatives"], "top level must be {'cooperatives': [...]}"
    coops = data["cooperatives"]
    assert [c["id"] for c in coops] == sorted(c["id"] for c in coops)
    got = dict(
        cooperatives=len(coops),
        members=sum(len(c["members"]) for c in coops),
        members_female=sum(m["sex"] == "female" for c in coops for m in c["members"]),
        board_female=sum(
            1
            for c in coops
            for p in c["positions"]
            if p["role"] in BOARD_ROLES
            and next(m for m in c["members"] if m["id"] == p["member"])["sex"] == "female"
        ),
        coops_with_minority_member=sum(any(m["ethnicity"] != KINH for m in c["members"]) for c in coops),
    )
    assert got == FIGURES, f"figures off: {got} != {FIGURES}"
    assert 390 <= got["members"] <= 399
    board_seats = sum(p["role"] in BOARD_ROLES for c in coops for p in c["positions"])
    assert board_seats > got["board_female"], "boards need men too"
    assert 2 * got["members_female"] < got["members"], "women must be a minority of members"
    for c in coops:
        assert c["kind"] == "cooperative" and c["province"] == PROVINCE
        assert c["declared_women_managed"] is True and women_managed_default(c), c["id"]
        assert {m["ethnicity"] for m in c["members"]} <= {KINH, HRE, CO, XO_DANG}
        assert c["total_capital_vnd"] >= c["charter_capital_vnd"]
        assert all(isinstance(c[k], int) for k in ("charter_capital_vnd", "total_capital_vnd",
                                                   "annual_revenue_vnd"))
    fails = {c["id"]: f for c in coops if (f := failures_2023(c))}
    assert fails == INTENDED_FAILURES, f"2023 failures {fails} != intended {INTENDED_FAILURES}"
    big = next(c for c in coops if c["id"] == "QN08")
    assert max(m["capital_vnd"] for m in big["members"]) * 100 == 35 * big["charter_capital_vnd"]
    got["board_seats"] = board_seats
    return got


def main() -> int:
    rng = random.Random(2024)
    coops = [make_coop(rng, s) for s in sorted(SPECS, key=lambda s: s["id"])]
    with OUT.open("w", encoding="utf-8") as f:
        json.dump({"cooperatives": coops}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    got = check(OUT)
    print(f"wrote {OUT.name}: " + ", ".join(f"{k}={v}" for k, v in got.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
