#include "logs/logpage.h"

namespace kai::logs {

Result<LogPage> readLogPage(store::LogStore &logs, const store::LogQuery &query,
                            const std::optional<store::LogCursor> &after, int size)
{
    // Every row stands for at least one entry, so size + 1 rows tell
    // whether a page follows.
    auto rows = logs.page(query, after, size + 1);
    if (!rows)
        return rows.error();
    LogPage page;
    page.entries.reserve(size_t(size));
    for (const store::LogEntry &row : *rows) {
        const qint64 room = size - qint64(page.entries.size());
        if (room == 0) {
            const store::LogEntry &last = page.entries.back();
            page.next = store::LogCursor{last.datetimeMs, last.id, 0};
            break;
        }
        const qint64 shown = std::min(row.occurrences, room);
        store::LogEntry entry = row;
        entry.occurrences = 1;
        for (qint64 i = 0; i < shown; ++i)
            page.entries.push_back(entry);
        if (shown < row.occurrences) {
            page.next = store::LogCursor{row.datetimeMs, row.id, row.occurrences - shown};
            break;
        }
    }
    return page;
}

} // namespace kai::logs
