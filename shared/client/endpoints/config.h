#pragma once

#include "client/apiclient.h"
#include "client/types/serverconfig.h"

namespace kai::client::config {

// GET /config: features and the options the console offers (no sign-in needed).
Reply<ServerConfig> *get(ApiClient &client);

} // namespace kai::client::config
