#include "config.h"

namespace kai::client::config {

Reply<ServerConfig> *get(ApiClient &client)
{
    return client.call<ServerConfig>(ApiRequest{"GET", QStringLiteral("/config"), {}, {}}, &ServerConfig::fromJson);
}

} // namespace kai::client::config
