"""The desk's IATA ONE Record API against the real server: ServerInformation, a
BookingOptionRequest priced into BookingOptions (checked against the command line's quote of the
same shipment), a BookingRequest booking one, version negotiation, api:Error for bad input, the
customer boundary, and every @type and property written checked against the ONE Record ontology
(python3-rdflib)."""
from __future__ import annotations

import copy
import datetime as dt
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import SOURCE, run_cli

CARGO = "https://onerecord.iata.org/ns/cargo#"
API = "https://onerecord.iata.org/ns/api#"
CODES = "https://onerecord.iata.org/ns/code-lists/"
LD = {"Content-Type": "application/ld+json", "Accept": "application/ld+json; version=2.2.0"}
ONTOLOGY = SOURCE.parent / "shared" / "reference" / "one-record"


# The demo shipment (3 pieces 120 x 80 x 100 cm at 250 kg, PVG to FRA, ready 10:00 in Shanghai),
# the README's example of a BookingOptionRequest.
BOOKING_OPTION_REQUEST = json.loads(
    (Path(__file__).parent / "booking_option_request.jsonld").read_text())


def post(desk, body, token="a", headers=None):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return desk.request("POST", "/logistics-objects", data, token=desk.tokens[token],
                        headers={**LD, **(headers or {})})


def get(desk, iri_or_path, token="a", headers=None):
    path = iri_or_path.replace(desk.base, "")
    return desk.request("GET", path, token=desk.tokens[token], headers={**LD, **(headers or {})})


def api_error(response) -> dict:
    """The api:Error's one detail (asserting the document's shape and media type)."""
    assert response.headers["Content-Type"].startswith("application/ld+json"), response.headers
    doc = response.json()
    assert doc["@type"] == "api:Error", doc
    (detail,) = doc["api:hasErrorDetail"]
    assert detail["@type"] == "api:ErrorDetail" and detail["api:hasCode"]
    return detail


@pytest.fixture(scope="module")
def requested(desk):
    """The demo BookingOptionRequest posted by customer ACME-DE, and its embedded form."""
    created = post(desk, BOOKING_OPTION_REQUEST)
    assert created.status == 201, created.body
    location_iri = created.headers["Location"]
    assert location_iri.startswith(desk.base + "/logistics-objects/")
    assert created.headers["Type"] == CARGO + "BookingOptionRequest"
    got = get(desk, location_iri + "?embedded=true")
    assert got.status == 200, got.body
    return location_iri, got.json()


def test_server_information(desk):
    r = desk.request("GET", "/", token=desk.tokens["a"], headers={"Accept": "application/ld+json"})
    assert r.status == 200
    assert r.headers["Content-Type"] == "application/ld+json; version=2.2.0"
    doc = r.json()
    assert doc["@type"] == "api:ServerInformation"
    assert doc["api:hasSupportedApiVersion"] == ["2.2.0"]
    assert "https://onerecord.iata.org/ns/cargo/3.2" in doc["api:hasSupportedOntologyVersion"]
    assert doc["api:hasServerEndpoint"] == desk.base
    assert "Last-Modified" in r.headers
    unauthenticated = desk.request("GET", "/", headers={"Accept": "application/ld+json"})
    assert unauthenticated.status == 401
    assert api_error(unauthenticated)["api:hasCode"] == "unauthorized"


def test_options_are_the_command_lines_quote_of_the_same_shipment(desk, rates_db, requested):
    _, bor = requested
    options = bor["cargo:bookingOptions"]
    assert options, bor
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    cli = json.loads(run_cli(
        "quote", "--db", str(rates_db), "--from", "PVG", "--to", "FRA",
        "--piece", "3x120x80x100@250", "--commodity", "GEN", "--ready", "2027-01-14T10:00",
        "--customer", "ACME-DE", "--currency", "EUR", "--date", today, "--json"))
    expected = cli["bookingOptions"]
    assert len(options) == len(expected)
    for option, engine in zip(options, expected):
        price = option["cargo:price"]
        assert Decimal(price["cargo:grandTotal"]) == Decimal(engine["quoted"]["sellTotal"]["amount"])
        assert option["cargo:unitsPreference"]["cargo:currency"]["@id"] == CODES + "CurrencyCode#EUR"
        # The ratings add up to the grand total, exactly.
        assert sum(Decimal(r["cargo:subTotal"]) for r in price["cargo:ratings"]) == \
            Decimal(price["cargo:grandTotal"])
        freight = price["cargo:ratings"][0]
        assert freight["cargo:chargeType"]["@id"] == CODES + "ChargeIdentifier#WT"
        (band,) = freight["cargo:ranges"]
        assert band["cargo:rateClassCode"]["@id"] == \
            CODES + "RateClassCode#" + engine["weightCharge"]["rateClassCode"]
        assert option["cargo:carrier"]["cargo:airlineCode"] == engine["carrier"]["code"]
        legs = option["cargo:transportLegs"]
        assert [leg["cargo:transportIdentifier"] for leg in legs] == \
            [leg["flightNumber"] for leg in engine["transportLegs"]]
        minutes = engine["totalTransitMinutes"]
        h, m = divmod(minutes, 60)
        assert option["cargo:bookingTimes"]["cargo:totalTransitTime"] == \
            (f"PT{h}H{m}M" if m else f"PT{h}H")
        assert option["cargo:offerValidTo"] == engine["offerValidTo"] + "T23:59:59Z"
        assert option["cargo:statusBookingOption"] == {"@id": "cargo:BOOKABLE"}
        co2 = option["cargo:co2Emissions"][0]["cargo:calculatedEmissions"]
        assert abs(float(co2["cargo:numericalValue"]) -
                   engine["assessment"]["criteria"]["co2eKg"]) <= 0.05
    # The ready time is the origin's local time.
    assert bor["cargo:timePreferences"]["cargo:earliestAcceptanceTime"] == \
        "2027-01-14T10:00:00+08:00"


def test_the_same_instant_in_utc_and_other_spellings_quote_the_same(desk, requested):
    _, bor = requested
    expected = [o["cargo:price"]["cargo:grandTotal"] for o in bor["cargo:bookingOptions"]]
    body = copy.deepcopy(BOOKING_OPTION_REQUEST)
    body["cargo:timePreferences"]["cargo:earliestAcceptanceTime"] = "2027-01-14T02:00:00Z"
    # Full IRIs as keys and "@vocab" are the same JSON-LD.
    body["@context"] = {"@vocab": CARGO, "c": CARGO}
    shipment = body.pop("cargo:bookingShipmentDetails")
    body[CARGO + "bookingShipmentDetails"] = shipment
    body["c:transportLegs"] = body.pop("cargo:transportLegs")
    body["timePreferences"] = body.pop("cargo:timePreferences")
    created = post(desk, body)
    assert created.status == 201, created.body
    again = get(desk, created.headers["Location"] + "?embedded=true").json()
    assert [o["cargo:price"]["cargo:grandTotal"] for o in again["cargo:bookingOptions"]] == expected


def test_linked_and_embedded_forms(desk, requested):
    location_iri, embedded = requested
    linked = get(desk, location_iri)
    assert linked.status == 200
    assert linked.headers["Revision"] == "1" and linked.headers["Latest-Revision"] == "1"
    doc = linked.json()
    assert all(set(o) == {"@id"} for o in doc["cargo:bookingOptions"])
    assert set(doc["cargo:bookingShipmentDetails"]) == {"@id"}
    # Each link resolves to the object embedded in its place.
    for link, full in zip(doc["cargo:bookingOptions"], embedded["cargo:bookingOptions"]):
        one = get(desk, link["@id"])
        assert one.status == 200 and one.headers["Type"] == CARGO + "BookingOption"
        body = one.json()
        body.pop("@context")
        assert body == full


def test_booking_request_books_the_option(desk, requested):
    _, bor = requested
    option = bor["cargo:bookingOptions"][0]
    booking_request = {"@context": {"cargo": CARGO}, "@type": "cargo:BookingRequest",
                       "cargo:forBookingOption": {"@id": option["@id"]}}
    created = post(desk, booking_request)
    assert created.status == 201, created.body
    assert created.headers["Type"] == CARGO + "BookingRequest"
    request_doc = get(desk, created.headers["Location"] + "?embedded=true").json()
    booking = request_doc["cargo:booking"]
    assert booking["@type"] == "cargo:Booking"
    assert booking["cargo:bookingStatus"] == {"@id": "cargo:CONFIRMED"}
    booked = get(desk, option["@id"])
    assert booked.json()["cargo:statusBookingOption"] == {"@id": "cargo:BOOKED"}
    assert booked.headers["Revision"] == "2"
    # The same booking through the desk's own API: the quote reference is the shipping ref.
    inquiry = option["@id"].rsplit("/", 1)[1].split("-")[1]
    detail = desk.request("GET", f"/v1/inquiries/{inquiry}", token=desk.tokens["staff"]).json()
    assert detail["quote"]["reference"] == booking["cargo:shippingRefNo"]
    assert detail["status"] == "booked" and detail["channel"] == "self_service"
    # Before the booking, the option was on offer (a historical version).
    before = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=400)
    assert get(desk, option["@id"] + "?at=" + before.strftime("%Y%m%dT%H%M%SZ")).status == 404
    again = post(desk, booking_request)
    assert again.status == 409 and api_error(again)["api:hasCode"] == "conflict"


def test_another_customer_cannot_see_or_book(desk, requested):
    location_iri, bor = requested
    option_iri = bor["cargo:bookingOptions"][-1]["@id"]
    missing = get(desk, "/logistics-objects/bor-999999", token="b")
    for iri in (location_iri, option_iri, location_iri.replace("bor-", "bs-")):
        theirs = get(desk, iri, token="b")
        assert theirs.status == 404
        assert api_error(theirs)["api:hasMessage"] == api_error(missing)["api:hasMessage"]
    booking = post(desk, {"@type": f"{CARGO}BookingRequest",
                          f"{CARGO}forBookingOption": {"@id": option_iri}}, token="b")
    assert booking.status == 404
    # Staff see every customer's objects.
    assert get(desk, location_iri, token="staff").status == 200


def test_no_buy_side_data_in_any_object(desk, requested):
    location_iri, bor = requested
    inquiry = location_iri.rsplit("-", 1)[1]
    staff_view = desk.request("GET", f"/v1/inquiries/{inquiry}", token=desk.tokens["staff"]).json()
    secrets = set()
    for option in staff_view["options"]:
        secrets |= {option["buyTotal"]["amount"], option["margin"]["amount"]}
        secrets |= {line["lineId"] for line in option["rateLines"]}
    text = json.dumps(bor).lower()
    for word in ("buy", "margin", "lineid", "ratesheet"):
        assert word not in text
    for secret in secrets:
        assert f'"{secret.lower()}"' not in text, secret


BAD_REQUESTS = [
    (["cargo:bookingShipmentDetails", "cargo:pieceGroups", 0, "cargo:pieceWeight",
      "cargo:numericalValue"], -5, 400, "negative_quantity", "pieceWeight"),
    (["cargo:transportLegs", 0, "cargo:departureLocation", "cargo:locationCodes", 0, "cargo:code"],
     "XXX", 400, "unknown_airport", None),
    (["cargo:bookingShipmentDetails", "cargo:pieceGroups", 0, "cargo:pieceLength", "cargo:unit"],
     {"@id": f"{CODES}MeasurementUnitCode#INH"}, 400, "invalid_input", "unit"),
    (["cargo:timePreferences", "cargo:earliestAcceptanceTime"], "next Thursday", 400,
     "invalid_date_time", "earliestAcceptanceTime"),
    (["cargo:bookingShipmentDetails", "cargo:pieceGroups"], [], 400, "missing_field",
     "pieceGroups"),
    (["@type"], "cargo:Piece", 400, "invalid_input", None),
]


@pytest.mark.parametrize("path,bad,status,code,prop", BAD_REQUESTS)
def test_bad_booking_option_requests_answer_api_error(desk, path, bad, status, code, prop):
    body = copy.deepcopy(BOOKING_OPTION_REQUEST)
    node = body
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = bad
    r = post(desk, body)
    assert r.status == status, r.body
    detail = api_error(r)
    assert detail["api:hasCode"] == code
    if prop:
        assert detail.get("api:hasProperty") == CARGO + prop, detail
    if code == "unknown_airport":  # the engine's check, in the ONE Record request's terms
        assert "XXX" in detail["api:hasMessage"]


def test_negotiation_and_media_types(desk):
    body = json.dumps(BOOKING_OPTION_REQUEST).encode()
    assert post(desk, body, headers={"Content-Type": "text/plain"}).status == 415
    assert post(desk, body, headers={"Content-Type": "application/ld+json; version=1.2"}).status == 415
    old = get(desk, "/", headers={"Accept": "application/ld+json; version=1.2"})
    assert old.status == 406 and api_error(old)["api:hasCode"] == "not_acceptable"
    either = get(desk, "/", headers={"Accept": "application/ld+json; version=1.2, "
                                               "application/ld+json; version=2.2.0"})
    assert either.status == 200
    assert get(desk, "/", headers={"Accept": "*/*"}).status == 200
    assert post(desk, b"{not json").status == 400
    graph = dict(BOOKING_OPTION_REQUEST, **{"@graph": []})
    assert post(desk, graph).status == 400
    assert get(desk, "/logistics-objects/bor-1?embedded=maybe").status == 400
    assert get(desk, "/logistics-objects/not-an-id").status == 404
    wrong_method = desk.request("DELETE", "/logistics-objects/bor-1", token=desk.tokens["a"])
    assert wrong_method.status == 405 and api_error(wrong_method)


def ontology():
    rdflib = pytest.importorskip("rdflib")
    if not ONTOLOGY.exists():
        message = f"{ONTOLOGY} not found (../shared/reference/one-record beside the clone)"
        if os.environ.get("CARGOQUOTE_REQUIRE_SHARED_DATA") == "1":
            pytest.fail(message + "; CARGOQUOTE_REQUIRE_SHARED_DATA=1 requires it")
        pytest.skip(message)
    graph = rdflib.Graph()
    for name in ("IATA-1R-DM-Ontology.ttl", "ONE-Record-API-Ontology.ttl",
                 "IATA-1R-CL-Ontology.ttl"):
        graph.parse(ONTOLOGY / name)
    return rdflib, graph


def test_every_type_and_property_is_in_the_ontology(desk, requested):
    rdflib, graph = ontology()
    from rdflib.namespace import OWL, RDF, RDFS
    owl_comment = rdflib.URIRef("http://www.w3.org/2002/07/owl#comment")

    def expand(term):
        prefix, _, name = term.partition(":")
        return rdflib.URIRef({"cargo": CARGO, "api": API}[prefix] + name)

    def ancestors(cls):
        seen, todo = set(), [cls]
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            todo += [s for s in graph.objects(c, RDFS.subClassOf) if isinstance(s, rdflib.URIRef)]
        return seen

    def allowed(prop, cls):
        for c in ancestors(cls):
            for restriction in graph.objects(c, RDFS.subClassOf):
                if (restriction, OWL.onProperty, prop) in graph:
                    return True
            if (prop, RDFS.domain, c) in graph:
                return True
            local = str(c).split("#")[-1]
            if (prop, owl_comment, rdflib.Literal(f"Domain :{local}", lang="en")) in graph:
                return True
        return False

    # Every object the server writes: the request, its options, shipment, booking and errors.
    location_iri, bor = requested
    inquiry = location_iri.rsplit("-", 1)[1]
    documents = [bor, get(desk, "/").json(),
                 get(desk, f"/logistics-objects/breq-{inquiry}?embedded=true").json(),
                 get(desk, f"/logistics-objects/booking-{inquiry}").json(),
                 api_error_doc(desk)]
    checked = 0
    for doc in documents:
        for node in nodes(doc):
            cls = expand(node["@type"])
            assert (cls, RDF.type, OWL.Class) in graph, node["@type"]
            for key, val in node.items():
                if key.startswith("@"):
                    continue
                prop = expand(key)
                assert any(graph.triples((prop, RDF.type, None))), f"{key} is not in the ontology"
                if key not in ("api:hasRevision", "api:hasLatestRevision"):  # on every object
                    assert allowed(prop, cls), f"{key} is not a property of {node['@type']}"
                checked += 1
                for ref in val if isinstance(val, list) else [val]:
                    if isinstance(ref, dict) and set(ref) == {"@id"} and \
                            not ref["@id"].startswith("http://"):
                        iri = ref["@id"]
                        iri = rdflib.URIRef(CARGO + iri[6:] if iri.startswith("cargo:") else iri)
                        assert any(graph.triples((iri, RDF.type, None))) or \
                            open_list(graph, rdflib, iri), iri
    assert checked > 100
    # The documents are JSON-LD that an RDF library reads, with exact decimal literals.
    g = rdflib.Graph().parse(data=json.dumps(bor), format="json-ld")
    totals = list(g.objects(None, rdflib.URIRef(CARGO + "grandTotal")))
    assert totals and all(t.datatype == rdflib.XSD.double for t in totals)


def open_list(graph, rdflib, iri):
    """An open code list (CurrencyCode: ISO 4217) is a class whose values are not enumerated."""
    from rdflib.namespace import OWL, RDF
    list_class = rdflib.URIRef(str(iri).split("#")[0])
    return (list_class, RDF.type, OWL.Class) in graph and \
        not any(graph.triples((list_class, OWL.equivalentClass, None)))


def api_error_doc(desk):
    return desk.request("GET", "/logistics-objects/bor-999999", token=desk.tokens["a"],
                        headers=LD).json()


def nodes(value):
    """Every typed node of a JSON-LD document."""
    if isinstance(value, dict):
        if "@type" in value:
            yield value
        for k, v in value.items():
            if k != "@context":
                yield from nodes(v)
    elif isinstance(value, list):
        for v in value:
            yield from nodes(v)
