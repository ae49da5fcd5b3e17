#include "placeholders.h"

namespace kai::db {

namespace {

// Calls `onPlaceholder(out)` for each `?` in code and copies every other
// character to `out`.
template <typename F>
QString scan(const QString &sql, F onPlaceholder)
{
    QString out;
    out.reserve(sql.size() + 16);
    enum class In { Code, Literal, Identifier, Comment } state = In::Code;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        switch (state) {
        case In::Code:
            if (c == QLatin1Char('?')) {
                onPlaceholder(out);
                continue;
            }
            if (c == QLatin1Char('\''))
                state = In::Literal;
            else if (c == QLatin1Char('"'))
                state = In::Identifier;
            else if (c == QLatin1Char('-') && i + 1 < sql.size() && sql.at(i + 1) == QLatin1Char('-'))
                state = In::Comment;
            break;
        case In::Literal:
            // '' inside a literal closes and reopens it: the toggle handles it.
            if (c == QLatin1Char('\''))
                state = In::Code;
            break;
        case In::Identifier:
            if (c == QLatin1Char('"'))
                state = In::Code;
            break;
        case In::Comment:
            if (c == QLatin1Char('\n'))
                state = In::Code;
            break;
        }
        out += c;
    }
    return out;
}

} // namespace

QString placeholderName(int index)
{
    return QStringLiteral(":p") + QString::number(index);
}

QString namePlaceholders(const QString &sql)
{
    int next = 0;
    return scan(sql, [&next](QString &out) { out += placeholderName(next++); });
}

int countPlaceholders(const QString &sql)
{
    int count = 0;
    (void)scan(sql, [&count](QString &) { ++count; });
    return count;
}

QString numberPlaceholders(const QString &sql)
{
    int next = 1;
    return scan(sql, [&next](QString &out) { out += QLatin1Char('$') + QString::number(next++); });
}

} // namespace kai::db
