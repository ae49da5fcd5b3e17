#pragma once

#include "core/result.h"
#include "store/logstore.h"

#include <optional>
#include <vector>

namespace kai::logs {

// One page of a listing, or one chunk of an export, as entries: a row that
// stands for several identical actions (LogEntry::occurrences) is shown
// that many times, and a page may end inside such a row.
struct LogPage
{
    std::vector<store::LogEntry> entries;       // at most the size asked for, newest first
    std::optional<store::LogCursor> next;       // where the following page starts; none after the last
};

// Up to `size` entries of `query` from `after` on, in one query.
Result<LogPage> readLogPage(store::LogStore &logs, const store::LogQuery &query,
                            const std::optional<store::LogCursor> &after, int size);

} // namespace kai::logs
