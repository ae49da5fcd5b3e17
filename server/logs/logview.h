#pragma once

#include "store/logstore.h"

#include <QJsonObject>

namespace kai::logs {

// An entry in Quay's shape (reference §2.11): {kind, metadata, ip, datetime,
// performer?}, plus `namespace` for the superuser listing. Used by the
// listings and by log export, so both show the same document.
QJsonObject logEntryView(const store::LogEntry &entry, bool withNamespace);

} // namespace kai::logs
