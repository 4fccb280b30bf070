"""Helpers for the rate sheet upload tests: carrier workbooks from the generator the .xlsx
import tests use (tests/rates/xlsx/make_workbooks.py, openpyxl) and multipart/form-data bodies."""
from __future__ import annotations

import csv
import json
import os
import sys
import uuid
from decimal import Decimal
from pathlib import Path

SOURCE = Path(os.environ.get("CARGOQUOTE_SOURCE_DIR", Path(__file__).resolve().parents[3]))
sys.path.insert(0, str(SOURCE / "tests" / "rates" / "xlsx"))
import make_workbooks  # noqa: E402

MAPPING = (SOURCE / "tests" / "rates" / "xlsx" / "carrier_mapping.json").read_bytes()
SAMPLE_RATES = SOURCE / "rates" / "sample" / "rates.csv"
BREAK_COLUMNS = range(7, 15)  # Normal .. +3000 in make_workbooks.carrier_row


def sample_line(line_id: str) -> dict:
    with open(SAMPLE_RATES, newline="") as f:
        for rate in csv.DictReader(f):
            if rate["line_id"] == line_id:
                return rate
    raise KeyError(line_id)


def raised_workbook(path: Path, line_id: str, per_kg: Decimal, starts: str, version: str):
    """One sample line again from `starts`, every weight break `per_kg` dearer (M unchanged), so
    its previous version ends the day before."""
    import datetime

    def edit(rate, row):
        for i in BREAK_COLUMNS:
            if row[i] is not None:
                row[i] = float(Decimal(str(row[i])) + per_kg)
        row[20] = datetime.date.fromisoformat(starts)
        row[23] = version
        return row
    make_workbooks.carrier_workbook(path, [sample_line(line_id)], edit)


def broken_workbook(path: Path, line_id: str):
    """The same line with text in its +45 break cell (column I, the first data row 5)."""
    def edit(rate, row):
        row[8] = "31,90"
        return row
    make_workbooks.carrier_workbook(path, [sample_line(line_id)], edit)


def form(parts: dict) -> tuple[bytes, str]:
    """A multipart/form-data body of `parts` (name -> bytes); returns it and its Content-Type."""
    boundary = "cq" + uuid.uuid4().hex
    out = b""
    for name, data in parts.items():
        filename = "sheet.xlsx" if name == "workbook" else "mapping.json"
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; "
                f"filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                ).encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


def mapping_bytes(**changes) -> bytes:
    document = json.loads(MAPPING)
    document.update(changes)
    return json.dumps(document).encode()
