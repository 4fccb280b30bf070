#include "http/rate_sheet_routes.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/request_values.hpp"

namespace cargoquote::desk::http {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<Role> kAdmin = {Role::Admin};

// The uploaded workbook as a private temporary file (the reader takes a path), removed when the
// request ends however it ends.
class TemporaryWorkbook {
  public:
    explicit TemporaryWorkbook(const std::string& bytes) {
        std::string pattern = (fs::temp_directory_path() / "cargoquote-sheet-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());  // mode 0600
        if (fd < 0) throw Error(ErrorCode::Internal, "", "cannot create a temporary file");
        path_ = pattern;
        std::size_t written = 0;
        while (written < bytes.size()) {
            const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
            if (n <= 0) {
                ::close(fd);
                throw Error(ErrorCode::Internal, "", "cannot write a temporary file");
            }
            written += static_cast<std::size_t>(n);
        }
        ::close(fd);
    }
    ~TemporaryWorkbook() {
        std::error_code ignored;
        fs::remove(path_, ignored);
    }
    TemporaryWorkbook(const TemporaryWorkbook&) = delete;
    TemporaryWorkbook& operator=(const TemporaryWorkbook&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

const std::string& part(const httplib::Request& req, const char* name) {
    const auto it = req.files.find(name);
    if (it == req.files.end()) {
        throw InputError(ErrorCode::MissingField, name,
                         fmt::format("the form needs a '{}' part", name));
    }
    return it->second.content;
}

rates::SheetMapping mapping_of(const std::string& text) {
    const json document = json::parse(text, nullptr, false);
    if (document.is_discarded()) {
        throw InputError(ErrorCode::InvalidJson, "mapping", "the mapping is not valid JSON");
    }
    try {
        return rates::parse_sheet_mapping(document);
    } catch (const InputError& e) {
        // Keep the mapping's own JSON Pointer in the field: "mapping/columns/carrier".
        throw InputError(e.code(), "mapping" + e.field(), e.detail());
    }
}

bool dry_run_of(const httplib::Request& req) {
    const auto value = query(req, "dry_run");
    if (!value || *value == "true") return true;  // checking is the default, applying is asked
    if (*value == "false") return false;
    throw InputError(ErrorCode::InvalidInput, "dry_run",
                     fmt::format("'{}' is not true or false", *value));
}

// The reader names the file it could not read: here a temporary path, which is the server's
// business, not the caller's.
rates::SheetImportResult import_sheet(rates::RateStore& store, const fs::path& workbook,
                                      const rates::SheetMapping& mapping, bool dry_run) {
    try {
        return store.import_sheet(workbook, mapping, dry_run);
    } catch (const InputError& e) {
        if (e.code() != ErrorCode::WorkbookUnreadable) throw;
        std::string detail = e.detail();
        const std::string quoted = "'" + workbook.string() + "'";
        for (auto at = detail.find(quoted); at != std::string::npos; at = detail.find(quoted)) {
            detail.replace(at, quoted.size(), "the workbook");
        }
        throw InputError(e.code(), "workbook", detail);
    }
}

class RateSheetImports {
  public:
    explicit RateSheetImports(std::shared_ptr<RateSnapshots> rates) : rates_(std::move(rates)) {}

    void import(const Call& call, httplib::Response& res) const {
        const auto& req = call.request;
        if (!req.is_multipart_form_data()) {
            throw Error(ErrorCode::UnsupportedMediaType, "Content-Type",
                        "expected multipart/form-data with parts 'workbook' and 'mapping'");
        }
        const bool dry_run = dry_run_of(req);
        const rates::SheetMapping mapping = mapping_of(part(req, "mapping"));
        const TemporaryWorkbook workbook(part(req, "workbook"));

        // One import at a time, so each apply's reload sees its own write and no other's half.
        const std::lock_guard lock(mutex_);
        const fs::path& db = rates_->database();
        auto store =
            dry_run ? rates::RateStore::open_read_only(db) : rates::RateStore::open_for_import(db);
        const rates::SheetImportResult result =
            import_sheet(store, workbook.path(), mapping, dry_run);
        json body = to_json(result);
        body["dryRun"] = dry_run;
        if (!result.report.ok()) {
            // Nothing was written, so the snapshot in force stays.
            body["rateSnapshot"] = call.rates->id;
            send(res, body, 422);
            return;
        }
        body["rateSnapshot"] = dry_run ? call.rates->id : rates_->reload()->id;
        send(res, body, 200);
    }

  private:
    std::shared_ptr<RateSnapshots> rates_;
    mutable std::mutex mutex_;

    static void send(httplib::Response& res, const json& body, int status) {
        res.status = status;
        res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                        "application/json");
    }
};

}  // namespace

void add_rate_sheet_routes(Router& router, std::shared_ptr<RateSnapshots> rates,
                           std::size_t max_upload_bytes) {
    auto imports = std::make_shared<const RateSheetImports>(std::move(rates));
    router.add({"POST", kRateSheetPath, kAdmin, member_handler(imports, &RateSheetImports::import)},
               max_upload_bytes);
}

}  // namespace cargoquote::desk::http
