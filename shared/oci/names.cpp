#include "oci/names.h"

namespace kai::oci {

namespace {

constexpr qsizetype kMaxNameLength = 255;

bool isLowerAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9');
}

bool isSeparator(QChar c)
{
    return c == u'.' || c == u'_' || c == u'-';
}

bool isWordChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_';
}

// Names end up in messages shown to clients; keep a hostile one short.
QString shown(QStringView text)
{
    return text.size() <= 160 ? text.toString() : text.first(160).toString() + QStringLiteral("...");
}

Error nameError(QStringView name, const QString &why)
{
    return Error::of(ErrorKind::NameInvalid,
                     QStringLiteral("invalid repository name \"%1\": %2").arg(shown(name), why));
}

// ^([a-z0-9]+(?:[._-][a-z0-9]+)*)$ without the length rule.
bool matchesNamespaceRule(QStringView name)
{
    if (name.isEmpty() || !isLowerAlnum(name.front()) || !isLowerAlnum(name.back()))
        return false;
    for (qsizetype i = 1; i < name.size(); ++i) {
        if (isLowerAlnum(name[i]))
            continue;
        if (!isSeparator(name[i]) || isSeparator(name[i - 1]))
            return false;
    }
    return true;
}

// [a-z0-9][.a-z0-9_-]* (one component of the extended repository rule).
bool matchesRepositoryComponent(QStringView component)
{
    if (component.isEmpty() || !isLowerAlnum(component.front()))
        return false;
    for (QChar c : component) {
        if (!isLowerAlnum(c) && !isSeparator(c))
            return false;
    }
    return true;
}

const QString &namespaceRuleText()
{
    static const QString text = QStringLiteral(
        "it must be 2-255 characters of lower-case letters, digits and single '.', '_' or '-' "
        "between them");
    return text;
}

// Why the repository part (after "<namespace>/") breaks the extended rule;
// empty when it does not.
QString repositoryPartProblem(QStringView name)
{
    if (name.isEmpty())
        return QStringLiteral("the repository part is empty");
    if (name.size() > kMaxNameLength)
        return QStringLiteral("longer than 255 characters");
    // Quay's regular expression would allow "a..b"; Docker's reference
    // grammar does not, and a name that looks like path traversal is never
    // worth the doubt it raises in every log line and storage path.
    if (name.contains(u".."))
        return QStringLiteral("\"..\" is not allowed");
    for (QStringView component : name.tokenize(u'/')) {
        if (!matchesRepositoryComponent(component))
            return QStringLiteral(
                "each '/'-separated part must start with a lower-case letter or digit and contain only "
                "lower-case letters, digits, '.', '_' and '-'");
    }
    return {};
}

} // namespace

Status validateNamespaceName(QStringView name)
{
    if (name.size() < 2 || name.size() > kMaxNameLength || !matchesNamespaceRule(name))
        return Error::of(ErrorKind::NameInvalid,
                         QStringLiteral("invalid namespace name \"%1\": %2").arg(shown(name), namespaceRuleText()));
    return {};
}

Status validateRepositoryPart(QStringView name)
{
    if (const QString problem = repositoryPartProblem(name); !problem.isEmpty())
        return nameError(name, problem);
    return {};
}

Status validateRepositoryName(QStringView fullName)
{
    if (auto path = splitRepositoryPath(fullName); !path)
        return path.error();
    return {};
}

Result<RepositoryPath> splitRepositoryPath(QStringView fullName)
{
    if (fullName.isEmpty())
        return nameError(fullName, QStringLiteral("the name is empty"));
    if (fullName.size() > kMaxNameLength)
        return nameError(fullName, QStringLiteral("longer than 255 characters"));
    const qsizetype slash = fullName.indexOf(u'/');
    if (slash < 0)
        return nameError(fullName, QStringLiteral("it needs a namespace: <namespace>/<repository>"));
    const QStringView namespaceName = fullName.first(slash);
    const QStringView repositoryName = fullName.sliced(slash + 1);
    if (namespaceName.isEmpty())
        return nameError(fullName, QStringLiteral("it must not start with '/'"));
    if (!validateNamespaceName(namespaceName))
        return nameError(fullName, QStringLiteral("the namespace part: ") + namespaceRuleText());
    if (const QString problem = repositoryPartProblem(repositoryName); !problem.isEmpty())
        return nameError(fullName, problem);
    return RepositoryPath{namespaceName.toString(), repositoryName.toString()};
}

Status validateTag(QStringView tag)
{
    bool ok = !tag.isEmpty() && tag.size() <= 128 && isWordChar(tag.front());
    for (qsizetype i = 1; ok && i < tag.size(); ++i)
        ok = isWordChar(tag[i]) || tag[i] == u'.' || tag[i] == u'-';
    if (!ok)
        return Error::of(ErrorKind::TagInvalid,
                         QStringLiteral("invalid tag \"%1\": a tag is 1-128 characters of letters, digits, "
                                        "'_', '.' and '-', and must not start with '.' or '-'")
                             .arg(shown(tag)));
    return {};
}

bool looksLikeDigest(QStringView reference)
{
    return reference.contains(u':');
}

} // namespace kai::oci
