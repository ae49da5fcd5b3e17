#pragma once

#include <QLoggingCategory>

namespace kai::db {

// `kai.db`: enable with QT_LOGGING_RULES="kai.db.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcDb)

} // namespace kai::db
