// appendJson() writes what QJsonDocument::toJson(Compact) writes (as a
// QString) for the values a usage-log entry holds, and for everything else text that parses
// back to the same value: escapes, non-ASCII, surrogate pairs, numbers,
// nesting. A lone surrogate has no UTF-8 and becomes U+FFFD.
#include "core/jsontext.h"

#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace kai;

class TestJsonText : public QObject
{
    Q_OBJECT

private:
    static QString byQt(const QJsonObject &object)
    {
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }

    static QJsonObject parsed(const QString &text)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << "not JSON:" << text << error.errorString();
        return document.object();
    }

private slots:
    void pullMetadataIsWhatQJsonDocumentWrites()
    {
        const QJsonObject metadata{{"repo", "r000"},
                                   {"namespace", "logs0"},
                                   {"user-agent", "containers/5.23.1 (github.com/containers/image)"},
                                   {"username", "admin"},
                                   {"is_robot", true},
                                   {"tag", "latest"},
                                   {"mediaType", "application/vnd.oci.image.manifest.v1+json"}};
        QCOMPARE(compactJson(metadata), byQt(metadata));
    }

    void stringsNeedingEscapesReadBack_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c");
        QTest::newRow("short escapes") << QStringLiteral("\b\f\n\r\t");
        QTest::newRow("other controls") << QString::fromUtf16(u"\u0001\u001f\u0000x", 4);
        QTest::newRow("slash stays") << QStringLiteral("a/b");
        QTest::newRow("latin-1 and CJK") << QString::fromUtf8("caf\xc3\xa9 \xe9\x95\x9c\xe5\x83\x8f");
        QTest::newRow("surrogate pair") << QString::fromUtf8("\xf0\x9f\x90\xb3 whale");
        QTest::newRow("DEL and U+0080") << QString::fromUtf16(u"\u007f\u0080", 2);
    }

    void stringsNeedingEscapesReadBack()
    {
        QFETCH(QString, text);
        const QJsonObject object{{"k\n\"", text}};
        const QString written = compactJson(object);
        QCOMPARE(parsed(written), object);
        QCOMPARE(written, byQt(object));
    }

    void loneSurrogateBecomesReplacementCharacter()
    {
        const QString broken = QString::fromUtf16(u"a\xd800" "b", 3);
        QString out;
        appendJsonString(out, broken);
        QCOMPARE(out, QString::fromUtf16(u"\"a\ufffdb\""));
    }

    void numbersReadBackToTheSameValue_data()
    {
        QTest::addColumn<double>("number");
        QTest::newRow("zero") << 0.0;
        QTest::newRow("negative whole") << -42.0;
        QTest::newRow("fraction") << 0.1;
        QTest::newRow("2^53") << 9007199254740992.0;
        QTest::newRow("above 2^53") << 1e20;
        QTest::newRow("tiny") << 5e-324;
        QTest::newRow("largest") << std::numeric_limits<double>::max();
    }

    void numbersReadBackToTheSameValue()
    {
        QFETCH(double, number);
        const QJsonObject object{{"n", number}, {"i", qint64(-9007199254740991)}};
        QCOMPARE(parsed(compactJson(object)), object);
    }

    void nonFiniteNumbersAreNull()
    {
        const QJsonObject object{{"nan", std::numeric_limits<double>::quiet_NaN()},
                                 {"inf", std::numeric_limits<double>::infinity()}};
        QCOMPARE(compactJson(object), QStringLiteral(R"({"inf":null,"nan":null})"));
    }

    void nestedValuesAndEmptyContainers()
    {
        const QJsonObject object{{"a", QJsonArray{1, "two", QJsonValue::Null, false, QJsonObject{{"x", QJsonArray{}}}}},
                                 {"o", QJsonObject{}},
                                 {"t", true}};
        const QString written = compactJson(object);
        QCOMPARE(written, byQt(object));
        QCOMPARE(parsed(written), object);
    }

    void objectTextKeepsTheOrderAddedAndReadsBack()
    {
        JsonObjectText text;
        text.add(u"repo", QStringLiteral("r\"0")).add(u"is_robot", true).add(u"n", QJsonValue(3));
        const QString written = text.take();
        QCOMPARE(written, QStringLiteral("{\"repo\":\"r\\\"0\",\"is_robot\":true,\"n\":3}"));
        QCOMPARE(parsed(written), (QJsonObject{{"repo", "r\"0"}, {"is_robot", true}, {"n", 3}}));
        QCOMPARE(text.take(), QStringLiteral("{}"));   // taken: empty again
    }
};

QTEST_APPLESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
