#pragma once

#include "store/logstore.h"

namespace kai::test {

// A pull of org/app (namespace 7, repository 70) by admin (3), as the
// manifest GET records it.
inline store::LogEntry samplePull(qint64 datetimeMs, const QString &ip = QStringLiteral("127.0.0.1"))
{
    store::LogEntry e;
    e.kind = QStringLiteral("pull_repo");
    e.namespaceId = 7;
    e.namespaceName = QStringLiteral("org");
    e.namespaceIsOrganization = true;
    e.repositoryId = 70;
    e.repositoryName = QStringLiteral("app");
    e.performerId = 3;
    e.performerName = QStringLiteral("admin");
    e.performerEmail = QStringLiteral("admin@example.com");
    e.ip = ip;
    e.metadataJson = QStringLiteral(R"({"namespace":"org","repo":"app","tag":"v1","user-agent":"podman"})");
    e.datetimeMs = datetimeMs;
    return e;
}

} // namespace kai::test
