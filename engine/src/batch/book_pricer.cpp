#include <fmt/format.h>

#include <cargoquote/batch/book_pricer.hpp>
#include <cargoquote/pricing/pricing_plan.hpp>

namespace cargoquote::batch {

namespace {

PriceTotals totals_of(const PricedOption& o) {
    const CurrencyCode c = o.currency;
    PriceTotals t{Money::zero(c), Money::zero(c), Money::zero(c),
                  Money::zero(c), Money::zero(c), Money::zero(c)};
    for (const ChargeLine& line : o.charges) {
        switch (line.kind) {
            case ChargeKind::Weight:
                t.weight_charge += line.amount;
                break;
            case ChargeKind::Surcharge:
                t.surcharges += line.amount;
                break;
            case ChargeKind::Valuation:
                t.valuation += line.amount;
                break;
            case ChargeKind::Margin:
                break;
        }
    }
    t.buy_total = t.weight_charge + t.surcharges + t.valuation;
    t.margin = o.margin.amount;
    t.sell_total = t.buy_total + t.margin;
    return t;
}

PriceTotals converted(const PriceTotals& t, const FxUse& fx) {
    PriceTotals out{FxTable::convert(t.weight_charge, fx), FxTable::convert(t.surcharges, fx),
                    FxTable::convert(t.valuation, fx),     {},
                    FxTable::convert(t.margin, fx),        {}};
    out.buy_total = out.weight_charge + out.surcharges + out.valuation;
    out.sell_total = out.buy_total + out.margin;
    return out;
}

RowOutcome rejected(const BookRow& row, std::optional<RejectionReason> code, std::string reason) {
    RowOutcome out;
    out.line = row.line;
    out.shipment_id = row.shipment_id;
    out.reason_code = code;
    out.reason = std::move(reason);
    out.carrier = row.carrier;
    out.routing = routing_text(row.routing);
    return out;
}

// Fills the amounts of a priced option into `out`, in the row's currency when it asks for one.
// False (and `out` rejected) when no FX rate into that currency is in force on `on` (the
// plan's rating date when a plan is given).
bool fill_price(const BookRow& row, const PricedOption& option, const FxTable& fx, Date on,
                const PricingPlan* plan, RowOutcome& out) {
    out.carrier = option.carrier;
    out.chargeable_weight = option.weights.chargeable;
    out.currency = option.currency;
    out.totals = totals_of(option);
    if (row.currency && *row.currency != option.currency) {
        std::optional<FxUse> storage;
        const FxUse* use = nullptr;
        if (plan != nullptr) {
            use = plan->fx(option.currency, *row.currency);
        } else if ((storage = fx.find(option.currency, *row.currency, on))) {
            use = &*storage;
        }
        if (use == nullptr) {
            out.reason_code = RejectionReason::NoFxRate;
            out.reason = fmt::format("no FX rate {} to {} in force on {}", option.currency.view(),
                                     row.currency->view(), on.iso());
            return false;
        }
        out.currency = *row.currency;
        out.totals = converted(out.totals, *use);
    }
    if (row.previous_total && row.previous_total->currency() == out.currency) {
        out.previous_total = row.previous_total;
    }
    return true;
}

}  // namespace

BatchMode parse_batch_mode(std::string_view text, std::string_view field) {
    if (text == "reprice") return BatchMode::Reprice;
    if (text == "requote") return BatchMode::Requote;
    throw InputError(ErrorCode::InvalidInput, std::string(field),
                     fmt::format("'{}' is not a mode: expected 'reprice' or 'requote'", text));
}

BookPricer::BookPricer(std::shared_ptr<const QuoteEngine> engine, BatchSettings settings)
    : engine_(std::move(engine)), settings_(std::move(settings)) {
    if (settings_.top_k < 1) {
        throw InputError(ErrorCode::InvalidNumber, "top_k", "must be at least 1");
    }
}

void BookPricer::price(const BookRow& row, std::vector<RowOutcome>& out, PricingPlanCache* plans,
                       SearchCache* searches) const {
    if (settings_.mode == BatchMode::Reprice) {
        reprice(row, out, settings_.pricing_plans ? plans : nullptr);
    } else {
        requote(row, out, settings_.reuse_searches ? searches : nullptr);
    }
}

void BookPricer::reprice(const BookRow& row, std::vector<RowOutcome>& out,
                         PricingPlanCache* plans) const {
    const RateBook& book = engine_->book();
    const Date rating_date = settings_.as_of.value_or(row.shipment.ready_time.date());
    PricingContext context{.book = book,
                           .shipment = row.shipment,
                           .customer = row.customer,
                           .rating_date = rating_date,
                           .quote_date = rating_date};
    const std::array<RouteSector, 1> direct{
        RouteSector{*row.carrier, row.shipment.origin, row.shipment.destination}};
    const std::span<const RouteSector> sectors =
        row.routing.empty() ? std::span<const RouteSector>(direct) : std::span(row.routing);
    if (plans != nullptr) context.plan = &plans->plan_for(context, sectors);

    const PricingOutcome outcome = price_route(context, sectors);
    if (const auto* rejection = std::get_if<Rejection>(&outcome)) {
        out.push_back(rejected(row, rejection->reason_code, rejection->reason));
        return;
    }
    RowOutcome priced = rejected(row, std::nullopt, "");
    fill_price(row, std::get<PricedOption>(outcome), book.fx(), rating_date, context.plan, priced);
    if (priced.priced()) priced.reason.clear();
    out.push_back(std::move(priced));
}

void BookPricer::requote(const BookRow& row, std::vector<RowOutcome>& out,
                         SearchCache* searches) const {
    QuoteRequest request;
    request.shipment = row.shipment;
    request.quote_date = settings_.as_of;
    request.sla_tier = settings_.sla_tier;
    request.method = settings_.method;
    request.weights = settings_.weights;
    const QuoteResult result = engine_->quote(request, searches);

    if (result.options.empty()) {
        if (!result.sla_rejections.empty()) {
            out.push_back(
                rejected(row, RejectionReason::OutsideSla,
                         fmt::format("all {} option(s) break the {} SLA",
                                     result.sla_rejections.size(), result.selection.sla_tier)));
        } else if (!result.rejections.empty()) {
            const Rejection& first = result.rejections.front();
            out.push_back(rejected(row, first.reason_code, first.reason));
        } else {
            out.push_back(rejected(row, RejectionReason::NoRoute, "no itinerary found"));
        }
        out.back().carrier.reset();
        out.back().routing.clear();
        return;
    }
    const std::size_t kept =
        std::min<std::size_t>(result.options.size(), static_cast<std::size_t>(settings_.top_k));
    for (std::size_t i = 0; i < kept; ++i) {
        const PricedOption& option = result.options[i];
        RowOutcome o = rejected(row, std::nullopt, "");
        o.rank = static_cast<int>(i) + 1;
        fill_price(row, option, engine_->book().fx(), result.rating_date, nullptr, o);
        if (o.priced()) o.reason.clear();
        o.routing = option.itinerary.legs.empty()
                        ? routing_text(std::array{RouteSector{option.carrier, row.shipment.origin,
                                                              row.shipment.destination}})
                        : routing_text(route_sectors(option.itinerary));
        if (!option.itinerary.legs.empty()) {
            o.flights = describe_flights(option.itinerary);
            o.transit_minutes = option.itinerary.transit_minutes;
        }
        if (i < result.assessments.size()) o.score = result.assessments[i].score;
        out.push_back(std::move(o));
    }
}

}  // namespace cargoquote::batch
