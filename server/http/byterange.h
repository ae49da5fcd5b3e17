#pragma once

#include "core/result.h"

#include <QByteArrayView>

#include <optional>

namespace kai::http {

// An inclusive byte range [first, last] of a resource, already clamped to
// the resource's size.
struct ByteRange
{
    qint64 first = 0;
    qint64 last = -1;

    qint64 length() const { return last - first + 1; }
};

// Parses a Range header value for a resource of `resourceSize` bytes
// (RFC 9110 §14.2, one range only):
//   "bytes=a-b", "bytes=a-", "bytes=-suffix".
// Returns nullopt when the whole resource should be served: empty header,
// an unknown unit, a syntactically invalid value, or several ranges (which
// Kai does not serve as multipart). Returns ErrorKind::RangeInvalid when the
// range is valid but unsatisfiable (first >= size, or a zero-length suffix):
// the caller answers 416 with "Content-Range: bytes */size".
Result<std::optional<ByteRange>> parseByteRange(QByteArrayView headerValue, qint64 resourceSize);

} // namespace kai::http
