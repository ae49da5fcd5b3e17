#pragma once

#include <QTest>

// QVERIFY for a kai::Status or kai::Result: fails with the error's message.
// Evaluates `expr` once: it is often a statement with side effects.
#define QVERIFY_OK(expr)                                                                 \
    do {                                                                                 \
        const auto &result_ = (expr);                                                    \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().message)); \
    } while (false)
