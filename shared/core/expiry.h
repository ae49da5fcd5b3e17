#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace kai {

// Durations as Quay writes them in labels and config.yaml.

// `quay.expires-after` (reference §4.2): <integer><unit> with unit s, m
// (minutes), h, d, w or y (365 days), e.g. "12h", "2w". Anything else
// ("never", "1.5h", "10", "2W", " 2h") is not a duration: nullopt, and the
// label is then silently ignored. Values beyond ~290 million years are
// refused rather than overflowing.
std::optional<qint64> parseExpiresAfterSeconds(QStringView text);

// TAG_EXPIRATION_OPTIONS / DEFAULT_TAG_EXPIRATION / LABELED_EXPIRATION_*
// (reference §3.4, schema pattern ^[0-9]+(w|m|d|h|s)$): the same without
// the year unit.
std::optional<qint64> parseConfigDurationSeconds(QStringView text);

} // namespace kai
