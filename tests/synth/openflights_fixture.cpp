#include "openflights_fixture.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote::test {

namespace {

namespace fs = std::filesystem;

// The first row of the real data set that starts with `prefix` (its ID and a comma, or a route's
// first six fields), without its line terminator.
std::optional<std::string> real_row(const fs::path& file, std::string_view prefix) {
    std::ifstream in(file, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind(prefix, 0) == 0) return line;
    }
    return std::nullopt;
}

// Real rows first (by prefix, in this order), then the invented ones.
bool write_file(const fs::path& real, const fs::path& out,
                const std::vector<std::string_view>& prefixes,
                const std::vector<std::string_view>& invented, std::string_view eol) {
    std::ostringstream text;
    for (const std::string_view prefix : prefixes) {
        const auto row = real_row(real, prefix);
        if (!row) return false;
        text << *row << eol;
    }
    for (const std::string_view row : invented) text << row << eol;
    std::ofstream(out, std::ios::binary) << text.str();
    return true;
}

// Each invented row trips exactly one rule (or, for routes, is kept); the test lists the counts.
const std::vector<std::string_view> kInventedAirports = {
    R"row(5613,"Los Alamitos Army Air Field (fixture: given the code SLI)","Solwesi","Zambia","SLI","KSLI",33.79000092,-118.052002,32,-8,"U","America/Los_Angeles","airport","OurAirports")row",
    R"row(90001,"Fixture: no IATA code","Nowhere","Germany",\N,"EDXA",50.5,8.5,100,1,"E","Europe/Berlin","airport","OurAirports")row",
    R"row(90002,"Fixture: digit in IATA code","Somewhere","India","DU9","VIXB",20.5,80.5,100,5.5,"N","Asia/Calcutta","airport","OurAirports")row",
    R"row(90003,"Fixture: unknown tz name","Olympus","Germany","MRZ","EDXC",51.5,9.5,100,1,"E","Mars/Olympus_Mons","airport","OurAirports")row",
    R"row(90004,"Fixture: country without ISO code","Fredonia","Freedonia","FRD","EDXD",52.5,10.5,100,1,"E","Europe/Berlin","airport","OurAirports")row",
    R"row(90005,"Fixture: duplicate IATA code","Frankfurt","Germany","FRA","EDXE",50.1,8.6,100,1,"E","Europe/Berlin","airport","OurAirports")row",
    R"row(90006,"Fixture: latitude out of range","Nowhere","Germany","XBC","EDXF",95.0,8.0,100,1,"E","Europe/Berlin","airport","OurAirports")row",
    R"row(90007,"Fixture: malformed row (13 fields)","Nowhere","Germany","XMF","EDXG",50.0,8.0,100,1,"E","Europe/Berlin","airport")row",
};

const std::vector<std::string_view> kInventedAirlines = {
    R"row(90011,"Fixture Seven Air (active)",\N,"Q7","QSA","SEVEN","Germany","Y")row",
    R"row(90012,"Fixture Seven Air (defunct)",\N,"Q7","QSD","SEVENOLD","Germany","N")row",
    R"row(90013,"Fixture Eight Air One",\N,"Q8","QEA","EIGHT","China","Y")row",
    R"row(90014,"Fixture Eight Air Two",\N,"Q8","QEB","EIGHTB","China","Y")row",
    R"row(90016,"Fixture Comma, Quote ""Air""",\N,"Q6","QCQ","QQ","Germany","Y")row",
    R"row(90017,"Fixture Unused Air",\N,"U9","QUU","UNUSED","Germany","n")row",
    R"row(3320,"Fixture: duplicate Airline ID",\N,"LH","DLX","LUFTX","Germany","N")row",
    R"row(90018,"Fixture: malformed row (7 fields)",\N,"M8","QMF","MALFORMED","Germany")row",
};

const std::vector<std::string_view> kInventedRoutes = {
    "LH,3320,JFK,3797,FRA,340,Y,0,76W",  "DL,2009,FRA,340,JFK,3797,Y,0,388",
    "LH,3320,FRA,340,FRA,340,,0,320",    "DLH,3320,FRA,340,HKG,3077,,0,74H",
    "CA,751,PVG,3406,HKG,3077,,1,320",   "99,90099,FRA,340,AMS,580,,0,320",
    "XQ,\\N,FRA,340,AMS,580,,0,320",     "XR,99999,FRA,340,AMS,580,,0,320",
    "Q7,90011,FRA,340,AMS,580,,0,320",   "Q7,90012,AMS,580,FRA,340,,0,320",
    "Q8,90013,PVG,3406,HKG,3077,,0,320", "Q8,90014,HKG,3077,PVG,3406,,0,320",
    "LH,3320,FRA,340,ZZY,\\N,,0,320",    "CA,751,PVG,3406,DOH,11051,,0,330",
    "DL,2009,JFK,3797,EWR,3494,,0,320",  "CA,751,LUN,907,SLI,5613,,0,763",
    "LH,3320,FRA,340,PVG,3406,,0,744",   "LH,3320,FRA,340,HKG",
    "CA,751,PVG,3406,RGN,3239,,0,320",   "Q6,90016,HKG,3077,RGN,3239,,0,320",
    "LH,3320,FRA,340,MRZ,90003,,0,320",
};

}  // namespace

std::optional<fs::path> write_openflights_fixture(const fs::path& openflights,
                                                  const fs::path& dir) {
    fs::create_directories(dir);
    const bool complete =
        write_file(openflights / "airports.dat", dir / "airports.dat",
                   {"340,", "580,", "907,", "3077,", "3239,", "3406,", "3494,", "3797,", "11051,"},
                   kInventedAirports, "\n") &&
        write_file(openflights / "airlines.dat", dir / "airlines.dat", {"3320,", "751,", "2009,"},
                   kInventedAirlines, "\n") &&
        write_file(openflights / "countries.dat", dir / "countries.dat",
                   {"\"Germany\",", "\"China\",", "\"United States\",", "\"Hong Kong\",",
                    "\"Qatar\",", "\"Netherlands\",", "\"Zambia\",", "\"Myanmar\",",
                    "\"India\",\"IN\",\"IN\"", "\"Johnston Atoll\","},
                   {}, "\n") &&
        write_file(
            openflights / "routes.dat", dir / "routes.dat",
            {"LH,3320,FRA,340,PVG,3406,", "LH,3320,PVG,3406,FRA,340,", "CA,751,PVG,3406,FRA,340,",
             "CA,751,FRA,340,PVG,3406,", "DL,2009,JFK,3797,FRA,340,"},
            kInventedRoutes, "\r\n");
    if (!complete) return std::nullopt;
    return dir;
}

}  // namespace cargoquote::test
