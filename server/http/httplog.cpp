#include "http/httplog.h"

namespace kai::http {

// Debug is off by default: at tens of thousands of requests per second even
// a disabled-by-rule check per line matters less than not formatting at all.
Q_LOGGING_CATEGORY(lcHttp, "kai.http", QtInfoMsg)

} // namespace kai::http
