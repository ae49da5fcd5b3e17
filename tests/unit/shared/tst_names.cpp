#include "oci/names.h"

#include <QTest>

using namespace kai;
using namespace kai::oci;

class TestNames : public QObject
{
    Q_OBJECT

private slots:
    void repositoryNames_data();
    void repositoryNames();
    void namespaceNames_data();
    void namespaceNames();
    void tags_data();
    void tags();
    void splitSeparatesNamespaceFromNestedPath();
    void splitRejectsSingleSegment();
    void digestReferencesAreRecognised();
};

void TestNames::repositoryNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("namespace and repository") << QStringLiteral("quayadmin/busybox") << true;
    QTest::newRow("nested path") << QStringLiteral("org/team/app/api") << true;
    QTest::newRow("separators inside") << QStringLiteral("my-org.x/repo_name-1.2") << true;
    QTest::newRow("component may end with separator (Quay rule)") << QStringLiteral("ns/repo-") << true;
    QTest::newRow("exactly 255 characters") << (QStringLiteral("ns/") + QString(252, u'a')) << true;

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("single segment") << QStringLiteral("busybox") << false;
    QTest::newRow("256 characters") << (QStringLiteral("ns/") + QString(253, u'a')) << false;
    QTest::newRow("upper case in repository") << QStringLiteral("ns/BusyBox") << false;
    QTest::newRow("upper case in namespace") << QStringLiteral("NS/busybox") << false;
    QTest::newRow("leading slash") << QStringLiteral("/ns/repo") << false;
    QTest::newRow("trailing slash") << QStringLiteral("ns/repo/") << false;
    QTest::newRow("empty segment") << QStringLiteral("ns//repo") << false;
    QTest::newRow("dot dot segment") << QStringLiteral("ns/../repo") << false;
    QTest::newRow("dot dot inside component") << QStringLiteral("ns/a..b") << false;
    QTest::newRow("component starting with dot") << QStringLiteral("ns/.hidden") << false;
    QTest::newRow("component starting with dash") << QStringLiteral("ns/-repo") << false;
    QTest::newRow("one-character namespace") << QStringLiteral("n/repo") << false;
    QTest::newRow("namespace with double separator") << QStringLiteral("my--org/repo") << false;
    QTest::newRow("namespace ending with separator") << QStringLiteral("org-/repo") << false;
    QTest::newRow("robot-style plus") << QStringLiteral("ns+robot/repo") << false;
    QTest::newRow("colon") << QStringLiteral("ns/repo:tag") << false;
    QTest::newRow("non-ascii") << QStringLiteral("ns/r\u00e9po") << false;
    QTest::newRow("space") << QStringLiteral("ns/my repo") << false;
}

void TestNames::repositoryNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);

    const Status status = validateRepositoryName(name);
    QCOMPARE(status.ok(), valid);
    if (!valid) {
        QCOMPARE(status.error().kind, ErrorKind::NameInvalid);
        QVERIFY2(status.error().message.startsWith(u"invalid repository name"), qPrintable(status.error().message));
    }
    QCOMPARE(splitRepositoryPath(name).ok(), valid);
}

void TestNames::namespaceNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("two characters") << QStringLiteral("ab") << true;
    QTest::newRow("digits") << QStringLiteral("42") << true;
    QTest::newRow("single separators") << QStringLiteral("a.b_c-d") << true;
    QTest::newRow("255 characters") << QString(255, u'a') << true;

    QTest::newRow("one character") << QStringLiteral("a") << false;
    QTest::newRow("256 characters") << QString(256, u'a') << false;
    QTest::newRow("upper case") << QStringLiteral("Quay") << false;
    QTest::newRow("leading separator") << QStringLiteral("_ab") << false;
    QTest::newRow("trailing separator") << QStringLiteral("ab.") << false;
    QTest::newRow("double separator") << QStringLiteral("a__b") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestNames::namespaceNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);

    const Status status = validateNamespaceName(name);
    QCOMPARE(status.ok(), valid);
    if (!valid)
        QCOMPARE(status.error().kind, ErrorKind::NameInvalid);
}

void TestNames::tags_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<bool>("valid");

    QTest::newRow("latest") << QStringLiteral("latest") << true;
    QTest::newRow("upper case and dots") << QStringLiteral("V1.2.3-rc.1") << true;
    QTest::newRow("leading underscore") << QStringLiteral("_build") << true;
    QTest::newRow("one character") << QStringLiteral("1") << true;
    QTest::newRow("128 characters") << QString(128, u'a') << true;

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("129 characters") << QString(129, u'a') << false;
    QTest::newRow("leading dot") << QStringLiteral(".hidden") << false;
    QTest::newRow("leading dash") << QStringLiteral("-x") << false;
    QTest::newRow("colon") << QStringLiteral("a:b") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("plus") << QStringLiteral("1.0+build") << false;
    QTest::newRow("non-ascii letter") << QStringLiteral("caf\u00e9") << false;
}

void TestNames::tags()
{
    QFETCH(QString, tag);
    QFETCH(bool, valid);

    const Status status = validateTag(tag);
    QCOMPARE(status.ok(), valid);
    if (!valid) {
        QCOMPARE(status.error().kind, ErrorKind::TagInvalid);
        QVERIFY(status.error().message.startsWith(u"invalid tag"));
    }
}

void TestNames::splitSeparatesNamespaceFromNestedPath()
{
    const Result<RepositoryPath> path = splitRepositoryPath(u"ns/a/b");
    QVERIFY(path.ok());
    QCOMPARE(path->namespaceName, QStringLiteral("ns"));
    QCOMPARE(path->repositoryName, QStringLiteral("a/b"));
    QCOMPARE(path->fullName(), QStringLiteral("ns/a/b"));
}

void TestNames::splitRejectsSingleSegment()
{
    const Result<RepositoryPath> path = splitRepositoryPath(u"busybox");
    QVERIFY(!path.ok());
    QCOMPARE(path.error().kind, ErrorKind::NameInvalid);
    QVERIFY2(path.error().message.contains(u"needs a namespace"), qPrintable(path.error().message));
}

void TestNames::digestReferencesAreRecognised()
{
    QVERIFY(looksLikeDigest(u"sha256:abc"));
    QVERIFY(looksLikeDigest(u"sha512:"));
    QVERIFY(!looksLikeDigest(u"latest"));
    QVERIFY(!looksLikeDigest(u""));
}

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
