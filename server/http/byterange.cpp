#include "http/byterange.h"

#include <limits>

namespace kai::http {

namespace {

// Digits only, saturating: "bytes=0-99999999999999999999" is a valid range
// that simply runs to the end of the resource, so overflow must not make it
// invalid.
std::optional<qint64> parseDigits(QByteArrayView digits)
{
    if (digits.isEmpty())
        return std::nullopt;
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    qint64 value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int d = c - '0';
        value = value > (max - d) / 10 ? max : value * 10 + d;
    }
    return value;
}

Error unsatisfiable()
{
    return Error::of(ErrorKind::RangeInvalid, QStringLiteral("requested range not satisfiable"));
}

} // namespace

Result<std::optional<ByteRange>> parseByteRange(QByteArrayView headerValue, qint64 resourceSize)
{
    using Out = std::optional<ByteRange>;
    const QByteArrayView value = headerValue.trimmed();
    if (value.isEmpty())
        return Out{};

    constexpr QByteArrayView unit("bytes=");
    if (value.size() < unit.size()
        || QByteArrayView(value.first(unit.size())).compare(unit, Qt::CaseInsensitive) != 0)
        return Out{};   // other units are ignored, as RFC 9110 says
    const QByteArrayView spec = value.sliced(unit.size()).trimmed();
    if (spec.contains(','))
        return Out{};   // several ranges: serve the whole representation

    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return Out{};
    const QByteArrayView firstText = spec.first(dash);
    const QByteArrayView lastText = spec.sliced(dash + 1);

    if (firstText.isEmpty()) {
        // Suffix range: the last N bytes.
        const std::optional<qint64> suffix = parseDigits(lastText);
        if (!suffix)
            return Out{};
        if (*suffix == 0 || resourceSize <= 0)
            return unsatisfiable();
        const qint64 first = *suffix >= resourceSize ? 0 : resourceSize - *suffix;
        return Out{ByteRange{first, resourceSize - 1}};
    }

    const std::optional<qint64> first = parseDigits(firstText);
    if (!first)
        return Out{};
    qint64 last = resourceSize - 1;
    if (!lastText.isEmpty()) {
        const std::optional<qint64> parsedLast = parseDigits(lastText);
        if (!parsedLast || *parsedLast < *first)
            return Out{};   // invalid syntax: ignore the header
        last = std::min(*parsedLast, resourceSize - 1);
    }
    if (*first >= resourceSize)
        return unsatisfiable();
    return Out{ByteRange{*first, last}};
}

} // namespace kai::http
