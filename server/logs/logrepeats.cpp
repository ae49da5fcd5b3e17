#include "logs/logrepeats.h"

#include <QHashFunctions>

#include <unordered_map>

namespace kai::logs {

namespace {

qint64 secondOf(qint64 datetimeMs)
{
    return datetimeMs >= 0 ? datetimeMs / 1000 : (datetimeMs - 999) / 1000;
}

} // namespace

bool isRepeatOf(const store::LogEntry &a, const store::LogEntry &b)
{
    // Numbers first: most entries that differ, differ there.
    return secondOf(a.datetimeMs) == secondOf(b.datetimeMs) && a.repositoryId == b.repositoryId
        && a.performerId == b.performerId && a.namespaceId == b.namespaceId
        && a.performerIsRobot == b.performerIsRobot && a.namespaceIsOrganization == b.namespaceIsOrganization
        && a.kind == b.kind && a.ip == b.ip && a.metadataJson == b.metadataJson && a.namespaceName == b.namespaceName
        && a.repositoryName == b.repositoryName && a.performerName == b.performerName
        && a.performerEmail == b.performerEmail;
}

void addRepeat(store::LogEntry &row, const store::LogEntry &entry)
{
    row.occurrences += entry.occurrences;
    row.datetimeMs = std::max(row.datetimeMs, entry.datetimeMs);
}

namespace {

size_t hashOf(const store::LogEntry &e)
{
    return qHashMulti(0, e.kind, e.namespaceId, e.repositoryId, e.performerId, e.ip, e.metadataJson,
                      secondOf(e.datetimeMs));
}

// An entry already in the output, found by the action it records.
struct Action
{
    const store::LogEntry *entry;
    size_t hash;

    bool operator==(const Action &other) const { return isRepeatOf(*entry, *other.entry); }
};

struct ActionHash
{
    size_t operator()(const Action &action) const { return action.hash; }
};

} // namespace

void coalesceRepeats(std::vector<store::LogEntry> &entries)
{
    if (entries.size() < 2)
        return;
    std::vector<store::LogEntry> rows;
    rows.reserve(entries.size());   // never reallocates: the keys point into it
    std::unordered_map<Action, size_t, ActionHash> rowOf;
    rowOf.reserve(entries.size());
    for (store::LogEntry &entry : entries) {
        const size_t hash = hashOf(entry);
        if (auto found = rowOf.find(Action{&entry, hash}); found != rowOf.end()) {
            addRepeat(rows[found->second], entry);
            continue;
        }
        rows.push_back(std::move(entry));
        rowOf.emplace(Action{&rows.back(), hash}, rows.size() - 1);
    }
    entries.swap(rows);
}

} // namespace kai::logs
