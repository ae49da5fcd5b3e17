#include "language.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace kai::console {

QString Language::chosen(const QSettings &settings)
{
    const QString fromSettings = settings.value(QStringLiteral("language")).toString();
    if (!fromSettings.isEmpty())
        return fromSettings;
    return qEnvironmentVariable("KAI_LANG");
}

void Language::choose(QSettings &settings, const QString &locale)
{
    if (locale.isEmpty())
        settings.remove(QStringLiteral("language"));
    else
        settings.setValue(QStringLiteral("language"), locale);
}

bool Language::install(QApplication &app, QTranslator &console, QTranslator &qt, const QString &locale)
{
    const QLocale wanted = locale.isEmpty() ? QLocale::system() : QLocale(locale);
    if (wanted.language() == QLocale::English || wanted.language() == QLocale::C) {
        // Only the plural forms: "1 member", "2 members".
        return console.load(QStringLiteral(":/i18n/kai_en.qm")) && app.installTranslator(&console);
    }
    if (!console.load(wanted, QStringLiteral("kai"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    if (qt.load(wanted, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qt);
    return app.installTranslator(&console);
}

} // namespace kai::console
