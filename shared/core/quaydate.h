#pragma once

#include <QString>

namespace kai {

// Quay's API date format, RFC 2822 in UTC with "-0000":
// "Tue, 14 May 2024 14:48:51 -0000". Always English names.
QString formatQuayDate(qint64 epochMs);
// Parses that format back; -1 when it does not match.
qint64 parseQuayDate(const QString &text);

} // namespace kai
