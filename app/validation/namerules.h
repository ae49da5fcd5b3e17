#pragma once

#include <QCoreApplication>
#include <QString>

namespace kai::console {

// What the create dialogs say about a name before anything is sent
// (reference §3.6 and console-workflows §2, §4). `error` blocks creation;
// `warning` is advice that does not.
struct NameCheck
{
    QString error;
    QString warning;

    bool acceptable() const { return error.isEmpty(); }
};

class NameRules
{
    Q_DECLARE_TR_FUNCTIONS(NameRules)

public:
    // Lowercase alphanumerics separated by single '.', '_' or '-', 2-255
    // characters; warnings for Docker compatibility.
    static NameCheck organization(const QString &name);
    // A repository name inside a namespace: [a-z0-9] then up to 254 of
    // [.a-z0-9_-].
    static NameCheck repository(const QString &name);
    // name@domain.tld, as the server checks it.
    static bool isEmail(const QString &email);
};

} // namespace kai::console
