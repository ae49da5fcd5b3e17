#pragma once

#include <QLoggingCategory>

namespace kai::http {

// "kai.http": one access-log line per completed request at info level,
// connection trouble at warning/debug. Tune with QT_LOGGING_RULES.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace kai::http
