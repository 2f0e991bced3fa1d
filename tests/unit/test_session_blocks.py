"""Parking sessions stored by columns (store/session_blocks.py, the writer
store.writers.activity.upsert_sessions, the readers of store.readers.activity): the layout,
its checks, and the merge that keeps re-imports idempotent and closes open sessions, on
sessions written by hand (times are local wall-clock seconds, stays in seconds, -1 = open)."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.store import session_blocks as blocks
from observatoire_commerce.store.readers import activity as readers
from observatoire_commerce.store.schema.activity import key_uuid
from observatoire_commerce.store.writers.activity import upsert_sessions

from ..conftest import validate_gpkg

P1 = "11111111-1111-4111-8111-111111111111"
P2 = "22222222-2222-4222-8222-222222222222"


def s(text: str) -> int:
    """Local wall-clock seconds since 1970 of ``YYYY-MM-DD HH:MM[:SS]``."""
    return pd.Timestamp(text).value // 1_000_000_000


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("blocks") / "template.gpkg"
    observatory.create_observatory(path, "Blocks")
    return path


@pytest.fixture
def path(template, tmp_path):
    out = tmp_path / "b.gpkg"
    shutil.copy(template, out)
    return out


@pytest.fixture
def conn(path):
    conn = observatory.open_observatory(path)
    yield conn
    conn.close()


def write(conn, uuids, sessions, tickets=False):
    """``sessions``: (car park index, entry text, stay s, amount or None, rank[, ticket])."""
    rows = list(sessions)
    with gpkg.transaction(conn):
        return upsert_sessions(
            conn, uuids, np.array([r[0] for r in rows]), np.array([s(r[1]) for r in rows]),
            np.array([r[4] for r in rows]), np.array([r[2] for r in rows]),
            np.array([np.nan if r[3] is None else r[3] for r in rows], dtype=float),
            np.array([r[5] for r in rows], dtype=object) if tickets else None)


def stored(conn):
    return [tuple(r) for r in readers.session_rows(conn).itertuples(index=False)]


def block_rows(conn):
    return [dict(r) for r in conn.execute(
        "SELECT uuid, parking_uuid, month, sessions, open_sessions, first_entry, last_entry, "
        "amount, tickets, updated_at FROM parking_session_blocks ORDER BY parking_uuid, month")]


# ---------------------------------------------------------------------------------------------
# the layout
# ---------------------------------------------------------------------------------------------

def test_months_and_labels():
    entries = np.array([s("1970-01-01 00:00"), s("1969-12-31 23:59:59"), s("2024-03-31 23:59"),
                        s("1900-01-01 00:00")])
    assert blocks.months(entries).tolist() == [0, -1, 650, -840]
    assert blocks.month_labels(np.array([0, -1, 650])) == ["1970-01", "1969-12", "2024-03"]
    assert blocks.month_number("2024-03") == 650


def test_encode_decode_round_trip():
    entry = np.array([s("2024-03-04 08:00"), s("2024-03-04 08:00"), s("2024-03-05 23:30")])
    stay = np.array([1200, -1, 4500])
    values = blocks.encode(entry, stay, np.array([1.5, np.nan, 2.25]),
                           np.array(["T-é1", None, "T3"], dtype=object))
    row = dict(zip(blocks.VALUE_COLUMNS, values), fid=1, parking_uuid=P1, month="2024-03")
    assert (row["sessions"], row["open_sessions"], row["first_entry"], row["last_entry"]) == (
        3, 1, "2024-03-04T08:00:00", "2024-03-05T23:30:00")
    assert len(row["entry_s"]) == 24 and len(row["stay_s"]) == 12 and len(row["amount"]) == 24
    assert json.loads(row["tickets"]) == ["T-é1", None, "T3"]
    assert row["checksum"] == blocks.checksum(row["entry_s"], row["stay_s"], row["amount"])
    back = blocks.decode(row, with_tickets=True)
    assert back.entry_s.tolist() == entry.tolist()
    assert back.stay_s.tolist() == [1200, -1, 4500]
    np.testing.assert_array_equal(back.amount, [1.5, np.nan, 2.25])
    assert back.tickets.tolist() == ["T-é1", None, "T3"]
    # no amount and no ticket at all: NULL columns
    bare = blocks.encode(entry, stay, np.full(3, np.nan), np.full(3, None, dtype=object))
    row = dict(zip(blocks.VALUE_COLUMNS, bare), fid=2, parking_uuid=P1, month="2024-03")
    assert (row["amount"], row["tickets"]) == (None, None)
    back = blocks.decode(row, with_tickets=True)
    assert (back.amount, back.tickets) == (None, None)


@pytest.mark.parametrize("damage", ["byte", "length", "checksum", "tickets"])
def test_decode_refuses_a_damaged_block(damage):
    entry = np.array([s("2024-03-04 08:00"), s("2024-03-04 09:00")])
    values = blocks.encode(entry, np.array([60, 120]), np.array([1.0, 2.0]),
                           np.array(["a", "b"], dtype=object))
    row = dict(zip(blocks.VALUE_COLUMNS, values), fid=7, parking_uuid=P1, month="2024-03")
    if damage == "byte":
        row["stay_s"] = row["stay_s"][:-1] + b"\x01"
    elif damage == "length":
        row["sessions"] = 3
    elif damage == "checksum":
        row["checksum"] += 1
    else:
        row["tickets"] = '["a"]'
    with pytest.raises(blocks.SessionBlockError, match=(
            r"parking_session_blocks, row fid 7 \(car park 1111.*, month 2024-03\): its arrays "
            r"do not match their length or checksum .* Delete the row and import the sessions "
            r"of that car park and month again")):
        blocks.decode(row, with_tickets=True)


def test_ranks_and_keys():
    park = np.array([0, 0, 0, 0, 1, 1])
    entry = np.array([10, 10, 10, 11, 10, 10])
    ticket = np.array([0, 0, 3, 0, 0, 0])
    rank = blocks.ranks(park, entry, ticket)
    assert rank.tolist() == [0, 1, 0, 0, 0, 1]
    packed = blocks.session_keys(park, entry, ticket, rank)
    assert np.argsort(packed, kind="stable").tolist() == np.lexsort(
        (rank, ticket, entry, park)).tolist()
    assert len(set(packed.tolist())) == 6
    # ranges too wide for one int64: the dense rank orders and tells apart the same way
    wide = blocks.session_keys(park * (1 << 40), entry * (1 << 20), ticket, rank)
    assert wide.tolist() == np.argsort(np.argsort(packed)).tolist()


def test_ticket_codes_share_one_scale():
    a, b = blocks.ticket_codes(np.array(["x", None, "y"], dtype=object),
                               np.array(["y", "z", None], dtype=object))
    assert a[0] != a[2] and a[1] == 0 and b[2] == 0
    assert b[0] == a[2] and b[1] not in (a[0], a[2], 0)


# ---------------------------------------------------------------------------------------------
# the writer and the readers
# ---------------------------------------------------------------------------------------------

def test_blocks_by_car_park_and_month(conn, path):
    added = write(conn, [P1, P2], [
        (0, "2024-01-31 23:30", 5400, 3.0, 0),      # leaves in February: January's block
        (0, "2024-02-01 08:00", 600, None, 0),
        (0, "2024-02-01 08:00", -1, None, 1),       # open, same second: rank 1
        (1, "2024-02-10 10:00", 3600, 2.5, 0),
    ])
    assert added == (4, 0)
    rows = block_rows(conn)
    assert [(r["parking_uuid"], r["month"], r["sessions"], r["open_sessions"], r["first_entry"],
             r["last_entry"]) for r in rows] == [
        (P1, "2024-01", 1, 0, "2024-01-31T23:30:00", "2024-01-31T23:30:00"),
        (P1, "2024-02", 2, 1, "2024-02-01T08:00:00", "2024-02-01T08:00:00"),
        (P2, "2024-02", 1, 0, "2024-02-10T10:00:00", "2024-02-10T10:00:00")]
    assert rows[0]["uuid"] == key_uuid("parking_sessions", P1, "2024-01")
    assert rows[1]["amount"] is None and all(r["tickets"] is None for r in rows)
    assert stored(conn) == [
        (P1, None, "2024-01-31T23:30:00", "2024-02-01T01:00:00", 90.0, 3.0),
        (P1, None, "2024-02-01T08:00:00", "2024-02-01T08:10:00", 10.0, None),
        (P1, None, "2024-02-01T08:00:00", None, None, None),
        (P2, None, "2024-02-10T10:00:00", "2024-02-10T11:00:00", 60.0, 2.5)]
    assert readers.session_count(conn) == 4
    frame = readers.parking_sessions(conn)
    assert list(frame["parking_uuid"]) == [P1, P1, P1, P2]
    ns = 1_000_000_000
    assert frame["entry"].tolist() == [s("2024-01-31 23:30") * ns, s("2024-02-01 08:00") * ns,
                                       s("2024-02-01 08:00") * ns, s("2024-02-10 10:00") * ns]
    assert frame["exit"].tolist()[2] == np.iinfo(np.int64).min
    window = readers.parking_sessions(conn, "2024-02-01", "2024-02-01")
    assert len(window) == 2 and set(window["parking_uuid"]) == {P1}
    assert len(readers.session_rows(conn, P2)) == 1
    conn.close()
    validate_gpkg(path)


def test_reimport_adds_nothing_and_writes_nothing(conn):
    sessions = [(0, "2024-03-04 08:00", 1200, 1.0, 0), (0, "2024-03-04 11:00", -1, None, 0)]
    write(conn, [P1], sessions)
    before = block_rows(conn)
    assert write(conn, [P1], sessions) == (0, 0)
    assert block_rows(conn) == before  # updated_at too: the block was not rewritten


def test_later_export_closes_by_rank_and_keeps_the_first_exit(conn):
    write(conn, [P1], [(0, "2024-03-04 11:00", 1800, None, 0),
                       (0, "2024-03-04 11:00", -1, None, 1),
                       (0, "2024-03-04 12:00", -1, 4.0, 0)])
    # the later export: the open one of 11:00 ends at 13:00 with an amount, the one of 12:00
    # ends without an amount (the stored amount stays), the complete one differs (kept as is)
    assert write(conn, [P1], [(0, "2024-03-04 11:00", 1500, None, 0),
                              (0, "2024-03-04 11:00", 7200, 6.0, 1),
                              (0, "2024-03-04 12:00", 600, None, 0),
                              (0, "2024-03-05 09:00", 60, None, 0)]) == (1, 2)
    assert stored(conn) == [
        (P1, None, "2024-03-04T11:00:00", "2024-03-04T11:30:00", 30.0, None),
        (P1, None, "2024-03-04T11:00:00", "2024-03-04T13:00:00", 120.0, 6.0),
        (P1, None, "2024-03-04T12:00:00", "2024-03-04T12:10:00", 10.0, 4.0),
        (P1, None, "2024-03-05T09:00:00", "2024-03-05T09:01:00", 1.0, None)]
    assert block_rows(conn)[0]["open_sessions"] == 0


def test_tickets_identify_sessions_whatever_the_other_tickets(conn):
    """T2 is open; the later export also holds T1, entering in the same second: T2 is closed
    and T1 added (a rank over the second would have mistaken one for the other)."""
    write(conn, [P1], [(0, "2024-03-04 10:00", -1, None, 0, "T2")], tickets=True)
    assert write(conn, [P1], [(0, "2024-03-04 10:00", 1800, 1.5, 0, "T1"),
                              (0, "2024-03-04 10:00", 3600, 3.0, 0, "T2")],
                 tickets=True) == (1, 1)
    assert sorted(stored(conn), key=lambda r: r[1]) == [
        (P1, "T1", "2024-03-04T10:00:00", "2024-03-04T10:30:00", 30.0, 1.5),
        (P1, "T2", "2024-03-04T10:00:00", "2024-03-04T11:00:00", 60.0, 3.0)]
    # the same file again, then a file without ticket ids: added beside them
    assert write(conn, [P1], [(0, "2024-03-04 10:00", 1800, 1.5, 0, "T1")],
                 tickets=True) == (0, 0)
    assert write(conn, [P1], [(0, "2024-03-04 10:00", 1800, 1.5, 0)]) == (1, 0)
    assert readers.session_count(conn) == 3


def test_sessions_added_to_a_stored_block_keep_it_ordered(conn):
    write(conn, [P1, P2], [(0, "2024-03-04 10:00", 60, None, 0),
                           (1, "2024-03-04 10:00", 60, None, 0)])
    # another import, car parks listed the other way round, into the stored block and a new one
    assert write(conn, [P2, P1], [(1, "2024-03-04 09:00", 120, None, 0),
                                  (1, "2024-03-04 10:00", 60, None, 0),
                                  (1, "2024-03-04 10:00", 300, None, 1),
                                  (1, "2024-04-01 00:00", 30, None, 0)]) == (3, 0)
    rows = stored(conn)
    assert [(r[0], r[2], r[4]) for r in rows] == [
        (P1, "2024-03-04T09:00:00", 2.0), (P1, "2024-03-04T10:00:00", 1.0),
        (P1, "2024-03-04T10:00:00", 5.0), (P1, "2024-04-01T00:00:00", 0.5),
        (P2, "2024-03-04T10:00:00", 1.0)]
    # rank 1 of 10:00 is now the stored 5-minute stay: the same file again adds nothing
    assert write(conn, [P1], [(0, "2024-03-04 10:00", 300, None, 1)]) == (0, 0)


def test_readers_refuse_a_block_edited_by_hand(conn):
    write(conn, [P1], [(0, "2024-03-04 10:00", 60, None, 0)])
    with gpkg.transaction(conn):
        conn.execute("UPDATE parking_session_blocks SET stay_s = zeroblob(4)")
    with pytest.raises(blocks.SessionBlockError, match="month 2024-03"):
        readers.parking_sessions(conn)
    with pytest.raises(blocks.SessionBlockError, match="month 2024-03"):
        write(conn, [P1], [(0, "2024-03-05 10:00", 60, None, 0)])


def test_writer_refuses_duplicate_keys_and_car_parks(conn):
    with pytest.raises(ValueError, match="same key"):
        write(conn, [P1], [(0, "2024-03-04 10:00", 60, None, 0),
                           (0, "2024-03-04 10:00", 90, None, 0)])
    with pytest.raises(ValueError, match="distinct"):
        write(conn, [P1, P1], [(0, "2024-03-04 10:00", 60, None, 0)])
    assert readers.session_count(conn) == 0


def test_import_two_names_of_one_car_park_make_one_block(conn, tmp_path):
    """A file naming a car park by its id on some rows and by its name on others: one car
    park, one block, ranks over both; a later export closes the open session."""
    from observatoire_commerce.ingest.importers.parking_sessions import import_parking_sessions
    from observatoire_commerce.store import geometry

    with gpkg.transaction(conn):
        conn.execute("INSERT INTO parkings (uuid, parking_id, name, kind, capacity, imported_at, "
                     "geom) VALUES (?, '86194-P-001', 'Parking A', 'off_street', 10, "
                     "'2024-01-01', ?)", (P1, geometry.encode_point(0, 0, 2154)))
    first = tmp_path / "first.csv"
    first.write_text("parking_id,entry,exit\nParking A,2024-03-04 10:00,2024-03-04 10:30\n"
                     "86194-P-001,2024-03-04 10:00,\n", encoding="utf-8")
    result = import_parking_sessions(conn, first)
    assert (result.added, result.counts["open_sessions"]) == ({"parking_sessions": 2}, 1)
    assert [(r["parking_uuid"], r["month"], r["sessions"], r["open_sessions"])
            for r in block_rows(conn)] == [(P1, "2024-03", 2, 1)]
    later = tmp_path / "later.csv"
    later.write_text("parking_id,entry,exit\n86194-P-001,2024-03-04 10:00,2024-03-04 10:30\n"
                     "parking a ,2024-03-04 10:00,2024-03-04 12:00\n", encoding="utf-8")
    result = import_parking_sessions(conn, later)
    assert (result.added, result.updated, result.unchanged) == (
        {"parking_sessions": 0}, {"parking_sessions": 1}, {"parking_sessions": 1})
    assert [r[3:5] for r in stored(conn)] == [("2024-03-04T10:30:00", 30.0),
                                              ("2024-03-04T12:00:00", 120.0)]


def test_overlapping_exports_merge_like_one(conn):
    """400 ticketed sessions over 3 car parks and 2 months, many entering in the same second,
    imported as 4 overlapping exports in which some sessions are still open: the blocks end up
    holding every session once, closed, as one import of the whole set writes them; and the
    exports again add nothing."""
    rng = np.random.default_rng(7)
    n = 400
    park = rng.integers(0, 3, n)
    entry = s("2024-03-30 00:00") + rng.integers(0, 4, n) * 86400 + rng.integers(0, 30, n) * 60
    stay = rng.integers(0, 20000, n)
    amount = np.where(rng.random(n) < 0.3, np.nan, np.round(rng.random(n) * 10, 2))
    ticket = np.array([f"T{i:04d}" for i in rng.permutation(n)], dtype=object)
    uuids = [P1, P2, "33333333-3333-4333-8333-333333333333"]

    def export(index, open_mask):
        st = np.where(open_mask, -1, stay[index])
        am = np.where(open_mask, np.nan, amount[index])
        with gpkg.transaction(conn):
            return upsert_sessions(conn, uuids, park[index], entry[index], np.zeros(len(index)),
                                   st, am, ticket[index])

    parts = [rng.permutation(n)[:k] for k in (150, 200, 250, n)]
    added = closed = 0
    for i, index in enumerate(parts):
        a, c = export(index, rng.random(len(index)) < (0.3 if i < 3 else 0.0))
        added, closed = added + a, closed + c
    assert added == n and closed > 0
    merged = stored(conn)
    assert all(r[3] is not None for r in merged)  # the last export closed every session
    assert [export(index, np.zeros(len(index), dtype=bool)) for index in parts] == [(0, 0)] * 4
    with gpkg.transaction(conn):
        conn.execute("DELETE FROM parking_session_blocks")
    assert export(np.arange(n), np.zeros(n, dtype=bool)) == (n, 0)
    once = stored(conn)
    key = lambda r: (r[0], r[2], r[1])  # noqa: E731
    assert sorted(merged, key=key) == sorted(once, key=key)
    assert len(once) == n and len({r[1] for r in once}) == n
