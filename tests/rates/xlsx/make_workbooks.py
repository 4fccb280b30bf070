"""Writes the .xlsx workbooks the rate-sheet tests read: python3 make_workbooks.py OUT_DIR.
python3 make_workbooks.py --bench ROWS PATH writes the benchmark's sheet of ROWS rate lines.

Ordinary workbooks come from openpyxl; the ones openpyxl cannot write (formulas with cached
values, rich text, inline strings, error cells, the 1904 date system) and the hostile ones are
zipped by hand from their XML parts.
"""

import csv
import datetime
import sys
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def openpyxl_workbook(path):
    """Dates, merged header cells, a second sheet, text in a number column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tariff"
    ws["A1"] = "Q1 tariff, winter"
    ws["A1"].font = Font(bold=True)
    ws.merge_cells("A1:F1")
    ws.append(["Origin", "Dest", "Rates", None, "Valid from", "Since"])
    ws.merge_cells("C2:D2")
    ws.append(["PVG", "FRA", 40.9, 31.9, datetime.date(2026, 10, 1),
               datetime.datetime(2026, 10, 1, 8, 30)])
    ws.append(["HKG", "FRA", "n/a", True, datetime.date(2027, 3, 31), None])
    ws["E4"].number_format = "dd.mm.yyyy"
    ws.append(["CAN", None, 0.1 + 0.2, -12, 46296, "2026-10-01"])
    notes = wb.create_sheet("Notes")
    notes["B3"] = "second sheet"
    wb.save(path)


def hand_zip(path, sheets, shared_strings=None, styles=None, date1904=False):
    """A minimal package: sheets is [(name, sheet XML)], shared_strings the sst XML."""
    names = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
        for i, (name, _) in enumerate(sheets))
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{REL_TYPE}worksheet" '
        f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
    if shared_strings is not None:
        rels += (f'<Relationship Id="rIdS" Type="{REL_TYPE}sharedStrings" '
                 'Target="sharedStrings.xml"/>')
    if styles is not None:
        rels += f'<Relationship Id="rIdT" Type="{REL_TYPE}styles" Target="styles.xml"/>'
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types '
        'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL_TYPE}officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {NS} {REL_NS}>{pr}'
        f"<sheets>{names}</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships '
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
        "</Relationships>",
    }
    for i, (_, xml) in enumerate(sheets):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    if styles is not None:
        parts["xl/styles.xml"] = styles
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def sheet_xml(rows, tail=""):
    return f'<?xml version="1.0"?><worksheet {NS}><sheetData>{rows}</sheetData>{tail}</worksheet>'


STYLES = (f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="2">'
          '<numFmt numFmtId="164" formatCode="&quot;day&quot; 0.00"/>'
          '<numFmt numFmtId="165" formatCode="[$-409]d\\-mmm\\-yy;@"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
          '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
          '<xf numFmtId="165"/><xf numFmtId="22"/></cellXfs></styleSheet>')


def hand_workbooks(out):
    shared = (f'<?xml version="1.0"?><sst {NS} count="3" uniqueCount="3">'
              "<si><t>Origin</t></si>"
              '<si><r><rPr><b/></rPr><t xml:space="preserve">Rate </t></r><r><t>N</t></r>'
              "<rPh><t>ignored</t></rPh></si>"
              "<si><t>GCR</t></si></sst>")
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="inlineStr"><is><t>Inline</t></is></c></row>'
        '<row r="2"><c r="A2"><f>B2*2</f><v>81.8</v></c><c r="B2"><v>40.899999999999999</v></c>'
        '<c r="C2" t="str"><f>"G"&amp;"EN"</f><v>GEN</v></c><c r="D2" t="b"><v>1</v></c>'
        '<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F2"><f>A2+1</f></c></row>'
        '<row r="3"><c r="A3" s="1"><v>46296</v></c><c r="B3" s="2"><v>46296</v></c>'
        '<c r="C3" s="3"><v>46296</v></c><c r="D3" s="4"><v>46296.75</v></c>'
        '<c r="E3"><v>1E-3</v></c><c r="F3" t="s"><v>2</v></c></row>'
        # No r attributes: positions follow the previous row and cell.
        "<row><c><v>1</v></c><c><v>2</v></c></row>")
    hand_zip(out / "cells.xlsx", [("Cells", sheet_xml(rows))], shared, STYLES)
    date_rows = '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44834</v></c></row>'
    hand_zip(out / "dates1904.xlsx", [("D", sheet_xml(date_rows))], None, STYLES, date1904=True)

    # Hostile workbooks.
    (out / "not_a_zip.xlsx").write_text("line_id,carrier\nQ1,PVG\n")
    with zipfile.ZipFile(out / "no_workbook.xlsx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    hand_zip(out / "missing_shared_strings.xlsx",
             [("S", sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))])
    hand_zip(out / "huge_dimension.xlsx",
             [("S", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'
                              '<row r="2000000"><c r="A2000000"><v>1</v></c></row>'))])
    hand_zip(out / "huge_column.xlsx",
             [("S", sheet_xml('<row r="1"><c r="ZZZ1"><v>1</v></c></row>'))])
    hand_zip(out / "merge_bomb.xlsx",
             [("S", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>',
                              '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>'))])
    hand_zip(out / "malformed.xlsx", [("S", sheet_xml('<row r="1"><c r="A1"><v>1</v></row>'))])
    hand_zip(out / "too_deep.xlsx", [("S", sheet_xml("<x>" * 200 + "</x>" * 200))])
    laughs = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t>'
              "</is></c></row></sheetData></worksheet>")
    hand_zip(out / "dtd.xlsx", [("S", laughs)])
    # 64 MB of one repeated row compresses about a thousandfold.
    bomb_rows = '<row r="1"><c r="A1"><v>1</v></c></row>' + " " * (64 << 20)
    hand_zip(out / "bomb.xlsx", [("S", sheet_xml(bomb_rows))])


SAMPLE_RATES = Path(__file__).resolve().parents[3] / "rates" / "sample" / "rates.csv"
CARRIER_HEADERS = ["Airline", "From", "To", "Type", "Item", "Cur.", "Min", "Normal", "+45",
                   "+100", "+250", "+300", "+500", "+1000", "+3000", "Dim factor", "Rounding",
                   "Min kg", "% of N", "% of M", "Effective", "Expiry", "Tariff", "Season"]
BREAK_HEADERS = {"0": "Normal", "45": "+45", "100": "+100", "250": "+250", "300": "+300",
                 "500": "+500", "1000": "+1000", "3000": "+3000"}
CLASS_NAMES = {"GEN": "GCR", "SCR": "SCR", "CLASS": "CLASS"}


def number(text):
    """Numbers as a carrier's spreadsheet holds them: floats, whole numbers as int."""
    if text == "":
        return None
    value = float(text)
    return int(value) if value.is_integer() else value


def carrier_row(rate):
    breaks = dict(b.split(":") for b in rate["breaks"].split())
    row = [rate["carrier"], rate["origin"], rate["destination"], CLASS_NAMES[rate["rate_class"]],
           rate["commodity"] or None, rate["currency"], number(rate["min_charge"])]
    row += [number(breaks.get(w, "")) for w in BREAK_HEADERS]
    row += [number(rate["divisor"]), number(rate["weight_step_kg"]),
            number(rate["min_weight_kg"]), number(rate["class_percent"]),
            number(rate["class_min_percent"]),
            datetime.date.fromisoformat(rate["valid_from"]),
            datetime.date.fromisoformat(rate["valid_to"]), rate["sheet"], rate["version"]]
    return row


def carrier_workbook(path, rates, edit=None):
    """The sample rate lines in a layout of the carrier's own: a cover sheet first, a title and
    group headers above the header row (some merged down into it), breaks as columns, Excel
    dates, GCR for GEN."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Read me"
    cover["A1"] = "Rates subject to change. Fuel and security surcharges apply."
    ws = wb.create_sheet("Tariff")
    ws["A1"] = "Sample carriers: rates per kg"
    ws.merge_cells("A1:X1")
    groups = {"A": "Airline", "B": "From", "C": "To", "D": "Type", "E": "Item", "F": "Cur.",
              "G": "Rates", "P": "Dim factor", "Q": "Rounding", "R": "Min kg", "S": "Class rates",
              "U": "Validity", "W": "Tariff", "X": "Season"}
    for column, text in groups.items():
        ws[f"{column}3"] = text
    ws.merge_cells("G3:O3")
    ws.merge_cells("S3:T3")
    ws.merge_cells("U3:V3")
    for column in "ABCDEFPQRWX":  # one header over two rows
        ws.merge_cells(f"{column}3:{column}4")
    for i, header in enumerate(CARRIER_HEADERS):
        if header not in groups.values():
            ws.cell(row=4, column=i + 1, value=header)
    for rate in rates:
        row = carrier_row(rate)
        if edit:
            row = edit(rate, row)
        if row:
            ws.append(row)
    for row in ws.iter_rows(min_row=5, min_col=21, max_col=22):
        for cell in row:
            cell.number_format = "dd-mmm-yyyy"
    wb.save(path)


def successor_edit(rate, row):
    """The W26 lines again from 2027-03-01 (so each ends its W26 predecessor early), with price
    moves and one lane dropped."""
    if rate["version"] != "W26" or rate["line_id"] == "X2-PVG-FRA-GEN-W26":
        return None
    if rate["line_id"] == "Q1-PVG-FRA-GEN-W26":
        row[6] = 450  # M up 10
        row[7] = 41.2  # N up 0.30
        row[8] = 31.4  # +45 down 0.50
    elif rate["line_id"] == "X4-PVG-FRA-GEN-W26":
        row[7] = round(row[7] + 1, 2)
    elif rate["line_id"] == "Q1-PVG-FRA-SCR-2199-W26":
        row[6] = round(row[6] - 5, 2)
    row[20] = datetime.date(2027, 3, 1)
    row[21] = datetime.date(2027, 10, 31)
    row[23] = "W27"
    return row


def broken_edit(rate, row):
    """Faults a carrier's sheet has: text in a number cell, an unknown airport, a bad class, an
    error value."""
    if rate["line_id"] == "Q1-PVG-FRA-GEN-W26":
        row[8] = "31,90"
    elif rate["line_id"] == "X2-PVG-FRA-GEN-W26":
        row[2] = "XXX"
    elif rate["line_id"] == "X4-PVG-FRA-GEN-W26":
        row[3] = "SPECIAL"
    elif rate["line_id"] == "Q1-PVG-FRA-SCR-2199-W26":
        row[6] = "#N/A"  # openpyxl writes an error cell
    return row


BASIS_NAMES = {"chargeable_kg": "per chg kg", "gross_kg": "per gross kg", "piece": "per piece",
               "shipment": "per AWB", "freight_percent": "% of freight",
               "value_percent": "% of value"}


def surcharge_workbook(path):
    """The sample surcharges as a carrier's "other charges" sheet: its own headers, its own
    names for the bases, Y/N for the margin flag."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Other charges"
    ws.append(["Ref", "Charge", "Description", "Airline", "Orig", "Dest", "Goods", "Per",
               "Amount", "Curr", "Min", "Max", "From date", "To date", "Margin"])
    for s in csv.DictReader(open(SAMPLE_RATES.with_name("surcharges.csv"))):
        ws.append([s["surcharge_id"], s["code"], s["description"], s["carrier"], s["origin"],
                   s["destination"], s["commodity"] or None, BASIS_NAMES[s["basis"]],
                   number(s["rate"]), s["currency"], number(s["min"]), number(s["max"]),
                   datetime.date.fromisoformat(s["valid_from"]),
                   datetime.date.fromisoformat(s["valid_to"]),
                   {"1": "Y", "0": "N", "": None}[s["apply_margin"]]])
    wb.save(path)


def bench_workbook(path, count):
    """`count` SCR lines over the sample's airports and carriers, written as sheet XML directly
    (openpyxl would take minutes for 100,000 rows)."""
    airports = [r["code"] for r in csv.DictReader(open(SAMPLE_RATES.with_name("airports.csv")))]
    carriers = [r["code"] for r in csv.DictReader(open(SAMPLE_RATES.with_name("carriers.csv")))]
    lanes = [(a, b) for a in airports for b in airports if a != b]
    cells = []
    header = ["Airline", "From", "To", "Type", "Item", "Cur.", "Min", "+100", "+300", "+500",
              "+1000", "Effective", "Expiry"]
    cells.append("<row r=\"1\">" + "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>'
        for i, h in enumerate(header)) + "</row>")
    for n in range(count):
        carrier = carriers[n % len(carriers)]
        origin, destination = lanes[(n // len(carriers)) % len(lanes)]
        item = 1000 + n // (len(carriers) * len(lanes))
        r = n + 2
        rate = 20 + n % 17 * 0.35
        texts = [carrier, origin, destination, "SCR", str(item), "USD"]
        row = "".join(f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{t}</t></is></c>'
                      for i, t in enumerate(texts))
        numbers = [150, round(rate, 2), round(rate - 1, 2), round(rate - 2, 2), round(rate - 3, 2)]
        row += "".join(f'<c r="{chr(71 + i)}{r}"><v>{v}</v></c>' for i, v in enumerate(numbers))
        row += f'<c r="L{r}" s="1"><v>46296</v></c><c r="M{r}" s="1"><v>46477</v></c>'
        cells.append(f'<row r="{r}">{row}</row>')
    hand_zip(path, [("Tariff", sheet_xml("".join(cells)))], None, STYLES)


def main():
    if sys.argv[1] == "--bench":
        bench_workbook(Path(sys.argv[3]), int(sys.argv[2]))
        return
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    openpyxl_workbook(out / "openpyxl.xlsx")
    hand_workbooks(out)
    rates = list(csv.DictReader(open(SAMPLE_RATES)))
    carrier_workbook(out / "carrier.xlsx", rates)
    carrier_workbook(out / "carrier_w27.xlsx", rates, successor_edit)
    carrier_workbook(out / "carrier_broken.xlsx", rates, broken_edit)
    surcharge_workbook(out / "surcharges.xlsx")


if __name__ == "__main__":
    main()
