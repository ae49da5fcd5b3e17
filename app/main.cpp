#include "console/consolecontroller.h"
#include "settings/language.h"

#include <QApplication>
#include <QSettings>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Kai"));
    QApplication::setApplicationName(QStringLiteral("kai-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Kai Console"));

    QTranslator consoleTranslator;
    QTranslator qtTranslator;
    {
        QSettings settings;
        kai::console::Language::install(app, consoleTranslator, qtTranslator, kai::console::Language::chosen(settings));
    }

    kai::console::ConsoleController controller;
    QObject::connect(&controller, &kai::console::ConsoleController::quitRequested, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    controller.start();
    return app.exec();
}
