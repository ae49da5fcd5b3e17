#include "core/expiry.h"

#include <limits>

namespace kai {

namespace {

std::optional<qint64> parse(QStringView text, bool allowYears)
{
    // Digits then one unit letter; the range check below bounds the value.
    if (text.size() < 2 || text.size() > 13)
        return std::nullopt;
    qint64 unit = 0;
    switch (text.back().unicode()) {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = 86400; break;
    case 'w': unit = 7 * 86400; break;
    case 'y': unit = allowYears ? 365 * 86400 : 0; break;
    default: break;
    }
    if (unit == 0)
        return std::nullopt;
    qint64 value = 0;
    for (QChar c : text.first(text.size() - 1)) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    // Callers turn seconds into epoch milliseconds: keep that in range.
    constexpr qint64 limit = std::numeric_limits<qint64>::max() / 1000 / 4;
    if (value > limit / unit)
        return std::nullopt;
    return value * unit;
}

} // namespace

std::optional<qint64> parseExpiresAfterSeconds(QStringView text) { return parse(text, true); }

std::optional<qint64> parseConfigDurationSeconds(QStringView text) { return parse(text, false); }

} // namespace kai
