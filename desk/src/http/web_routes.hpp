#pragma once
// The browser pages: /login, /desk, /quote, /kpis and /assets/*. They are public static shells;
// their scripts call the /v1 API with the user's bearer token, so every data request passes the
// router's token and role checks and the security boundary stays in one place.

#include "http/router.hpp"

namespace cargoquote::desk::http {

void add_web_routes(Router& router);

}  // namespace cargoquote::desk::http
