"""An admin's rate sheet import over HTTP: POST /v1/admin/rate-sheets with the workbook and its
mapping as multipart/form-data. A dry run reports and diffs without writing; an apply writes and
swaps the snapshot, so the next quote is priced on the sheet; everyone else is refused."""
from __future__ import annotations

import copy
import http.client
import signal
from decimal import Decimal

import pytest

from conftest import add_user, run_cli, start_server, SOURCE
from rate_sheet_upload import broken_workbook, form, mapping_bytes, raised_workbook, MAPPING
from test_desk_api import REQUEST, error_name

PATH = "/v1/admin/rate-sheets"


@pytest.fixture(scope="module")
def sheet_desk(tmp_path_factory):
    """A server on a rate database of its own: these tests write to it."""
    folder = tmp_path_factory.mktemp("sheet_desk")
    rates_db = folder / "rates.db"
    run_cli("rates", "import", str(SOURCE / "rates" / "sample"), "--db", str(rates_db))
    desk_db = folder / "desk.db"
    tokens = {role: add_user(desk_db, role, f"{role} user") for role in ("staff", "admin")}
    tokens["customer"] = add_user(desk_db, "customer", "Acme buyer", "ACME-DE")
    server = start_server(rates_db, desk_db)
    server.tokens = tokens
    server.folder = folder
    yield server
    server.stop(signal.SIGKILL)


def upload(desk, parts: dict, dry_run="true", token="admin", query=""):
    body, content_type = form(parts)
    path = f"{PATH}?dry_run={dry_run}{query}" if dry_run is not None else PATH
    return desk.request("POST", path, body, desk.tokens.get(token, token),
                        headers={"Content-Type": content_type})


def best_option(desk) -> dict:
    """The best option for the demo shipment, priced in the rate line's own currency."""
    request = copy.deepcopy(REQUEST)
    del request["currency"]
    r = desk.request("POST", "/v1/inquiries", request, desk.tokens["staff"])
    assert r.status == 201, r.body
    return r.json()["result"]["bookingOptions"][0]


def weight_line(option) -> dict:
    return next(line for line in option["price"]["ratelines"] if line["kind"] == "weight")


def money(m) -> Decimal:
    return Decimal(m["amount"])


@pytest.fixture(scope="module")
def priced(sheet_desk):
    """The best option before any import and a workbook raising its rate line by 1.00 per kg
    from 2027-01-01 (the quote ships 2027-01-14)."""
    before = best_option(sheet_desk)
    line_id = before["rateSheet"]["lineId"]
    workbook = sheet_desk.folder / "raised.xlsx"
    raised_workbook(workbook, line_id, Decimal("1.00"), "2027-01-01", "W26B")
    return before, line_id, workbook.read_bytes()


def test_dry_run_reports_the_diff_and_writes_nothing(sheet_desk, priced):
    before, line_id, workbook = priced
    snapshot = sheet_desk.request("GET", "/v1/health").json()["rateSnapshot"]
    r = upload(sheet_desk, {"workbook": workbook, "mapping": MAPPING})
    assert r.status == 200, r.body
    result = r.json()
    assert result["dryRun"] is True and result["ok"] is True and result["written"] is False
    assert result["errors"] == [] and result["summary"]["increased"] == 1
    line = next(l for l in result["lines"] if l["change"] == "increased")
    assert line["previous_line_id"] == line_id
    assert all(i["change"] == "+1.00" for i in line["items"]), line["items"]
    assert [e["line_id"] for e in result["ended"]] == [line_id]
    assert result["ended"][0]["valid_to"] == "2026-12-31"
    assert result["rateSnapshot"] == snapshot
    # Nothing written: the same price on the same snapshot.
    after = best_option(sheet_desk)
    assert after["price"]["sellTotal"] == before["price"]["sellTotal"]
    assert after["rateSheet"]["lineId"] == line_id
    assert sheet_desk.request("GET", "/v1/health").json()["rateSnapshot"] == snapshot


def test_everyone_but_an_admin_is_refused(sheet_desk, priced):
    _, _, workbook = priced
    parts = {"workbook": workbook, "mapping": MAPPING}
    assert upload(sheet_desk, parts, token="").status == 401
    assert upload(sheet_desk, parts, token="cqt_" + "0" * 40).status == 401
    for role in ("staff", "customer"):
        r = upload(sheet_desk, parts, dry_run="false", token=role)
        assert r.status == 403 and error_name(r) == "forbidden", r.body
        # A forged role in the query or in the form changes nothing: the token decides.
        r = upload(sheet_desk, {**parts, "role": b"admin"}, dry_run="false", token=role,
                   query="&role=admin")
        assert r.status == 403, r.body


def test_bad_uploads_get_4xx_with_a_clear_code_and_the_server_keeps_serving(sheet_desk, priced):
    _, _, workbook = priced
    admin = sheet_desk.tokens["admin"]
    cases = [
        ({"workbook": b"PK\x03\x04 not really a zip", "mapping": MAPPING}, 400,
         "workbook_unreadable", "workbook"),
        ({"workbook": b"<html>hello</html>", "mapping": MAPPING}, 400, "workbook_unreadable",
         "workbook"),
        ({"workbook": workbook, "mapping": b"{\"sheet\": "}, 400, "invalid_json", "mapping"),
        ({"workbook": workbook, "mapping": b"[1, 2]"}, 400, None, "mapping"),
        ({"workbook": workbook, "mapping": mapping_bytes(columns={"colour": "Airline"})}, 400,
         None, "mapping/columns"),
        ({"mapping": MAPPING}, 400, "missing_field", "workbook"),
        ({"workbook": workbook}, 400, "missing_field", "mapping"),
    ]
    for parts, status, name, field in cases:
        r = upload(sheet_desk, parts, dry_run="false")
        assert r.status == status, (parts.keys(), r.body)
        err = r.json()["error"]
        assert name is None or err["name"] == name, err
        assert err["field"].startswith(field), err
        assert "/tmp" not in err["message"], err  # the server's temporary file stays its own
    r = sheet_desk.request("POST", PATH + "?dry_run=false", {"workbook": "x"}, admin)
    assert r.status == 415, r.body
    r = upload(sheet_desk, {"workbook": workbook, "mapping": MAPPING}, dry_run="perhaps")
    assert r.status == 400 and r.json()["error"]["field"] == "dry_run"
    assert sheet_desk.request("GET", "/v1/health").status == 200


def test_an_upload_over_32_mib_gets_413(sheet_desk):
    body, content_type = form({"workbook": b"\0" * (32 << 20), "mapping": MAPPING})
    conn = http.client.HTTPConnection("127.0.0.1", sheet_desk.port, timeout=60)
    try:
        conn.request("POST", PATH + "?dry_run=true", body=body,
                     headers={"Authorization": f"Bearer {sheet_desk.tokens['admin']}",
                              "Content-Type": content_type})
        r = conn.getresponse()
        status, payload = r.status, r.read()
    finally:
        conn.close()
    assert status == 413, payload[:300]
    # The ordinary 1 MiB limit still holds everywhere else.
    r = sheet_desk.request("POST", "/v1/inquiries", b'{"pad": "' + b"x" * (1 << 20) + b'"}',
                           sheet_desk.tokens["staff"])
    assert r.status == 413
    assert sheet_desk.request("GET", "/v1/health").status == 200


def test_a_failed_apply_changes_nothing(sheet_desk, priced):
    before, line_id, _ = priced
    snapshot = sheet_desk.request("GET", "/v1/health").json()["rateSnapshot"]
    broken = sheet_desk.folder / "broken.xlsx"
    broken_workbook(broken, line_id)
    r = upload(sheet_desk, {"workbook": broken.read_bytes(), "mapping": MAPPING},
               dry_run="false")
    assert r.status == 422, r.body
    result = r.json()
    assert result["ok"] is False and result["written"] is False
    assert "Tariff!I5" in [e["location"] for e in result["errors"]], result["errors"]
    assert any("+45" in e["message"] for e in result["errors"]), result["errors"]
    assert result["rateSnapshot"] == snapshot
    assert sheet_desk.request("GET", "/v1/health").json()["rateSnapshot"] == snapshot
    assert best_option(sheet_desk)["price"]["sellTotal"] == before["price"]["sellTotal"]


def test_apply_prices_the_next_quote_on_the_new_sheet(sheet_desk, priced):
    before, line_id, workbook = priced
    snapshot = sheet_desk.request("GET", "/v1/health").json()["rateSnapshot"]
    r = upload(sheet_desk, {"workbook": workbook, "mapping": MAPPING}, dry_run="false")
    assert r.status == 200, r.body
    result = r.json()
    assert result["written"] is True and result["summary"]["increased"] == 1
    assert result["rateSnapshot"] != snapshot
    assert sheet_desk.request("GET", "/v1/health").json()["rateSnapshot"] == \
        result["rateSnapshot"]

    after = best_option(sheet_desk)
    assert after["rateSheet"]["version"] == "W26B"
    assert after["rateSheet"]["lineId"] != line_id
    # By hand: the weight charge is the chargeable weight at the break's rate, now 1.00 dearer;
    # the margin takes its percent of that too, and nothing else moves.
    old, new = weight_line(before), weight_line(after)
    kg = Decimal(old["quantity"]["value"])
    assert Decimal(new["quantity"]["value"]) == kg
    assert money(new["rate"]) == money(old["rate"]) + Decimal("1.00")
    assert money(new["amount"]) == money(old["amount"]) + kg
    percent = Decimal(before["price"]["margin"]["percent"])
    expected = money(before["price"]["sellTotal"]) + kg * (1 + percent / 100)
    assert money(after["price"]["sellTotal"]) == expected.quantize(Decimal("0.01"))

    # The same sheet again would overlap the line it just wrote: refused, nothing changes.
    again = upload(sheet_desk, {"workbook": workbook, "mapping": MAPPING}, dry_run="false")
    assert again.status == 422 and again.json()["errors"], again.body
    assert sheet_desk.request("GET", "/v1/health").json()["rateSnapshot"] == \
        result["rateSnapshot"]
