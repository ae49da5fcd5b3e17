#pragma once

#include <QByteArray>
#include <QTest>

namespace kai::test {

// CI machines are provisioned with every service the suites need, so there a
// missing service is a failure; on a developer machine it is a skip that says
// what to install.
inline bool requireServicesInCi()
{
    return qgetenv("CI") == "true";
}

} // namespace kai::test

// Use at the top of a test function (or init()): fails under CI=true, skips
// otherwise, naming the missing service and how to get it.
#define KAI_REQUIRE_SERVICE(available, what)                                                     \
    do {                                                                                         \
        if (!(available)) {                                                                      \
            if (::kai::test::requireServicesInCi())                                              \
                QFAIL(QByteArray(QByteArray("required service missing under CI=true: ") + (what)) \
                          .constData());                                                         \
            QSKIP(QByteArray(QByteArray("service not available, skipping: ") + (what)).constData()); \
        }                                                                                        \
    } while (false)
