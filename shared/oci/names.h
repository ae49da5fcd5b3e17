#pragma once

#include "core/result.h"

#include <QString>
#include <QStringView>

// Name rules of Quay (reference §3.6), checked by hand rather than with
// regular expressions: they are simple character classes, and plain code is
// cheap to call on every /v2 request from every worker thread.
namespace kai::oci {

// "ns/repo" or "ns/a/b": the namespace (first segment) follows the user /
// organization rule, the rest the extended repository rule (slash-separated
// components of [a-z0-9][.a-z0-9_-]*). At most 255 characters in total; no
// "..", upper case, empty segments, leading or trailing slash.
// ErrorKind::NameInvalid with a message saying which rule failed.
Status validateRepositoryName(QStringView fullName);

// User / organization / robot short name: ^([a-z0-9]+(?:[._-][a-z0-9]+)*)$,
// 2-255 characters. ErrorKind::NameInvalid.
Status validateNamespaceName(QStringView name);

// The repository part alone (after "<namespace>/"), extended rule.
// ErrorKind::NameInvalid.
Status validateRepositoryPart(QStringView name);

// ^[\w][\w.-]{0,127}$ in ASCII. ErrorKind::TagInvalid.
Status validateTag(QStringView tag);

// A /v2 reference containing ':' is a digest, anything else a tag (tags
// cannot contain ':').
bool looksLikeDigest(QStringView reference);

struct RepositoryPath
{
    QString namespaceName;
    QString repositoryName;   // may contain '/'

    QString fullName() const { return namespaceName + QLatin1Char('/') + repositoryName; }
};

// "ns/a/b" -> {"ns", "a/b"}, validated as validateRepositoryName() does. A
// single segment is NameInvalid: there is no implicit "library/" yet.
Result<RepositoryPath> splitRepositoryPath(QStringView fullName);

} // namespace kai::oci
