#include "http/router.h"

#include <QTest>

using namespace kai::http;

// The route table alone: pattern parameters, method fallback, 404 vs 405.
class TestRouter : public QObject
{
    Q_OBJECT

private slots:
    void matchExtractsParameters_data();
    void matchExtractsParameters();
    void headFallsBackToGet();
    void headPrefersAnExplicitHeadRoute();
    void wrongMethodIsReportedForA405();
    void unknownPathIsNotAMethodMismatch();
    void routesAreTriedInOrder();
    void patternLiteralsAreNotRegexSyntax();
};

namespace {

std::unique_ptr<Router> registryRouter()
{
    auto router = std::make_unique<Router>();
    const Handler tag = [](HttpRequest &, HttpResponse &r) { r.setBody("x"); };
    router->add("GET", QStringLiteral("/v2/"), tag);
    router->add("GET", QStringLiteral("/v2/{name...}/manifests/{reference}"), tag);
    router->add("PUT", QStringLiteral("/v2/{name...}/manifests/{reference}"), tag);
    router->add("GET", QStringLiteral("/v2/{name...}/blobs/{digest}"), tag);
    router->addStream("PATCH", QStringLiteral("/v2/{name...}/blobs/uploads/{uuid}"),
                      [](HttpRequest &, HttpResponse &) { return std::unique_ptr<BodyConsumer>(); });
    router->add("GET", QStringLiteral("/v2/{name...}/tags/list"), tag);
    router->add("GET", QStringLiteral("/api/v1/repository/{namespace}/{repo}"), tag);
    return router;
}

HttpRequest request(const char *method, const QString &path)
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    return r;
}

} // namespace

void TestRouter::matchExtractsParameters_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("expected");   // name=value pairs

    QTest::newRow("multi-segment name before manifests")
        << QByteArray("GET") << QStringLiteral("/v2/a/b/c/manifests/latest")
        << QStringLiteral("/v2/{name...}/manifests/{reference}")
        << QStringList{QStringLiteral("name=a/b/c"), QStringLiteral("reference=latest")};
    QTest::newRow("single-segment name")
        << QByteArray("PUT") << QStringLiteral("/v2/busybox/manifests/sha256:abc")
        << QStringLiteral("/v2/{name...}/manifests/{reference}")
        << QStringList{QStringLiteral("name=busybox"), QStringLiteral("reference=sha256:abc")};
    QTest::newRow("name that itself contains a keyword segment")
        << QByteArray("GET") << QStringLiteral("/v2/org/manifests/app/manifests/v1")
        << QStringLiteral("/v2/{name...}/manifests/{reference}")
        << QStringList{QStringLiteral("name=org/manifests/app"), QStringLiteral("reference=v1")};
    QTest::newRow("upload uuid under a nested name")
        << QByteArray("PATCH") << QStringLiteral("/v2/ns/repo/blobs/uploads/1234-5678")
        << QStringLiteral("/v2/{name...}/blobs/uploads/{uuid}")
        << QStringList{QStringLiteral("name=ns/repo"), QStringLiteral("uuid=1234-5678")};
    QTest::newRow("tags list")
        << QByteArray("GET") << QStringLiteral("/v2/ns/repo/tags/list")
        << QStringLiteral("/v2/{name...}/tags/list")
        << QStringList{QStringLiteral("name=ns/repo")};
    QTest::newRow("single-segment parameters")
        << QByteArray("GET") << QStringLiteral("/api/v1/repository/org/app")
        << QStringLiteral("/api/v1/repository/{namespace}/{repo}")
        << QStringList{QStringLiteral("namespace=org"), QStringLiteral("repo=app")};
    QTest::newRow("literal route without parameters")
        << QByteArray("GET") << QStringLiteral("/v2/") << QStringLiteral("/v2/") << QStringList{};
}

void TestRouter::matchExtractsParameters()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, pattern);
    QFETCH(QStringList, expected);

    const auto router = registryRouter();
    HttpRequest r = request(method.constData(), path);
    const Router::Match m = router->match(r);
    QVERIFY(m.route);
    QCOMPARE(m.route->pattern, pattern);
    QCOMPARE(m.route->method, method);
    QCOMPARE(r.params.size(), expected.size());
    for (const QString &pair : expected) {
        const QString name = pair.section(u'=', 0, 0);
        const QString value = pair.section(u'=', 1);
        QCOMPARE(r.param(name), value);
    }
}

void TestRouter::headFallsBackToGet()
{
    const auto router = registryRouter();
    HttpRequest r = request("HEAD", QStringLiteral("/v2/a/b/blobs/sha256:00"));
    const Router::Match m = router->match(r);
    QVERIFY(m.route);
    QCOMPARE(m.route->method, QByteArray("GET"));
    QCOMPARE(r.param(QStringLiteral("name")), QStringLiteral("a/b"));
    QCOMPARE(r.param(QStringLiteral("digest")), QStringLiteral("sha256:00"));
}

void TestRouter::headPrefersAnExplicitHeadRoute()
{
    Router router;
    router.add("GET", QStringLiteral("/x/{id}"), [](HttpRequest &, HttpResponse &) {});
    router.add("HEAD", QStringLiteral("/x/{id}"), [](HttpRequest &, HttpResponse &) {});
    HttpRequest r = request("HEAD", QStringLiteral("/x/1"));
    const Router::Match m = router.match(r);
    QVERIFY(m.route);
    QCOMPARE(m.route->method, QByteArray("HEAD"));
}

void TestRouter::wrongMethodIsReportedForA405()
{
    const auto router = registryRouter();
    HttpRequest r = request("DELETE", QStringLiteral("/v2/a/tags/list"));
    const Router::Match m = router->match(r);
    QVERIFY(!m.route);
    QVERIFY(m.pathMatchedOtherMethod);
}

void TestRouter::unknownPathIsNotAMethodMismatch()
{
    const auto router = registryRouter();
    HttpRequest r = request("GET", QStringLiteral("/v3/whatever"));
    const Router::Match m = router->match(r);
    QVERIFY(!m.route);
    QVERIFY(!m.pathMatchedOtherMethod);
    HttpRequest missingName = request("GET", QStringLiteral("/v2//manifests/x"));
    QVERIFY(!router->match(missingName).route);
}

void TestRouter::routesAreTriedInOrder()
{
    Router router;
    router.add("GET", QStringLiteral("/v2/{name...}/blobs/uploads/{uuid}"), [](HttpRequest &, HttpResponse &) {});
    router.add("GET", QStringLiteral("/v2/{name...}/blobs/{digest}"), [](HttpRequest &, HttpResponse &) {});
    HttpRequest r = request("GET", QStringLiteral("/v2/a/blobs/uploads/u1"));
    const Router::Match m = router.match(r);
    QVERIFY(m.route);
    QCOMPARE(m.route->pattern, QStringLiteral("/v2/{name...}/blobs/uploads/{uuid}"));
}

void TestRouter::patternLiteralsAreNotRegexSyntax()
{
    Router router;
    router.add("GET", QStringLiteral("/a.b/{x}"), [](HttpRequest &, HttpResponse &) {});
    HttpRequest dotted = request("GET", QStringLiteral("/a.b/1"));
    QVERIFY(router.match(dotted).route);
    HttpRequest other = request("GET", QStringLiteral("/axb/1"));
    QVERIFY(!router.match(other).route);
}

QTEST_APPLESS_MAIN(TestRouter)
#include "tst_httprouter.moc"
