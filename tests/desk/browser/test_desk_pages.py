"""The desk's web pages in headless chromium: an agent quotes, opens an option, sends and books
the demo shipment (README, `make demo`) and sees it on the KPI page; a customer quotes and books
on /quote and nothing the page loads carries a buy price or margin; a bad inquiry's error sits
beside its field; hostile input stays text. Screenshots go to $CARGOQUOTE_SCREENSHOTS."""
from __future__ import annotations

import json
import re
import urllib.request

import pytest

WAIT = 20
# Keys an agent types from the empty form to the sent quote for the demo shipment (README):
# each character is one keystroke, a chord (Ctrl+Enter) counts its keys.
TAB, ENTER, CTRL = "\ue004", "\ue007", "\ue009"
DEMO_KEYS = [
    "PVG", TAB, "FRA", TAB, "ACME-DE", TAB, "2026-11-26T10:00", TAB,
    "3", TAB, "120", TAB, "80", TAB, "100", TAB, "250",
    (CTRL, ENTER),                    # quote (commodity GEN and the SLA are defaults)
    ENTER,                            # the focused "Send quote" button
]


def keystrokes(sequence) -> int:
    return sum(len(k) for k in sequence)


def wait_for(driver, css, timeout=WAIT):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, css)))


def wait_text(driver, css, pattern, timeout=WAIT):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(
        lambda d: re.search(pattern, d.find_element(By.CSS_SELECTOR, css).text))


def login(driver, desk, token, page):
    driver.get(f"{desk.base}/login?next=/{page}")
    box = wait_for(driver, "#token")
    box.send_keys(desk.tokens[token], ENTER)
    wait_for(driver, "#inquiry, #period, #sheet")


def type_keys(driver, sequence):
    from selenium.webdriver.common.action_chains import ActionChains
    for k in sequence:
        chain = ActionChains(driver)
        if isinstance(k, tuple):
            chain.key_down(k[0]).send_keys(k[1]).key_up(k[0])
        else:
            chain.send_keys(k)
        chain.perform()


def shot(driver, screenshot_dir, name, full=True):
    if full:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        width = driver.get_window_size()["width"]
        driver.set_window_size(width, min(max(800, height + 120), 4000))
    driver.save_screenshot(str(screenshot_dir / f"{name}.png"))


def test_pages_are_static_shells_with_security_headers(desk):
    for path in ("/login", "/desk", "/quote", "/kpis"):
        r = desk.request("GET", path)
        assert r.status == 200, path
        assert r.headers["Content-Type"].startswith("text/html")
        csp = r.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        html = r.body.decode()
        # No inline script: every <script> loads a file from /assets.
        assert all('src="/assets/' in tag for tag in re.findall(r"<script[^>]*>", html)), path
        assert "cdn" not in html.lower() and "http://" not in html and "https://" not in html
    js = desk.request("GET", "/assets/api.js")
    assert js.status == 200 and js.headers["Content-Type"].startswith("text/javascript")
    assert desk.request("GET", "/assets/nope.js").status == 404
    assert desk.request("GET", "/assets/../README.md").status == 404


def test_agent_quotes_sends_and_books_then_sees_kpis(desk, browser, screenshot_dir):
    from selenium.webdriver.common.by import By
    d = browser
    login(d, desk, "staff", "desk")
    shot(d, screenshot_dir, "desk-empty", full=False)
    assert d.switch_to.active_element.get_attribute("id") == "origin"
    type_keys(d, DEMO_KEYS[:-1])
    wait_for(d, "#options tbody tr")
    rows = d.find_elements(By.CSS_SELECTOR, "#options tbody tr")
    assert rows
    # Staff see sell, buy and margin: three amounts in the quote currency.
    assert len(re.findall(r"\d+\.\d\d CNY", rows[0].text)) == 3, rows[0].text
    sell = re.search(r"(\d+\.\d\d) CNY", rows[0].text).group(1)
    buy = re.findall(r"(\d+\.\d\d) CNY", rows[0].text)[1]
    assert d.find_elements(By.CSS_SELECTOR, "svg.chart circle, svg.chart path")
    assert d.find_element(By.ID, "outside-sla").text.count("min_reliability") >= 1
    assert "no_sector_rate" in d.find_element(By.ID, "not-priced").text
    # The last key of the count: the send button has the focus after quoting.
    assert d.switch_to.active_element.get_attribute("id") == "send"
    type_keys(d, DEMO_KEYS[-1:])
    # An option opens to its charge lines, legs and times.
    first = d.find_element(By.CSS_SELECTOR, "details.option[data-rank='1']")
    first.find_element(By.TAG_NAME, "summary").click()
    assert "Weight charge" in first.text and "Sell total" in first.text
    assert re.search(r"[A-Z0-9]{2} \d+ PVG", first.text) and "Cut-off" in first.text
    shot(d, screenshot_dir, "desk-options")
    d.set_window_size(1280, 800)
    wait_for(d, "#quote-text")
    quote_text = d.find_element(By.ID, "quote-text").text
    assert re.search(r"Q-\d{6}", quote_text) and sell in quote_text
    assert buy not in quote_text
    print(f"\nkeystrokes from the empty form to the sent demo quote: {keystrokes(DEMO_KEYS)}, "
          "clicks: 0")
    d.find_element(By.CSS_SELECTOR, "#quote button.book[data-rank='1']").click()
    wait_text(d, "#quote .booked", r"Booked: option 1")
    wait_text(d, "#today tbody", r"booked")
    shot(d, screenshot_dir, "desk-sent-booked")
    d.set_window_size(1280, 800)
    d.get(f"{desk.base}/kpis")
    wait_text(d, "#kpis tbody", r"Ana Agent")
    row = d.find_element(By.CSS_SELECTOR, "#kpis tbody tr").text
    assert re.search(r"Ana Agent 1 1 1 100\.0 %", row), row
    assert re.search(r"\d+s", row), row  # the handling time
    assert d.find_elements(By.CSS_SELECTOR, "#charts svg rect.bar")
    shot(d, screenshot_dir, "kpis")


def _responses(driver):
    """Every network response the page received, with its body (Chrome performance log and
    Network.getResponseBody)."""
    out = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] != "Network.responseReceived":
            continue
        url = msg["params"]["response"]["url"]
        if not url.startswith("http://127.0.0.1"):
            continue
        try:
            body = driver.execute_cdp_cmd("Network.getResponseBody",
                                          {"requestId": msg["params"]["requestId"]})["body"]
        except Exception:  # noqa: BLE001 - a preflight or redirect has no body
            body = None
        out.append((url, body))
    return out


def test_customer_quotes_and_books_and_never_sees_buy_side(desk, browser, screenshot_dir):
    from selenium.webdriver.common.by import By
    d = browser
    d.set_window_size(390, 844)
    login(d, desk, "a", "quote")
    type_keys(d, ["PVG", TAB, "FRA", TAB, "2026-11-26T10:00", TAB,
                  "3", TAB, "120", TAB, "80", TAB, "100", TAB, "250", (CTRL, ENTER)])
    wait_for(d, "#offers .offer-card")
    cards = d.find_elements(By.CSS_SELECTOR, "#offers .offer-card")
    assert re.search(r"\d+\.\d\d CNY", cards[0].text) and re.search(r"CO2e \d+ kg", cards[0].text)
    shot(d, screenshot_dir, "quote-phone")
    d.set_window_size(390, 844)
    cards[0].find_element(By.CSS_SELECTOR, "button.book").click()
    wait_text(d, "#quote .booked", r"Booked")
    wait_text(d, "#history tbody", r"booked")
    shot(d, screenshot_dir, "quote-booked-phone")
    page = d.page_source
    # The staff-only keys, the buy totals and margins of the same shipment (quoted by staff
    # through the API), rate-line and margin ids and another customer appear nowhere.
    forbidden = ["buyTotal", "margin", "lineId", "ACME-DE-PVG-FRA-300", "Q1-PVG-FRA-GEN-W26",
                 "SHA-TEX"]
    staff = desk.request("POST", "/v1/inquiries", token=desk.tokens["staff"], body={
        "schema": "cargoquote.quote_request/1", "shipment": {
            "origin": "PVG", "destination": "FRA", "commodity": "GEN", "customer": "ACME-DE",
            "readyTime": "2026-11-26T10:00", "pieces": [{
                "count": 3, "grossWeight": {"value": "250", "unit": "KGM"},
                "dimensions": {"length": "120", "width": "80", "height": "100", "unit": "CMT"}}]}})
    assert staff.status == 201
    for o in staff.json()["options"]:
        forbidden += [o["buyTotal"]["amount"], o["margin"]["amount"]]
    for word in forbidden:
        assert word not in page, word
    responses = _responses(d)
    api = [(u, b) for u, b in responses if "/v1/" in u]
    assert any("/v1/inquiries" in u for u, _ in api) and any("/book" in u for u, _ in api)
    for url, body in responses:
        if "/v1/" not in url:
            continue  # the static assets (a stylesheet has CSS margins)
        assert body is not None, url
        for word in forbidden:
            assert word not in body, (url, word)


def test_bad_inquiry_shows_the_error_beside_the_field(desk, browser, screenshot_dir):
    from selenium.webdriver.common.by import By
    d = browser
    login(d, desk, "staff", "desk")
    type_keys(d, ["PVG", TAB, "FRA", TAB, TAB, "2026-11-26T10:00", TAB,
                  "1", TAB, "120", TAB, "80", TAB, "100", TAB, "-5", (CTRL, ENTER)])
    wait_for(d, ".field-error")
    kg = d.find_element(By.CSS_SELECTOR, "tbody.pieces tr [data-piece='kg']")
    assert kg.get_attribute("aria-invalid") == "true"
    note = kg.find_element(By.XPATH, "following-sibling::span[@class='field-error']")
    assert note.text
    shot(d, screenshot_dir, "desk-field-error", full=False)
    origin = d.find_element(By.ID, "origin")
    origin.clear()
    origin.send_keys("ZZZ")
    kg.clear()
    kg.send_keys("250", CTRL + ENTER)
    wait_for(d, "#origin + .field-error")
    assert d.find_element(By.ID, "origin").get_attribute("aria-invalid") == "true"
    assert not d.find_elements(By.CSS_SELECTOR, "[data-piece='kg'] + .field-error")


def test_hostile_input_stays_text(desk, browser):
    from selenium.webdriver.common.by import By
    d = browser
    login(d, desk, "staff", "desk")
    hostile = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    d.find_element(By.ID, "customer").send_keys(hostile)
    d.find_element(By.ID, "origin").send_keys("PVG")
    d.find_element(By.ID, "destination").send_keys("FRA")
    row = d.find_element(By.CSS_SELECTOR, "tbody.pieces tr")
    for name, value in (("length", "120"), ("width", "80"), ("height", "100"), ("kg", "250")):
        row.find_element(By.CSS_SELECTOR, f"[data-piece='{name}']").send_keys(value)
    d.find_element(By.ID, "quote-button").click()
    wait_for(d, ".field-error, #options")
    assert d.execute_script("return window.__pwned === undefined")
    assert not d.find_elements(By.CSS_SELECTOR, "main img, main script")
    # Whatever the server echoed back is shown as characters.
    shown = d.find_element(By.TAG_NAME, "main").text
    assert "<IMG SRC=X ONERROR=" in shown.upper()


def test_unauthenticated_pages_go_to_login_and_customers_get_403_on_kpis(desk, browser):
    from selenium.webdriver.support.ui import WebDriverWait
    d = browser
    d.get(f"{desk.base}/desk")
    WebDriverWait(d, WAIT).until(lambda x: "/login" in x.current_url)
    login(d, desk, "a", "kpis")
    wait_text(d, "#status", r"Only staff and admins")


def test_admin_checks_and_applies_a_rate_sheet(browser, screenshot_dir, tmp_path):
    """On a server of its own: applying writes to its rate database."""
    import copy
    import signal
    import sys
    from decimal import Decimal
    from pathlib import Path
    from selenium.webdriver.common.by import By

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
    from rate_sheet_upload import MAPPING, broken_workbook, raised_workbook
    from desk_server_fixture import SOURCE, add_user, run_cli, start_server

    rates_db = tmp_path / "rates.db"
    run_cli("rates", "import", str(SOURCE / "rates" / "sample"), "--db", str(rates_db))
    desk_db = tmp_path / "desk.db"
    tokens = {"admin": add_user(desk_db, "admin", "Ada Admin"),
              "staff": add_user(desk_db, "staff", "Ana Agent")}
    server = start_server(rates_db, desk_db)
    server.tokens = tokens
    try:
        request = {"schema": "cargoquote.quote_request/1",
                   "shipment": {"origin": "PVG", "destination": "FRA", "commodity": "GEN",
                                "readyTime": "2027-01-14T10:00", "customer": "ACME-DE",
                                "pieces": [{"count": 3, "grossWeight": {"value": "250", "unit": "KGM"},
                                            "dimensions": {"length": "120", "width": "80",
                                                           "height": "100", "unit": "CMT"}}]}}
        best = server.request("POST", "/v1/inquiries", copy.deepcopy(request),
                              tokens["staff"]).json()["result"]["bookingOptions"][0]
        workbook = tmp_path / "raised.xlsx"
        raised_workbook(workbook, best["rateSheet"]["lineId"], Decimal("1.00"), "2027-01-01",
                        "W26B")
        mapping = tmp_path / "mapping.json"
        mapping.write_bytes(MAPPING)

        d = browser
        login(d, server, "staff", "desk")
        assert not d.find_element(By.CSS_SELECTOR, 'nav a[href="/rates"]').is_displayed()
        d.execute_script("sessionStorage.clear()")
        login(d, server, "admin", "desk")
        wait_for(d, 'nav a[href="/rates"]').click()
        wait_for(d, "#sheet")
        assert not d.find_element(By.ID, "apply").is_enabled()
        # A sheet with errors: its cells listed, nothing to apply.
        broken = tmp_path / "broken.xlsx"
        broken_workbook(broken, best["rateSheet"]["lineId"])
        d.find_element(By.ID, "workbook").send_keys(str(broken))
        d.find_element(By.ID, "mapping").send_keys(str(mapping))
        d.find_element(By.ID, "check").click()
        assert "Tariff!I5" in wait_for(d, "#errors").text
        wait_text(d, "#status", "errors")
        assert not d.find_element(By.ID, "apply").is_enabled()
        shot(d, screenshot_dir, "rates-errors", full=False)
        d.find_element(By.ID, "workbook").send_keys(str(workbook))
        d.find_element(By.ID, "check").click()
        table = wait_for(d, 'table.diff[data-change="increased"]')
        assert best["rateSheet"]["lineId"] in table.text
        assert "+1.00" in table.text
        wait_text(d, "#status", "clean")
        assert d.find_element(By.ID, "apply").is_enabled()
        shot(d, screenshot_dir, "rates-checked")
        d.find_element(By.ID, "apply").click()
        wait_text(d, "#status", "Applied")
        shot(d, screenshot_dir, "rates-applied", full=False)
        after = server.request("POST", "/v1/inquiries", copy.deepcopy(request),
                               tokens["staff"]).json()["result"]["bookingOptions"][0]
        assert after["rateSheet"]["version"] == "W26B"
    finally:
        server.stop(signal.SIGKILL)
