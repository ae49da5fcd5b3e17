#pragma once

#include "store/logstore.h"

#include <vector>

namespace kai::logs {

// Gives identical entries of the same second one row
// (013_log_repeats.sql): same kind, namespace, repository, performer, IP
// and metadata, and the same second since the epoch, which is all the API
// shows of an entry's time. The row counts them in `occurrences`, sits where
// the first of them was, and carries the newest one's time. What is left
// apart stays in order.
//
// The batch writer runs it on every batch: a client pulling one manifest in
// a loop then costs the database a row a second rather than a row a pull.
void coalesceRepeats(std::vector<store::LogEntry> &entries);

// Whether `entry` records the same action as `row`, in the same second;
// then addRepeat() counts it in.
bool isRepeatOf(const store::LogEntry &row, const store::LogEntry &entry);
void addRepeat(store::LogEntry &row, const store::LogEntry &entry);

} // namespace kai::logs
