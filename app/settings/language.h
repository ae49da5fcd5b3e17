#pragma once

#include <QString>

class QApplication;
class QSettings;
class QTranslator;

namespace kai::console {

// The console's language: the one chosen in the Language menu (QSettings
// "language"), else KAI_LANG, else the system locale. Translations are
// embedded (:/i18n/kai_<locale>.qm); English has only its plural forms.
class Language
{
public:
    // Empty: follow the system.
    static QString chosen(const QSettings &settings);
    static void choose(QSettings &settings, const QString &locale);
    // Loads the console's translation for `locale` ("zh_CN", or empty for
    // the system's) into `console` and Qt's own (standard buttons and
    // dialogs, package qt6-translations-l10n, optional) into `qt`, and
    // installs them. English (and the C locale) gets the English plural
    // forms only. False when the console has no translation for `locale`.
    static bool install(QApplication &app, QTranslator &console, QTranslator &qt, const QString &locale);
};

} // namespace kai::console
