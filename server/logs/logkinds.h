#pragma once

#include <QString>
#include <QStringList>

namespace kai::logs {

// Every LogEntryKind name Quay knows (reference §3.2: the union of the
// fresh-install and the migrated production seed, 146 names), sorted. The
// console lists them; an entry of any other kind would render as
// "unknown" in Quay's UI.
const QStringList &knownLogKinds();
bool isKnownLogKind(const QString &kind);

// The kinds Kai writes today, each from the action it names (a subset of
// knownLogKinds(), grouped by resource family). tests/server/tst_log_kinds.cpp performs every
// one of these actions and fails when a kind is added here without a test.
const QStringList &emittedLogKinds();

// The service-key kinds a user's own listing leaves out (Quay's
// SERVICE_LEVEL_LOG_KINDS). Kai has no service keys yet, so none is ever
// written; the filter keeps /user/logs right once they are.
const QStringList &serviceLevelLogKinds();

} // namespace kai::logs
