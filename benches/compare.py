#!/usr/bin/env python3
"""Computes the contract indicators grouped by province x sector with coopkit,
polars and pandas on the same generated CSV folder, in the same run; checks
that all three give the same numbers; prints a table of times and ratios.

    python benches/compare.py --dir target/registry [--as-of 2024-12-31] [--repeat 5]

Each engine runs in its own process (so peak memory is its own). coopkit runs
through `target/release/query` (build it with
`cargo build -p coopkit-benches --release --bins`).

The semantics are those of coopkit's engine (see crates/coopkit/src/indicators/mod.rs):
per cooperative, a count that needs an attribute is taken from a member list
only when every current member who is a person has it; otherwise the
cooperative does not contribute (an organisation's recorded ethnic group
counts; whether a cooperative has a minority member follows
classify.has_minority_member: any member without a recorded group leaves
"no" open). Lists win over summaries. Dates compare as
ISO strings.

`women_managed` follows coopkit's `chair_or_director` rule: with a positions
list, a woman holds the board chair or the director post on the date (unknown
when none is known to and a holder's sex is unknown); without one, the
summary's chair_female OR director_female, three-valued.
"""

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

COUNT = ["cooperatives", "members", "members_female", "members_minority", "board_seats", "board_female",
         "coops_with_minority_member", "women_managed", "jobs_female"]
PAIRS = ["members_female_share", "members_minority_share", "official_members_female_share",
         "members_gender_parity", "board_female_share", "management_female_share",
         "coops_with_minority_member_share", "women_managed_share", "director_female_share"]
SKIP = set()

STR = ["id", "cooperative_id", "province", "district", "ethnicity", "member", "sex", "kind", "type", "role",
       "established", "birth_date", "joined", "left", "start", "end", "name", "sector", "nationality"]


def peak_rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


# ---------------------------------------------------------------- polars

def polars_load(d):
    import polars as pl
    ov = {c: pl.Utf8 for c in STR}
    coops = pl.read_csv(os.path.join(d, "cooperatives.csv"), schema_overrides=ov)
    members = pl.read_csv(os.path.join(d, "members.csv"), schema_overrides=ov)
    positions = pl.read_csv(os.path.join(d, "positions.csv"), schema_overrides=ov)
    return coops, members, positions


def polars_compute(frames, as_of):
    import polars as pl
    # Lazy, so polars can plan, fuse and parallelise the whole query.
    coops, members, positions = (f.lazy() for f in frames)
    c = pl.col
    cur = members.filter((c("joined").is_null() | (c("joined") <= as_of)) & (c("left").is_null() | (c("left") > as_of)))
    person = c("type").is_in(["individual", "household"])
    part = (pl.when((c("uses_services") == True) | (c("contributes_labour") == True)).then(True)  # noqa: E712
            .when((c("uses_services") == False) & (c("contributes_labour") == False)).then(False)  # noqa: E712
            .otherwise(None))
    derived = (pl.when((c("contributes_capital") == True) & (part == True)).then(pl.lit("official"))  # noqa: E712
               .when((c("contributes_capital") == True) & (part == False)).then(pl.lit("associate_capital"))  # noqa: E712
               .when((c("contributes_capital") == False) & (part == True)).then(pl.lit("associate_noncapital"))  # noqa: E712
               .otherwise(None))
    kind = pl.coalesce(c("kind"), derived)
    female = person & (c("sex") == "female")
    sex_gap = person & c("sex").is_null()
    official = kind == "official"
    lab = c("contributes_labour")
    m = cur.group_by("cooperative_id").agg(
        pl.len().alias("m_n"),
        female.sum().alias("m_f"),
        (person & (c("sex") == "male")).sum().alias("m_m"),
        (c("ethnicity").is_not_null() & (c("ethnicity") != "01")).sum().alias("m_min"),
        official.fill_null(False).sum().alias("m_off"),
        (official.fill_null(False) & female).sum().alias("m_off_f"),
        (female & (lab == True)).fill_null(False).sum().alias("m_jobs"),  # noqa: E712
        sex_gap.any().alias("g_sex"),
        (person & c("ethnicity").is_null()).any().alias("g_eth"),
        c("ethnicity").is_null().any().alias("g_eth_any"),
        kind.is_null().any().alias("g_kind"),
        (official.fill_null(False) & sex_gap).any().alias("g_off_sex"),
        ((sex_gap & (lab.is_null() | (lab == True))) | (female & lab.is_null())).any().alias("g_jobs"),  # noqa: E712
    )
    held = positions.filter(
        (c("start").is_null() | (c("start") <= as_of)) & (c("end").is_null() | (c("end") > as_of))
        & c("role").is_in(["board_chair", "board_member", "director"]))
    # Only members who hold a post are needed (the first with that id, as coopkit does).
    holders = (members.select(c("cooperative_id"), c("id").alias("member"), c("sex").alias("m_sex"))
               .join(held.select("cooperative_id", "member").unique(), on=["cooperative_id", "member"], how="semi")
               .unique(["cooperative_id", "member"], keep="first", maintain_order=True))
    held = held.join(holders, on=["cooperative_id", "member"], how="left")
    hsex = pl.when(c("member").is_null()).then(c("sex")).otherwise(c("m_sex"))
    seat = c("role") != "director"
    p = held.with_columns(hsex.alias("hs")).group_by("cooperative_id").agg(
        seat.sum().alias("seats"),
        (seat & (c("hs") == "female")).sum().alias("seats_f"),
        (seat & c("hs").is_null()).any().alias("g_seats"),
        pl.len().alias("posts"),
        (c("hs") == "female").sum().alias("posts_f"),
        c("hs").is_null().any().alias("g_posts"),
        ((c("role") == "board_chair") & (c("hs") == "female")).any().alias("chair_f"),
        ((c("role") == "director") & (c("hs") == "female")).any().alias("dir_f"),
        (c("role") == "director").any().alias("dir_any"),
        ((c("role") == "director") & c("hs").is_null()).any().alias("g_dir"),
        ((c("role").is_in(["board_chair", "director"])) & c("hs").is_null()).any().alias("g_cd"),
    )
    k = (coops.filter(c("established").is_null() | (c("established") <= as_of))
         .rename({"id": "cooperative_id"})
         .join(m, on="cooperative_id", how="left").join(p, on="cooperative_id", how="left"))
    lst = c("members_listed") == True  # noqa: E712
    pos = c("positions_listed") == True  # noqa: E712
    z = lambda n: c(n).fill_null(0)  # noqa: E731
    g = lambda n: c(n).fill_null(False)  # noqa: E731
    sm = c("summary_members")
    smf = c("summary_members_female")
    members_n = pl.when(lst).then(z("m_n")).otherwise(sm)
    female_n = pl.when(lst).then(pl.when(g("g_sex")).then(None).otherwise(z("m_f"))).otherwise(smf)
    male_n = pl.when(lst).then(pl.when(g("g_sex")).then(None).otherwise(z("m_m"))).otherwise(
        pl.when(sm >= smf).then(sm - smf).otherwise(None))
    minority_n = pl.when(lst).then(pl.when(g("g_eth")).then(None).otherwise(z("m_min"))).otherwise(
        c("summary_members_minority"))
    off_ok = pl.when(lst).then(~(g("g_kind") | g("g_off_sex"))).otherwise(
        c("summary_official_members").is_not_null() & c("summary_official_members_female").is_not_null())
    off_f = pl.when(lst).then(z("m_off_f")).otherwise(c("summary_official_members_female"))
    off_n = pl.when(lst).then(z("m_off")).otherwise(c("summary_official_members"))
    jobs = pl.when(lst & ~g("g_jobs") & c("employees_female").is_not_null()).then(
        z("m_jobs") + c("employees_female")).otherwise(None)
    has_min = pl.when(lst).then(pl.when(z("m_min") > 0).then(1).when(g("g_eth_any")).then(None).otherwise(0)).otherwise(
        (c("summary_members_minority") > 0).cast(pl.Int64))
    seats = pl.when(pos).then(z("seats")).otherwise(c("summary_board_seats"))
    seats_f = pl.when(pos).then(pl.when(g("g_seats")).then(None).otherwise(z("seats_f"))).otherwise(
        pl.when(c("summary_board_seats").is_not_null()).then(c("summary_board_female")).otherwise(None))
    sdf = c("summary_director_female").cast(pl.Int64)
    s_ok = c("summary_board_seats").is_not_null() & c("summary_board_female").is_not_null() & sdf.is_not_null()
    mg_ok = pl.when(pos).then(~g("g_posts")).otherwise(s_ok)
    mg_f = pl.when(pos).then(z("posts_f")).otherwise(c("summary_board_female") + sdf)
    mg_n = pl.when(pos).then(z("posts")).otherwise(c("summary_board_seats") + 1)
    # women-managed, chair_or_director (for timing parity only)
    wm = pl.when(pos).then(
        pl.when(g("chair_f") | g("dir_f")).then(1).when(g("g_cd")).then(None).otherwise(0)).otherwise(
        pl.when((c("summary_chair_female") == True) | (c("summary_director_female") == True)).then(1)  # noqa: E712
        .when(c("summary_chair_female").is_not_null() & c("summary_director_female").is_not_null()).then(0)
        .otherwise(None))
    # director_female_share: a woman director settles it; an unknown holder or
    # no director leaves it open. Without positions, the summary's flag.
    dfs = pl.when(pos).then(
        pl.when(g("dir_f")).then(1).when(g("g_dir") | ~g("dir_any")).then(None).otherwise(0)).otherwise(sdf)
    k = k.with_columns(
        dfs.alias("dfs"),
        members_n.alias("members_n"), female_n.alias("female_n"), male_n.alias("male_n"),
        minority_n.alias("minority_n"), off_ok.alias("off_ok"), off_f.alias("off_f"), off_n.alias("off_n"),
        jobs.alias("jobs"), has_min.alias("has_min"), seats.alias("seats_n"), seats_f.alias("seats_fn"),
        mg_ok.alias("mg_ok"), mg_f.alias("mg_f"), mg_n.alias("mg_n"), wm.alias("wm"))
    both = c("female_n").is_not_null() & c("members_n").is_not_null()
    rep = both & c("mg_ok")

    def cnt(expr, name):
        return [expr.sum().alias(name + ".n"), expr.is_not_null().sum().alias(name + ".c"),
                expr.is_null().sum().alias(name + ".x")]

    def pair(ok, num, den, name):
        return [pl.when(ok).then(num).otherwise(0).sum().alias(name + ".n"),
                pl.when(ok).then(den).otherwise(0).sum().alias(name + ".d"),
                ok.fill_null(False).sum().alias(name + ".c"), (~ok.fill_null(False)).sum().alias(name + ".x")]

    aggs = [pl.len().alias("cooperatives.n"), pl.len().alias("cooperatives.c"), pl.lit(0).alias("cooperatives.x")]
    aggs += cnt(c("members_n"), "members") + cnt(c("female_n"), "members_female")
    aggs += cnt(c("minority_n"), "members_minority")
    aggs += pair(both, c("female_n"), c("members_n"), "members_female_share")
    aggs += pair(c("minority_n").is_not_null() & c("members_n").is_not_null(), c("minority_n"), c("members_n"),
                 "members_minority_share")
    aggs += pair(c("off_ok"), c("off_f"), c("off_n"), "official_members_female_share")
    aggs += pair(c("female_n").is_not_null() & c("male_n").is_not_null(), c("female_n"), c("male_n"),
                 "members_gender_parity")
    aggs += cnt(c("seats_n"), "board_seats") + cnt(c("seats_fn"), "board_female")
    aggs += pair(c("seats_fn").is_not_null(), c("seats_fn"), c("seats_n"), "board_female_share")
    aggs += pair(c("mg_ok"), c("mg_f"), c("mg_n"), "management_female_share")
    aggs += cnt(c("has_min"), "coops_with_minority_member")
    aggs += pair(c("has_min").is_not_null(), c("has_min"), pl.lit(1), "coops_with_minority_member_share")
    aggs += cnt(c("wm"), "women_managed") + pair(c("wm").is_not_null(), c("wm"), pl.lit(1), "women_managed_share")
    aggs += cnt(c("jobs"), "jobs_female")
    aggs += pair(c("dfs").is_not_null(), c("dfs"), pl.lit(1), "director_female_share")
    aggs += [pl.when(rep).then(c("mg_f")).otherwise(0).sum().alias("rep.mf"),
             pl.when(rep).then(c("mg_n")).otherwise(0).sum().alias("rep.mn"),
             pl.when(rep).then(c("female_n")).otherwise(0).sum().alias("rep.f"),
             pl.when(rep).then(c("members_n")).otherwise(0).sum().alias("rep.n"),
             rep.fill_null(False).sum().alias("rep.c")]
    out = k.group_by(["province", "sector"]).agg(aggs).collect()
    return out.to_dicts()


# ---------------------------------------------------------------- pandas

def pandas_load(d):
    import pandas as pd
    dt = {c: "string" for c in STR}
    coops = pd.read_csv(os.path.join(d, "cooperatives.csv"), dtype=dt)
    members = pd.read_csv(os.path.join(d, "members.csv"), dtype=dt)
    positions = pd.read_csv(os.path.join(d, "positions.csv"), dtype=dt)
    return coops, members, positions


def _b(s):
    """A nullable boolean column from whatever read_csv made of it."""
    import pandas as pd
    if s.dtype == bool:
        return s.astype("boolean")
    return s.map({True: True, False: False, "true": True, "false": False, "True": True, "False": False}).astype(
        "boolean") if s.dtype == object else s.astype("boolean")


def pandas_compute(frames, as_of):
    import numpy as np
    import pandas as pd
    coops, members, positions = frames
    m = members
    cur = m[(m["joined"].isna() | (m["joined"] <= as_of)).fillna(False)
            & (m["left"].isna() | (m["left"] > as_of)).fillna(False)]
    person = cur["type"].isin(["individual", "household"]).to_numpy()
    sex = cur["sex"]
    female = person & (sex == "female").fillna(False).to_numpy()
    male = person & (sex == "male").fillna(False).to_numpy()
    sex_gap = person & sex.isna().to_numpy()
    eth = cur["ethnicity"]
    eth_gap = person & eth.isna().to_numpy()
    minority = (~eth.isna() & (eth != "01")).fillna(False).to_numpy()
    eth_gap_any = eth.isna().to_numpy()
    cap, srv, lab = _b(cur["contributes_capital"]), _b(cur["uses_services"]), _b(cur["contributes_labour"])
    part = pd.Series(pd.NA, index=cur.index, dtype="boolean")
    part[((srv == True) | (lab == True)).fillna(False)] = True  # noqa: E712
    part[((srv == False) & (lab == False)).fillna(False)] = False  # noqa: E712
    derived = pd.Series(pd.NA, index=cur.index, dtype="string")
    derived[((cap == True) & (part == True)).fillna(False)] = "official"  # noqa: E712
    derived[((cap == True) & (part == False)).fillna(False)] = "associate_capital"  # noqa: E712
    derived[((cap == False) & (part == True)).fillna(False)] = "associate_noncapital"  # noqa: E712
    kind = cur["kind"].fillna(derived)
    official = (kind == "official").fillna(False).to_numpy()
    labt = (lab == True).fillna(False).to_numpy()  # noqa: E712
    labn = lab.isna().to_numpy()
    f = pd.DataFrame({
        "cooperative_id": cur["cooperative_id"].to_numpy(),
        "m_n": 1, "m_f": female, "m_m": male, "m_min": minority, "m_off": official,
        "m_off_f": official & female, "m_jobs": female & labt,
        "g_sex": sex_gap, "g_eth": eth_gap, "g_eth_any": eth_gap_any, "g_kind": kind.isna().to_numpy(),
        "g_off_sex": official & sex_gap, "g_jobs": (sex_gap & (labn | labt)) | (female & labn),
    })
    agg = f.groupby("cooperative_id", sort=False).agg(
        m_n=("m_n", "sum"), m_f=("m_f", "sum"), m_m=("m_m", "sum"), m_min=("m_min", "sum"),
        m_off=("m_off", "sum"), m_off_f=("m_off_f", "sum"), m_jobs=("m_jobs", "sum"),
        g_sex=("g_sex", "any"), g_eth=("g_eth", "any"), g_eth_any=("g_eth_any", "any"), g_kind=("g_kind", "any"),
        g_off_sex=("g_off_sex", "any"), g_jobs=("g_jobs", "any"))
    p = positions
    held = p[((p["start"].isna() | (p["start"] <= as_of)).fillna(False)
              & (p["end"].isna() | (p["end"] > as_of)).fillna(False)
              & p["role"].isin(["board_chair", "board_member", "director"]))]
    # Only members who hold a post are needed (the first with that id, as coopkit does).
    keys = held[["cooperative_id", "member"]].dropna().drop_duplicates()
    holders = members[["cooperative_id", "id", "sex"]].rename(columns={"id": "member", "sex": "m_sex"}).merge(
        keys, on=["cooperative_id", "member"], how="inner").drop_duplicates(["cooperative_id", "member"])
    held = held.merge(holders, on=["cooperative_id", "member"], how="left")
    hs = held["sex"].where(held["member"].isna(), held["m_sex"])
    seat = (held["role"] != "director").to_numpy()
    hf = (hs == "female").fillna(False).to_numpy()
    hn = hs.isna().to_numpy()
    role = held["role"].to_numpy()
    pf = pd.DataFrame({
        "cooperative_id": held["cooperative_id"].to_numpy(), "seats": seat, "seats_f": seat & hf,
        "g_seats": seat & hn, "posts": 1, "posts_f": hf, "g_posts": hn,
        "chair_f": (role == "board_chair") & hf, "dir_f": (role == "director") & hf,
        "dir_any": role == "director", "g_dir": (role == "director") & hn,
        "g_cd": np.isin(role, ["board_chair", "director"]) & hn})
    pa = pf.groupby("cooperative_id", sort=False).agg(
        seats=("seats", "sum"), seats_f=("seats_f", "sum"), g_seats=("g_seats", "any"), posts=("posts", "sum"),
        posts_f=("posts_f", "sum"), g_posts=("g_posts", "any"), chair_f=("chair_f", "any"),
        dir_f=("dir_f", "any"), g_cd=("g_cd", "any"), dir_any=("dir_any", "any"), g_dir=("g_dir", "any"))
    k = coops[(coops["established"].isna() | (coops["established"] <= as_of)).fillna(False)]
    k = k.rename(columns={"id": "cooperative_id"}).merge(agg, on="cooperative_id", how="left").merge(
        pa, on="cooperative_id", how="left")

    def num(col):
        return pd.to_numeric(k[col], errors="coerce").astype("Float64")

    def flag(col):
        return k[col].fillna(False).astype(bool).to_numpy()

    def zf(col):
        return k[col].fillna(0).astype("int64").astype("Float64")

    na = pd.NA
    lst = (_b(k["members_listed"]) == True).fillna(False).to_numpy()  # noqa: E712
    pos = (_b(k["positions_listed"]) == True).fillna(False).to_numpy()  # noqa: E712
    sm, smf = num("summary_members"), num("summary_members_female")

    def pick(cond, a, b):
        return a.where(cond, b)

    out = pd.DataFrame({"province": k["province"].to_numpy(), "sector": k["sector"].to_numpy()})
    members_n = pick(lst, zf("m_n"), sm)
    female_n = pick(lst, zf("m_f").mask(flag("g_sex"), na), smf)
    male_n = pick(lst, zf("m_m").mask(flag("g_sex"), na), (sm - smf).mask((sm < smf).fillna(True), na))
    minority_n = pick(lst, zf("m_min").mask(flag("g_eth"), na), num("summary_members_minority"))
    off_ok = np.where(lst, ~(flag("g_kind") | flag("g_off_sex")),
                      (num("summary_official_members").notna() & num("summary_official_members_female").notna()))
    off_f = pick(lst, zf("m_off_f"), num("summary_official_members_female"))
    off_n = pick(lst, zf("m_off"), num("summary_official_members"))
    ef = num("employees_female")
    jobs = (zf("m_jobs") + ef).mask(~(lst & ~flag("g_jobs") & ef.notna().to_numpy()), na)
    smm = num("summary_members_minority")
    has_min_list = pd.Series(np.where(zf("m_min") > 0, 1.0, 0.0), index=k.index).astype("Float64").mask(
        (zf("m_min") == 0).to_numpy() & flag("g_eth_any"), na)
    has_min = pick(lst, has_min_list, (smm > 0).astype("Float64"))
    sbs, sbf = num("summary_board_seats"), num("summary_board_female")
    seats = pick(pos, zf("seats"), sbs)
    seats_f = pick(pos, zf("seats_f").mask(flag("g_seats"), na), sbf.mask(sbs.isna(), na))
    sdf = _b(k["summary_director_female"]).astype("Float64")
    scf = _b(k["summary_chair_female"])
    mg_ok = np.where(pos, ~flag("g_posts"), (sbs.notna() & sbf.notna() & sdf.notna()).to_numpy())
    mg_f = pick(pos, zf("posts_f"), sbf + sdf)
    mg_n = pick(pos, zf("posts"), sbs + 1)
    wm_pos = pd.Series(np.where(flag("chair_f") | flag("dir_f"), 1.0, 0.0), index=k.index).astype("Float64").mask(
        ~(flag("chair_f") | flag("dir_f")) & flag("g_cd"), na)
    sdb = _b(k["summary_director_female"])
    wm_sum = pd.Series(np.where(((scf == True) | (sdb == True)).fillna(False), 1.0, 0.0),  # noqa: E712
                       index=k.index).astype("Float64").mask(
        ~((scf == True) | (sdb == True)).fillna(False).to_numpy() & (scf.isna() | sdb.isna()).to_numpy(), na)  # noqa: E712
    wm = pick(pos, wm_pos, wm_sum)
    cols = {}

    def cnt(s, name):
        cols[name + ".n"] = s.fillna(0).to_numpy()
        cols[name + ".c"] = s.notna().to_numpy().astype(int)
        cols[name + ".x"] = s.isna().to_numpy().astype(int)

    def pair(ok, a, b, name):
        ok = np.asarray(ok, dtype=bool)
        cols[name + ".n"] = np.where(ok, a.fillna(0).to_numpy(dtype=float), 0)
        cols[name + ".d"] = np.where(ok, b.fillna(0).to_numpy(dtype=float) if hasattr(b, "fillna") else b, 0)
        cols[name + ".c"] = ok.astype(int)
        cols[name + ".x"] = (~ok).astype(int)

    n = len(k)
    cols["cooperatives.n"] = np.ones(n, dtype=int)
    cols["cooperatives.c"] = np.ones(n, dtype=int)
    cols["cooperatives.x"] = np.zeros(n, dtype=int)
    cnt(members_n, "members")
    cnt(female_n, "members_female")
    cnt(minority_n, "members_minority")
    both = (female_n.notna() & members_n.notna()).to_numpy()
    pair(both, female_n, members_n, "members_female_share")
    pair((minority_n.notna() & members_n.notna()).to_numpy(), minority_n, members_n, "members_minority_share")
    pair(off_ok, off_f, off_n, "official_members_female_share")
    pair((female_n.notna() & male_n.notna()).to_numpy(), female_n, male_n, "members_gender_parity")
    cnt(seats, "board_seats")
    cnt(seats_f, "board_female")
    pair(seats_f.notna().to_numpy(), seats_f, seats, "board_female_share")
    pair(mg_ok, mg_f, mg_n, "management_female_share")
    cnt(has_min, "coops_with_minority_member")
    pair(has_min.notna().to_numpy(), has_min, 1, "coops_with_minority_member_share")
    cnt(wm, "women_managed")
    pair(wm.notna().to_numpy(), wm, 1, "women_managed_share")
    cnt(jobs, "jobs_female")
    dfs_pos = pd.Series(np.where(flag("dir_f"), 1.0, 0.0), index=k.index).astype("Float64").mask(
        ~flag("dir_f") & (flag("g_dir") | ~flag("dir_any")), na)
    dfs = pick(pos, dfs_pos, sdf)
    pair(dfs.notna().to_numpy(), dfs, 1, "director_female_share")
    rep = both & np.asarray(mg_ok, dtype=bool)
    cols["rep.mf"] = np.where(rep, mg_f.fillna(0).to_numpy(dtype=float), 0)
    cols["rep.mn"] = np.where(rep, mg_n.fillna(0).to_numpy(dtype=float), 0)
    cols["rep.f"] = np.where(rep, female_n.fillna(0).to_numpy(dtype=float), 0)
    cols["rep.n"] = np.where(rep, members_n.fillna(0).to_numpy(dtype=float), 0)
    cols["rep.c"] = rep.astype(int)
    out = pd.concat([out, pd.DataFrame(cols)], axis=1)
    res = out.groupby(["province", "sector"], sort=False).sum().reset_index()
    return res.to_dict("records")


# ---------------------------------------------------------------- comparison

def normalise(rows):
    """(province, sector, indicator) -> (numerator, denominator, contributing, not_contributing, value)."""
    out = {}
    for r in rows:
        key = (str(r["province"]), str(r["sector"]))
        for ind in COUNT + PAIRS:
            n = int(r[ind + ".n"])
            d = int(r[ind + ".d"]) if ind + ".d" in r else None
            out[key + (ind,)] = (n, d, int(r[ind + ".c"]), int(r[ind + ".x"]))
        mf, mn, f, n = (int(r["rep." + x]) for x in ("mf", "mn", "f", "n"))
        val = (mf * n) / (mn * f) if mn and n and f else None
        out[key + ("representation_ratio",)] = (None, None, int(r["rep.c"]), None, val)
    return out


def coopkit_rows(table):
    out = {}
    for r in table["rows"]:
        if r["disaggregation"] is not None:
            continue
        key = (r["province"], r["sector"], r["indicator"])
        if r["indicator"] == "representation_ratio":
            out[key] = (None, None, r["contributing"], None, r["value"])
        else:
            num = r["numerator"] if r["numerator"] is not None else 0
            den = r["denominator"] if r["denominator"] is not None else (0 if r["unit"] != "count" else None)
            out[key] = (num, den, r["contributing"], r["not_contributing"])
    return out


def check(name, ref, other):
    bad = []
    for key, v in ref.items():
        if key[2] in SKIP:
            continue
        w = other.get(key)
        if w is None:
            bad.append((key, v, None))
        elif key[2] == "representation_ratio":
            a, b = v[4], w[4]
            if v[2] != w[2] or (a is None) != (b is None) or (a is not None and not math.isclose(a, b, rel_tol=1e-9)):
                bad.append((key, v, w))
        elif v != w:
            bad.append((key, v, w))
    extra = [k for k in other if k not in ref and k[2] not in SKIP]
    if bad or extra:
        print(f"MISMATCH coopkit vs {name}: {len(bad)} cells differ, {len(extra)} extra", file=sys.stderr)
        for b in bad[:10]:
            print("  ", b, file=sys.stderr)
        for e in extra[:5]:
            print("   extra", e, other[e], file=sys.stderr)
        return False
    return True


def run_engine(engine, d, as_of, repeat, out):
    t = time.perf_counter()
    frames = polars_load(d) if engine == "polars" else pandas_load(d)
    load_s = time.perf_counter() - t
    compute = polars_compute if engine == "polars" else pandas_compute
    times = []
    rows = None
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        rows = compute(frames, as_of)
        times.append(time.perf_counter() - t)
    times.sort()
    with open(out, "w") as f:
        json.dump(rows, f, default=lambda x: x.item() if hasattr(x, "item") else str(x))
    print(json.dumps({"load_s": load_s, "query_s_median": times[len(times) // 2], "query_s_min": times[0],
                      "peak_rss": peak_rss()}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--as-of", default="2024-12-31")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--engine", choices=["polars", "pandas"])
    ap.add_argument("--out")
    ap.add_argument("--skip-pandas", action="store_true")
    ap.add_argument("--shuffled", metavar="DIR",
                    help="the same registry with member rows shuffled (gen --shuffle): coopkit's load of both "
                         "folders, alternating, and the answers compared")
    a = ap.parse_args()
    if a.engine:
        return run_engine(a.engine, a.dir, a.as_of, a.repeat, a.out)
    if a.shuffled:
        return shuffled(a)
    query = os.path.join(ROOT, "target", "release", "query")
    ck_json = os.path.join(a.dir, "coopkit.json")
    res = {}
    res["coopkit"] = json.loads(subprocess.run(
        [query, "--dir", a.dir, "--as-of", a.as_of, "--repeat", str(a.repeat), "--json", ck_json],
        check=True, capture_output=True, text=True).stdout)
    with open(ck_json) as f:
        ref = coopkit_rows(json.load(f))
    ok = True
    for eng in ["polars"] + ([] if a.skip_pandas else ["pandas"]):
        out = os.path.join(a.dir, eng + ".json")
        res[eng] = json.loads(subprocess.run(
            [sys.executable, __file__, "--engine", eng, "--dir", a.dir, "--as-of", a.as_of, "--repeat",
             str(a.repeat), "--out", out], check=True, capture_output=True, text=True).stdout)
        with open(out) as f:
            ok &= check(eng, ref, normalise(json.load(f)))
    ck = res["coopkit"]
    print(f"registry: {ck['cooperatives']} cooperatives and groups, {ck['members']} listed members; "
          f"{ck['rows']} rows ({len(ref)} checked cells)")
    # coopkit's first query at a date classifies every cooperative; later
    # queries at the same date reuse that. The ratio uses the first (cold)
    # query; polars and pandas recompute everything each time (median).
    print(f"{'engine':8} {'load s':>8} {'query s':>9} {'warm s':>8} {'peak MB':>8} {'query ratio':>12} "
          f"{'load ratio':>11}")
    for eng, r in res.items():
        cold = r.get("query_s_first", r["query_s_median"])
        qr = cold / ck["query_s_first"]
        lr = r["load_s"] / ck["load_s"]
        print(f"{eng:8} {r['load_s']:8.3f} {cold:9.4f} {r['query_s_median']:8.4f} {r['peak_rss'] / 2**20:8.0f} "
              f"{qr:11.1f}x {lr:10.2f}x")
    print(f"coopkit columns: {ck['column_bytes'] / 2**20:.0f} MB; resident after load "
          f"{(ck['rss_loaded'] - ck['rss_before_load']) / 2**20:.0f} MB; peak {ck['peak_rss'] / 2**20:.0f} MB "
          f"(peak / columns = {ck['peak_rss'] / max(1, ck['column_bytes']):.2f})")
    print("all three agree" if ok else "ENGINES DISAGREE")
    return 0 if ok else 1


def shuffled(a):
    """coopkit's load of the grouped and the shuffled folder, alternating
    `--repeat` times, and polars' load of the shuffled one; every answer of
    the shuffled folder equal to the grouped one's."""
    query = os.path.join(ROOT, "target", "release", "query")
    loads = {"grouped": [], "shuffled": []}
    tables = {}
    for _ in range(max(1, a.repeat)):
        for name, d in (("grouped", a.dir), ("shuffled", a.shuffled)):
            out = os.path.join(d, "coopkit.json")
            r = json.loads(subprocess.run([query, "--dir", d, "--as-of", a.as_of, "--repeat", "1", "--json", out],
                                          check=True, capture_output=True, text=True).stdout)
            loads[name].append(r["load_s"])
            with open(out) as f:
                tables[name] = coopkit_rows(json.load(f))
    ok = check("coopkit (shuffled rows)", tables["grouped"], tables["shuffled"])
    pl = json.loads(subprocess.run(
        [sys.executable, __file__, "--engine", "polars", "--dir", a.shuffled, "--as-of", a.as_of, "--repeat", "1",
         "--out", os.path.join(a.shuffled, "polars.json")], check=True, capture_output=True, text=True).stdout)
    g, s = sorted(loads["grouped"]), sorted(loads["shuffled"])
    ratios = sorted(x / y for x, y in zip(loads["shuffled"], loads["grouped"]))
    print(f"coopkit load, grouped rows:  best {g[0]:.3f} s, median {g[len(g) // 2]:.3f} s")
    print(f"coopkit load, shuffled rows: best {s[0]:.3f} s, median {s[len(s) // 2]:.3f} s")
    print(f"shuffled / grouped: best-to-best {s[0] / g[0]:.2f}x, pairs {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"polars read_csv of the shuffled folder: {pl['load_s']:.3f} s")
    print("same answers" if ok else "ANSWERS DIFFER")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
