#include "core/quaydate.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <optional>

namespace kai {

namespace {

constexpr qint64 kMsPerDay = 24 * 3600 * 1000LL;
// 0001-01-01 and 10000-01-01 in days since 1970-01-01: the years that
// "yyyy" prints as exactly four digits.
constexpr qint64 kFirstDay = -719162;
constexpr qint64 kEndDay = 2932897;

// Floor division, so that times before 1970 fall into the right day.
qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Civil (proleptic Gregorian) date of a day since 1970-01-01; Howard
// Hinnant's days_from_civil inverse.
void civilFromDays(qint64 days, int &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = floorDiv(days, 146097);
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
}

// Days since 1970-01-01 of a civil date; Howard Hinnant's days_from_civil.
qint64 daysFromCivil(int year, int month, int day)
{
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = floorDiv(y, 400);
    const qint64 yearOfEra = y - era * 400;
    const qint64 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

constexpr char kWeekdays[7][4] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};   // from 1970-01-01
constexpr char kMonths[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The decimal value of `count` ASCII digits at `at`; -1 if one is not a digit.
int digits(const QString &text, qsizetype at, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text.at(at + i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

bool nameAt(const QString &text, qsizetype at, const char (&name)[4])
{
    return text.at(at) == QLatin1Char(name[0]) && text.at(at + 1) == QLatin1Char(name[1])
           && text.at(at + 2) == QLatin1Char(name[2]);
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// "Tue, 14 May 2024 14:48:51 -0000" (31 characters, years 1..9999) read
// field by field; nothing when a field is out of range or the weekday is
// not the date's.
std::optional<qint64> parseFixedShape(const QString &text)
{
    if (text.size() != 31 || text.at(3) != u',' || text.at(4) != u' ' || text.at(7) != u' ' || text.at(11) != u' '
        || text.at(16) != u' ' || text.at(19) != u':' || text.at(22) != u':')
        return std::nullopt;
    const int day = digits(text, 5, 2);
    const int year = digits(text, 12, 4);
    const int hour = digits(text, 17, 2);
    const int minute = digits(text, 20, 2);
    const int second = digits(text, 23, 2);
    int month = 0;
    while (month < 12 && !nameAt(text, 8, kMonths[month]))
        ++month;
    ++month;
    if (day < 1 || year < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
        || month > 12 || day > daysInMonth(year, month))
        return std::nullopt;
    const qint64 days = daysFromCivil(year, month, day);
    if (!nameAt(text, 0, kWeekdays[((days % 7) + 7) % 7]))
        return std::nullopt;
    return days * kMsPerDay + ((hour * 60 + minute) * 60 + second) * 1000LL;
}

char *twoDigits(char *out, int value)
{
    *out++ = char('0' + value / 10);
    *out++ = char('0' + value % 10);
    return out;
}

} // namespace

// Listings format one or two dates per entry (a thousand robots: two
// thousand dates), and QLocale::toString() parses its format string and
// builds the names on every call, several microseconds each. The result is
// plain ASCII, so it is written directly; QLocale stays the reference for
// years outside 1..9999, where "yyyy" is not four digits.
QString formatQuayDate(qint64 epochMs)
{
    const qint64 days = floorDiv(epochMs, kMsPerDay);
    if (days < kFirstDay || days >= kEndDay) {
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc());
        return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) + QStringLiteral(" -0000");
    }
    int year = 0, month = 0, day = 0;
    civilFromDays(days, year, month, day);
    const qint64 secondOfDay = (epochMs - days * kMsPerDay) / 1000;

    // "Tue, 14 May 2024 14:48:51 -0000": 31 characters.
    char text[32];
    char *out = text;
    const char *weekday = kWeekdays[((days % 7) + 7) % 7];
    out = std::copy(weekday, weekday + 3, out);
    *out++ = ',';
    *out++ = ' ';
    out = twoDigits(out, day);
    *out++ = ' ';
    out = std::copy(kMonths[month - 1], kMonths[month - 1] + 3, out);
    *out++ = ' ';
    out = twoDigits(out, year / 100);
    out = twoDigits(out, year % 100);
    *out++ = ' ';
    out = twoDigits(out, int(secondOfDay / 3600));
    *out++ = ':';
    out = twoDigits(out, int(secondOfDay / 60 % 60));
    *out++ = ':';
    out = twoDigits(out, int(secondOfDay % 60));
    static constexpr char kZone[] = " -0000";
    out = std::copy(kZone, kZone + 6, out);
    return QString::fromLatin1(text, out - text);
}

// The same for reading: QLocale::toDateTime() took 40-70 us a date, most of
// the time a 1,000-robot list took to show (tests/bench/console-lists).
qint64 parseQuayDate(const QString &text)
{
    if (!text.endsWith(QLatin1String(" -0000")))
        return -1;
    if (text.size() == 31)
        return parseFixedShape(text).value_or(-1);
    QDateTime parsed = QLocale::c().toDateTime(text.chopped(6), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!parsed.isValid())
        return -1;
    parsed.setTimeZone(QTimeZone::utc());
    return parsed.toMSecsSinceEpoch();
}

} // namespace kai
