// Avatars must look as they do in Quay: the guide's outputs are the vectors.
#include "api/avatar.h"

#include <QTest>

class TestAvatar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTheGuide_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("hash");
        QTest::addColumn<QString>("color");
        QTest::newRow("team owners") << "owners" << "" << "team"
                                     << "6f0e3a8c0eb46e8834b43b03374ece43a030621d92a7437beb48f871e90f8d90" << "#c7c7c7";
        QTest::newRow("team testteam") << "testteam" << "" << "team"
                                       << "827f8c5762148d7e85402495b126e0a18b9b168170416ed04b49aae551099dc8" << "#ff7f0e";
        QTest::newRow("user by e-mail") << "quayadmin" << "quay@quay.com" << "user"
                                        << "b28d563a6dc76b4431fc7b0524bbff6b810387dac86d9303874871839859c7cc" << "#17becf";
        QTest::newRow("e-mail case and spaces do not matter") << "quayadmin" << "  Quay@Quay.com " << "user"
                                        << "b28d563a6dc76b4431fc7b0524bbff6b810387dac86d9303874871839859c7cc" << "#17becf";
    }

    void matchesTheGuide()
    {
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, kind);
        QFETCH(QString, hash);
        QFETCH(QString, color);
        const QJsonObject avatar = kai::api::avatarOf(name, email, kind);
        QCOMPARE(avatar.value("name").toString(), name);
        QCOMPARE(avatar.value("hash").toString(), hash);
        QCOMPARE(avatar.value("color").toString(), color);
        QCOMPARE(avatar.value("kind").toString(), kind);
    }
};

QTEST_GUILESS_MAIN(TestAvatar)
#include "tst_avatar.moc"
