// Repositories, their permissions and default permissions over API v1, as
// the guide drives them with curl, against a real kai-server on SQLite and
// PostgreSQL. Pushes go through /v2 to show that API grants and registry
// access are one thing.
#include "serverfixture.h"
#include "registrytestdata.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>

#include <algorithm>

using namespace kai::test;

class TestApiRepositories : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    // Users made once per server (backend row): name -> OAuth token.
    QHash<QString, QHash<QString, QString>> m_tokens;

    static const QString kPassword;

    // The user's API token, creating the user on first use.
    QString tokenFor(ServerProcess *server, const QString &backend, const QString &user)
    {
        QHash<QString, QString> &tokens = m_tokens[backend];
        if (!tokens.contains(user)) {
            if (!server->createUser(user, kPassword).ok())
                return {};
            tokens.insert(user, server->createToken(user));
        }
        return tokens.value(user);
    }

    static HttpReply call(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                          const QJsonObject &body = {})
    {
        HttpClient client(server->baseUrl());
        if (!token.isEmpty())
            client.setBearer(token);
        const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        return client.send(method, path, payload, {{"Content-Type", "application/json"}});
    }

    static HttpReply createRepository(ServerProcess *server, const QString &token, const QString &name,
                                      const QString &visibility, const QString &ns = {})
    {
        QJsonObject body{{"repository", name}, {"visibility", visibility}, {"description", "made by a test"}};
        if (!ns.isEmpty())
            body.insert("namespace", ns);
        return call(server, token, "POST", "/api/v1/repository", body);
    }

    static QStringList listedNames(const HttpReply &reply)
    {
        QStringList names;
        for (const QJsonValue &repo : reply.json().value("repositories").toArray())
            names << repo.toObject().value("namespace").toString() + '/' + repo.toObject().value("name").toString();
        return names;
    }

    // Pushes one small image as `user` (password login) and returns its
    // manifest; empty when the registry refused.
    static QByteArray pushImage(ServerProcess *server, const QString &user, const QString &repository, const QString &tag)
    {
        HttpClient registry(server->baseUrl());
        if (registry.login(user, kPassword, {QStringLiteral("repository:%1:pull,push").arg(repository)}).isEmpty())
            return {};
        const QByteArray config = QStringLiteral("{\"repo\":\"%1\"}").arg(repository).toUtf8();
        const QByteArray layer = QByteArray("layer of ") + repository.toUtf8();
        if (registry.pushBlob(repository, config).isEmpty() || registry.pushBlob(repository, layer).isEmpty())
            return {};
        const QByteArray manifest = ociImageManifest(config, {layer});
        if (registry.putManifest(repository, tag, manifest, "application/vnd.oci.image.manifest.v1+json").status != 201)
            return {};
        return manifest;
    }

    // Follows next_page from `path` to the last page; the names of every
    // page in order, and the page sizes.
    static QStringList pageThrough(ServerProcess *server, const QString &token, const QString &path,
                                   QList<int> *pageSizes = nullptr)
    {
        QStringList names;
        QString next = path;
        for (int guard = 0; !next.isEmpty() && guard < 100; ++guard) {
            const HttpReply page = call(server, token, "GET", next);
            if (page.status != 200)
                return names << QStringLiteral("<HTTP %1>").arg(page.status);
            names << listedNames(page);
            if (pageSizes)
                *pageSizes << int(page.json().value("repositories").toArray().size());
            const QString nextPage = page.json().value("next_page").toString();
            next = nextPage.isEmpty() ? QString()
                                      : path + (path.contains('?') ? "&" : "?") + "next_page="
                                            + QString::fromLatin1(QUrl::toPercentEncoding(nextPage));
        }
        return names;
    }

    // The listing order: namespace, then repository name, bytewise.
    static QStringList sortedAsListed(QStringList names)
    {
        std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
            const QString an = a.section('/', 0, 0), bn = b.section('/', 0, 0);
            if (an != bn)
                return an.toUtf8() < bn.toUtf8();
            return a.section('/', 1).toUtf8() < b.section('/', 1).toUtf8();
        });
        return names;
    }

    // An organization owned by `owner`, or a skip while the organizations
    // API is not there yet.
    bool ensureOrganization(ServerProcess *server, const QString &ownerToken, const QString &name)
    {
        const HttpReply reply = call(server, ownerToken, "POST", "/api/v1/organization/",
                                     {{"name", name}, {"email", name + "@example.com"}});
        return reply.status == 201
               || reply.json().value("error_message").toString().contains(QLatin1String("already exists"));
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void userCreatesPublicRepositoryThatAnonymousMayPull()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        QVERIFY(!alice.isEmpty());
        const HttpReply created = createRepository(server, alice, "pubrepo", "public");
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json(), (QJsonObject{{"namespace", "alice"}, {"name", "pubrepo"}, {"kind", "image"}}));

        const QByteArray manifest = pushImage(server, "alice", "alice/pubrepo", "latest");
        QVERIFY(!manifest.isEmpty());
        HttpClient anonymous(server->baseUrl());
        QVERIFY(!anonymous.login({}, {}, {"repository:alice/pubrepo:pull"}).isEmpty());
        const HttpReply pulled = anonymous.get("/v2/alice/pubrepo/manifests/latest");
        QCOMPARE(pulled.status, 200);
        QCOMPARE(pulled.body, manifest);

        // The repository view lists the tag with its manifest, anonymous too.
        const HttpReply view = call(server, {}, "GET", "/api/v1/repository/alice/pubrepo?includeTags=true");
        QCOMPARE(view.status, 200);
        const QJsonObject tag = view.json().value("tags").toObject().value("latest").toObject();
        QCOMPARE(tag.value("manifest_digest").toString(), sha256Of(manifest));
        QCOMPARE(tag.value("size").toInteger(), qint64(QByteArray("layer of alice/pubrepo").size()));
        QVERIFY(tag.value("last_modified").toString().endsWith(QLatin1String("-0000")));
        QCOMPARE(view.json().value("can_write").toBool(), false);
        QCOMPARE(view.json().value("description").toString(), QStringLiteral("made by a test"));
    }

    void ownerCreatesPrivateRepositoryListsAndAdministersIt()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        QCOMPARE(createRepository(server, alice, "secret", "private").status, 201);

        const HttpReply listed = call(server, alice, "GET", "/api/v1/repository?namespace=alice");
        QCOMPARE(listed.status, 200);
        QVERIFY(listedNames(listed).contains("alice/secret"));
        QVERIFY(!listed.json().contains("next_page"));

        const HttpReply view = call(server, alice, "GET", "/api/v1/repository/alice/secret");
        QCOMPARE(view.status, 200);
        const QJsonObject json = view.json();
        QCOMPARE(json.value("namespace").toString(), QStringLiteral("alice"));
        QCOMPARE(json.value("name").toString(), QStringLiteral("secret"));
        QCOMPARE(json.value("kind").toString(), QStringLiteral("image"));
        QCOMPARE(json.value("is_public").toBool(), false);
        QCOMPARE(json.value("is_organization").toBool(), false);
        QCOMPARE(json.value("state").toString(), QStringLiteral("NORMAL"));
        QCOMPARE(json.value("tag_expiration_s").toInteger(), qint64(1209600));
        QCOMPARE(json.value("can_write").toBool(), true);
        QCOMPARE(json.value("can_admin").toBool(), true);
        QCOMPARE(json.value("tags").toObject(), QJsonObject());

        QCOMPARE(call(server, alice, "PUT", "/api/v1/repository/alice/secret", {{"description", "new words"}}).json(),
                 (QJsonObject{{"success", true}}));
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/alice/secret").json().value("description").toString(),
                 QStringLiteral("new words"));
    }

    void tokenScopesCapTheRepositoryRole()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        QCOMPARE(createRepository(server, alice, "scoped", "private").status, 201);
        const QString readOnly = server->createToken("alice", "repo:read");
        QVERIFY(!readOnly.isEmpty());
        const HttpReply view = call(server, readOnly, "GET", "/api/v1/repository/alice/scoped?includeTags=false");
        QCOMPARE(view.status, 200);
        QCOMPARE(view.json().value("can_write").toBool(), false);
        QCOMPARE(view.json().value("can_admin").toBool(), false);
        QVERIFY(!view.json().contains("tags"));
        QCOMPARE(call(server, readOnly, "PUT", "/api/v1/repository/alice/scoped", {{"description", "nope"}}).status, 403);
        QCOMPARE(call(server, readOnly, "DELETE", "/api/v1/repository/alice/scoped").status, 403);
        QCOMPARE(createRepository(server, readOnly, "uncreated", "private").status, 403);
        QCOMPARE(call(server, alice, "PUT", "/api/v1/repository/alice/scoped", {{"text", "no description"}}).status, 400);
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/alice/scoped").json().value("description").toString(),
                 QStringLiteral("made by a test"));
    }

    void listingNeedsAFilter()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        const HttpReply reply = call(server, alice, "GET", "/api/v1/repository");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("invalid_request"));
        QCOMPARE(call(server, {}, "GET", "/api/v1/repository?starred=true").status, 400);
    }

    void outsiderIsRefusedPrivateRepository()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        const QString mallory = tokenFor(server, backend, "mallory");
        QCOMPARE(createRepository(server, alice, "hidden", "private").status, 201);
        QCOMPARE(createRepository(server, alice, "visible", "public").status, 201);

        const HttpReply outsider = call(server, mallory, "GET", "/api/v1/repository/alice/hidden");
        QCOMPARE(outsider.status, 403);
        QCOMPARE(outsider.json().value("error_type").toString(), QStringLiteral("insufficient_scope"));
        QCOMPARE(call(server, {}, "GET", "/api/v1/repository/alice/hidden").status, 401);
        // A name that does not exist looks the same to outsiders...
        QCOMPARE(call(server, mallory, "GET", "/api/v1/repository/alice/nothing-here").status, 403);
        // ...while the owner learns it is not there.
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/alice/nothing-here").status, 404);

        QVERIFY(!listedNames(call(server, mallory, "GET", "/api/v1/repository?namespace=alice")).contains("alice/hidden"));
        QVERIFY(!listedNames(call(server, {}, "GET", "/api/v1/repository?namespace=alice")).contains("alice/hidden"));
        QVERIFY(listedNames(call(server, {}, "GET", "/api/v1/repository?namespace=alice")).contains("alice/visible"));
        // Mallory may not change it either, nor create in alice's namespace.
        QCOMPARE(call(server, mallory, "DELETE", "/api/v1/repository/alice/hidden").status, 403);
        QCOMPARE(call(server, mallory, "PUT", "/api/v1/repository/alice/hidden/permissions/user/mallory", {{"role", "admin"}}).status, 403);
        QCOMPARE(createRepository(server, mallory, "intruder", "public", "alice").status, 403);
        QCOMPARE(createRepository(server, {}, "anonymous", "public", "alice").status, 401);
    }

    void grantedWriterPushesThroughTheRegistry()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        QVERIFY(!tokenFor(server, backend, "bob").isEmpty());
        QCOMPARE(createRepository(server, alice, "shared", "private").status, 201);

        // Before the grant bob's push is not authorised.
        HttpClient refused(server->baseUrl());
        refused.login("bob", kPassword, {"repository:alice/shared:pull,push"});
        QCOMPARE(refused.send("POST", "/v2/alice/shared/blobs/uploads/").status, 401);

        const HttpReply granted = call(server, alice, "PUT", "/api/v1/repository/alice/shared/permissions/user/bob", {{"role", "write"}});
        QCOMPARE(granted.status, 200);
        QCOMPARE(granted.json().value("role").toString(), QStringLiteral("write"));
        QCOMPARE(granted.json().value("name").toString(), QStringLiteral("bob"));
        QCOMPARE(granted.json().value("is_robot").toBool(), false);
        QCOMPARE(granted.json().value("avatar").toObject().value("kind").toString(), QStringLiteral("user"));
        QVERIFY2(!granted.json().contains("is_org_member"), "only organization repositories say it");

        QVERIFY(!pushImage(server, "bob", "alice/shared", "v1").isEmpty());

        const HttpReply listed = call(server, alice, "GET", "/api/v1/repository/alice/shared/permissions/user/");
        QCOMPARE(listed.status, 200);
        const QJsonObject permissions = listed.json().value("permissions").toObject();
        QCOMPARE(permissions.value("alice").toObject().value("role").toString(), QStringLiteral("admin"));
        QCOMPARE(permissions.value("bob").toObject().value("role").toString(), QStringLiteral("write"));
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/alice/shared/permissions/user/bob").json().value("role").toString(),
                 QStringLiteral("write"));
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/alice/shared/permissions/user/bob/transitive").json(),
                 (QJsonObject{{"permissions", QJsonArray{QJsonObject{{"role", "write"}}}}}));
        // Bob can write but not administer: the permission list is closed to him.
        QCOMPARE(call(server, tokenFor(server, backend, "bob"), "GET", "/api/v1/repository/alice/shared/permissions/user/").status, 403);
        const HttpReply bobView = call(server, tokenFor(server, backend, "bob"), "GET", "/api/v1/repository/alice/shared");
        QCOMPARE(bobView.json().value("can_write").toBool(), true);
        QCOMPARE(bobView.json().value("can_admin").toBool(), false);
        QVERIFY(listedNames(call(server, tokenFor(server, backend, "bob"), "GET", "/api/v1/repository?namespace=alice"))
                    .contains("alice/shared"));

        // Removing the grant takes the access away again (guide: DELETE, then GET .../<user>/).
        QCOMPARE(call(server, alice, "DELETE", "/api/v1/repository/alice/shared/permissions/user/bob").status, 204);
        const HttpReply gone = call(server, alice, "GET", "/api/v1/repository/alice/shared/permissions/user/bob/");
        QCOMPARE(gone.status, 400);
        QCOMPARE(gone.body, QByteArray(R"({"message":"User does not have permission for repo."})"));
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/alice/shared/permissions/user/bob/transitive").status, 404);
        QCOMPARE(call(server, tokenFor(server, backend, "bob"), "GET", "/api/v1/repository/alice/shared").status, 403);
    }

    void ownerPermissionCannotBeChangedOrRemoved()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        QCOMPARE(createRepository(server, alice, "owned", "private").status, 201);
        for (const QByteArray method : {"PUT", "DELETE"}) {
            const HttpReply reply = call(server, alice, method, "/api/v1/repository/alice/owned/permissions/user/alice",
                                         method == "PUT" ? QJsonObject{{"role", "read"}} : QJsonObject());
            QCOMPARE(reply.status, 400);
            QCOMPARE(reply.json().value("message").toString(), QStringLiteral("Namespace owner must always be admin."));
        }
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/alice/owned/permissions/user/alice").json().value("role").toString(),
                 QStringLiteral("admin"));
    }

    void invalidGrantIsRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("role outside read/write/admin") << "bob" << QJsonObject{{"role", "owner"}} << "'owner' is not one of ['read', 'write', 'admin']";
        QTest::newRow("role missing") << "bob" << QJsonObject{{"rolle", "read"}} << "'role' is a required property";
        QTest::newRow("unknown user") << "nosuchuser" << QJsonObject{{"role", "read"}} << "Invalid username: nosuchuser";
    }

    void invalidGrantIsRefusedAndNothingChanges()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QString, username);
        QFETCH(QJsonObject, body);
        QFETCH(QString, message);
        const QString alice = tokenFor(server, backend, "alice");
        QVERIFY(!tokenFor(server, backend, "bob").isEmpty());
        createRepository(server, alice, "guarded", "private");
        QCOMPARE(call(server, alice, "PUT", "/api/v1/repository/alice/guarded/permissions/user/bob", {{"role", "read"}}).status, 200);

        const HttpReply reply = call(server, alice, "PUT", "/api/v1/repository/alice/guarded/permissions/user/" + username, body);
        QCOMPARE(reply.status, 400);
        const QJsonObject json = reply.json();
        QCOMPARE(json.contains("message") ? json.value("message").toString() : json.value("error_message").toString(), message);
        const QJsonObject permissions =
            call(server, alice, "GET", "/api/v1/repository/alice/guarded/permissions/user/").json().value("permissions").toObject();
        QCOMPARE(permissions.keys(), (QStringList{"alice", "bob"}));
        QCOMPARE(permissions.value("bob").toObject().value("role").toString(), QStringLiteral("read"));
    }

    void robotOfAnotherNamespaceIsRefused()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        const QString bob = tokenFor(server, backend, "bob");
        createRepository(server, alice, "robotic", "private");
        const HttpReply robot = call(server, bob, "PUT", "/api/v1/user/robots/builder", {{"description", "bob's robot"}});
        if (robot.status == 404)
            QSKIP("robot accounts API not available yet");
        QCOMPARE(robot.status, 201);
        const HttpReply reply = call(server, alice, "PUT", "/api/v1/repository/alice/robotic/permissions/user/bob+builder", {{"role", "read"}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("message").toString(), QStringLiteral("Cannot add robot bob+builder under namespace alice"));
    }

    void duplicateOrInvalidRepositoryIsRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("duplicate") << "twice" << "Repository already exists";
        QTest::newRow("upper case") << "Twice" << "Invalid repository name";
        QTest::newRow("space") << "two words" << "Invalid repository name";
        QTest::newRow("trailing slash") << "nested/" << "Invalid repository name";
    }

    void duplicateOrInvalidRepositoryIsRefused()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QString, name);
        QFETCH(QString, message);
        const QString alice = tokenFor(server, backend, "alice");
        createRepository(server, alice, "twice", "private");
        const HttpReply reply = createRepository(server, alice, name, "private");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("invalid_request"));
        QCOMPARE(reply.json().value("error_message").toString(), message);
    }

    void missingFieldsAreRefused()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        QCOMPARE(call(server, alice, "POST", "/api/v1/repository").json().value("error_message").toString(),
                 QStringLiteral("Missing JSON body"));
        const HttpReply noVisibility = call(server, alice, "POST", "/api/v1/repository", {{"repository", "x1"}, {"description", ""}});
        QCOMPARE(noVisibility.status, 400);
        QCOMPARE(noVisibility.json().value("error_message").toString(), QStringLiteral("'visibility' is a required property"));
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/alice/x1").status, 404);
    }

    void changeVisibility()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        QCOMPARE(createRepository(server, alice, "flip", "private").status, 201);
        QCOMPARE(call(server, {}, "GET", "/api/v1/repository/alice/flip").status, 401);

        const HttpReply toPublic = call(server, alice, "POST", "/api/v1/repository/alice/flip/changevisibility", {{"visibility", "public"}});
        QCOMPARE(toPublic.status, 200);
        QCOMPARE(toPublic.json(), (QJsonObject{{"success", true}}));
        const HttpReply anonymous = call(server, {}, "GET", "/api/v1/repository/alice/flip");
        QCOMPARE(anonymous.status, 200);
        QCOMPARE(anonymous.json().value("is_public").toBool(), true);
        QCOMPARE(anonymous.json().value("can_admin").toBool(), false);

        QCOMPARE(call(server, alice, "POST", "/api/v1/repository/alice/flip/changevisibility", {{"visibility", "secret"}}).status, 400);
        QCOMPARE(call(server, alice, "POST", "/api/v1/repository/alice/flip/changevisibility", {{"visibility", "private"}}).status, 200);
        QCOMPARE(call(server, {}, "GET", "/api/v1/repository/alice/flip").status, 401);
    }

    void deletedRepositoryIsGoneAtOnce()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        QCOMPARE(createRepository(server, alice, "doomed", "public").status, 201);
        QVERIFY(!pushImage(server, "alice", "alice/doomed", "latest").isEmpty());

        const HttpReply deleted = call(server, alice, "DELETE", "/api/v1/repository/alice/doomed");
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
        const HttpReply after = call(server, alice, "GET", "/api/v1/repository/alice/doomed");
        QCOMPARE(after.status, 404);
        QCOMPARE(after.json().value("error_type").toString(), QStringLiteral("not_found"));
        QVERIFY(!listedNames(call(server, alice, "GET", "/api/v1/repository?namespace=alice")).contains("alice/doomed"));
        HttpClient anonymous(server->baseUrl());
        anonymous.login({}, {}, {"repository:alice/doomed:pull"});
        QCOMPARE(anonymous.get("/v2/alice/doomed/manifests/latest").status, 401);
        // The name is free again.
        QCOMPARE(createRepository(server, alice, "doomed", "private").status, 201);
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/alice/doomed").json().value("tags").toObject(), QJsonObject());
    }

    void nestedRepositoryNamesRouteToTheirSubresources()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        QVERIFY(!tokenFor(server, backend, "bob").isEmpty());
        QCOMPARE(createRepository(server, alice, "team/app/permissions", "private").status, 201);
        const QString base = "/api/v1/repository/alice/team/app/permissions";
        QCOMPARE(call(server, alice, "GET", base).json().value("name").toString(), QStringLiteral("team/app/permissions"));
        QCOMPARE(call(server, alice, "PUT", base + "/permissions/user/bob", {{"role", "read"}}).status, 200);
        QCOMPARE(call(server, alice, "GET", base + "/permissions/user/").json().value("permissions").toObject().keys(),
                 (QStringList{"alice", "bob"}));
        QCOMPARE(call(server, alice, "GET", base + "/permissions/team/").json(), (QJsonObject{{"permissions", QJsonObject()}}));
        QCOMPARE(call(server, alice, "POST", base + "/changevisibility", {{"visibility", "public"}}).status, 200);
        QCOMPARE(call(server, {}, "GET", base).status, 200);
    }

    void starsAreListedAndRemoved()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        const QString carol = tokenFor(server, backend, "starry");
        QCOMPARE(createRepository(server, alice, "starlit", "public").status, 201);
        QCOMPARE(createRepository(server, alice, "unlit", "private").status, 201);
        const HttpReply starred = call(server, carol, "POST", "/api/v1/user/starred", {{"namespace", "alice"}, {"repository", "starlit"}});
        QCOMPARE(starred.status, 201);
        QCOMPARE(starred.json(), (QJsonObject{{"namespace", "alice"}, {"repository", "starlit"}}));
        // A private repository carol cannot read is not starred.
        QCOMPARE(call(server, carol, "POST", "/api/v1/user/starred", {{"namespace", "alice"}, {"repository", "unlit"}}).status, 200);

        QCOMPARE(listedNames(call(server, carol, "GET", "/api/v1/user/starred")), QStringList{"alice/starlit"});
        const HttpReply viaFilter = call(server, carol, "GET", "/api/v1/repository?starred=true");
        QCOMPARE(listedNames(viaFilter), QStringList{"alice/starlit"});
        QCOMPARE(viaFilter.json().value("repositories").toArray().first().toObject().value("is_starred").toBool(), true);
        QCOMPARE(call(server, carol, "GET", "/api/v1/repository/alice/starlit").json().value("is_starred").toBool(), true);

        QCOMPARE(call(server, carol, "DELETE", "/api/v1/user/starred/alice/starlit").status, 204);
        QCOMPARE(listedNames(call(server, carol, "GET", "/api/v1/user/starred")), QStringList());
    }

    void listingPagesWithNextPage()
    {
        KAI_SERVER(server, m_fixture);
        const QString pager = tokenFor(server, backend, "pager");
        for (int i = 0; i < 105; ++i)
            QCOMPARE(createRepository(server, pager, QStringLiteral("repo-%1").arg(i, 3, 10, QLatin1Char('0')), "private").status, 201);

        const HttpReply first = call(server, pager, "GET", "/api/v1/repository?namespace=pager&last_modified=true");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value("repositories").toArray().size(), 100);
        QVERIFY(first.json().value("repositories").toArray().first().toObject().value("last_modified").isNull());
        const QString token = first.json().value("next_page").toString();
        QVERIFY(!token.isEmpty());

        const HttpReply second = call(server, pager, "GET", "/api/v1/repository?namespace=pager&next_page=" + token);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json().value("repositories").toArray().size(), 5);
        QVERIFY(!second.json().contains("next_page"));
        const QStringList all = listedNames(first) + listedNames(second);
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 105);

        // A token that was not made here is ignored: the first page again.
        const HttpReply forged = call(server, pager, "GET", "/api/v1/repository?namespace=pager&next_page=bm90LWEtdG9rZW4");
        QCOMPARE(listedNames(forged), listedNames(first));
    }

    // next_page carries the last name of the page: 250 repositories of an
    // organization come back once each, in name order, for its admin
    // (every repository) and for a member who sees some through a team
    // and some through direct grants; a repository deleted meanwhile does
    // not shift the next page.
    void organizationListingPagesThroughEveryRepositoryOnceInOrder()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        const QString bob = tokenFor(server, backend, "bob");
        QVERIFY(!bob.isEmpty());
        QVERIFY(ensureOrganization(server, alice, "pageorg"));
        QStringList created;
        for (int i = 0; i < 240; ++i)   // created out of name order
            created << QStringLiteral("r%1").arg(i * 7919 % 240, 3, 10, QLatin1Char('0'));
        created << "n-1" << "n.1" << "n/1" << "n1" << "n_1" << "n/1/x" << "z" << "a" << "a-b" << "a.b";
        for (const QString &name : created)
            QCOMPARE(createRepository(server, alice, name, "private", "pageorg").status, 201);
        QStringList expected;
        for (const QString &name : created)
            expected << "pageorg/" + name;
        expected = sortedAsListed(expected);
        QCOMPARE(expected.mid(0, 6), (QStringList{"pageorg/a", "pageorg/a-b", "pageorg/a.b", "pageorg/n-1", "pageorg/n.1",
                                                  "pageorg/n/1"}));

        QList<int> sizes;
        QCOMPARE(pageThrough(server, alice, "/api/v1/repository?namespace=pageorg", &sizes), expected);
        QCOMPARE(sizes, (QList<int>{100, 100, 50}));
        QCOMPARE(pageThrough(server, alice, "/api/v1/repository?namespace=pageorg&last_modified=true"), expected);

        // Bob: a team's read on every second repository, direct read on every fifth.
        QCOMPARE(call(server, alice, "PUT", "/api/v1/organization/pageorg/team/pagereaders", {{"role", "member"}}).status, 200);
        QCOMPARE(call(server, alice, "PUT", "/api/v1/organization/pageorg/team/pagereaders/members/bob").status, 200);
        QStringList visible;
        for (int i = 0; i < expected.size(); ++i) {
            const QString repo = expected.at(i);
            if (i % 2 == 0)
                QCOMPARE(call(server, alice, "PUT", "/api/v1/repository/" + repo + "/permissions/team/pagereaders", {{"role", "read"}}).status, 200);
            if (i % 5 == 0)
                QCOMPARE(call(server, alice, "PUT", "/api/v1/repository/" + repo + "/permissions/user/bob", {{"role", "read"}}).status, 200);
            if (i % 2 == 0 || i % 5 == 0)
                visible << repo;
        }
        sizes.clear();
        QCOMPARE(pageThrough(server, bob, "/api/v1/repository?namespace=pageorg", &sizes), visible);
        QCOMPARE(sizes, (QList<int>{100, int(visible.size()) - 100}));

        // Deleting the first entry of the next page after reading a page:
        // the next page starts right after the last name read.
        const HttpReply first = call(server, alice, "GET", "/api/v1/repository?namespace=pageorg");
        QCOMPARE(listedNames(first), expected.mid(0, 100));
        QCOMPARE(call(server, alice, "DELETE", "/api/v1/repository/" + expected.at(100)).status, 204);
        QCOMPARE(call(server, alice, "DELETE", "/api/v1/repository/" + expected.at(50)).status, 204);
        const HttpReply second = call(server, alice, "GET", "/api/v1/repository?namespace=pageorg&next_page="
                                                                + first.json().value("next_page").toString());
        QCOMPARE(listedNames(second), expected.mid(101, 100));
    }

    // Listings over several namespaces page by (namespace, name).
    void publicListingPagesAcrossNamespacesInOrder()
    {
        KAI_SERVER(server, m_fixture);
        QStringList mine;
        for (const QString user : {"pubpage-b", "pubpage-a"}) {
            const QString token = tokenFor(server, backend, user);
            QVERIFY(!token.isEmpty());
            for (int i = 0; i < 55; ++i) {
                const QString name = QStringLiteral("p%1").arg((i * 31) % 55, 2, 10, QLatin1Char('0'));
                QCOMPARE(createRepository(server, token, name, "public").status, 201);
                mine << user + '/' + name;
            }
        }
        QList<int> sizes;
        const QStringList listed = pageThrough(server, {}, "/api/v1/repository?public=true", &sizes);
        QVERIFY2(sizes.size() >= 2, "more than one page");
        QCOMPARE(listed, sortedAsListed(listed));
        QCOMPARE(QSet<QString>(listed.begin(), listed.end()).size(), listed.size());
        for (const QString &repo : mine)
            QVERIFY2(listed.contains(repo), qPrintable(repo));
    }

    void prototypesApplyWhenRepositoriesAreCreated()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        QVERIFY(!tokenFor(server, backend, "bob").isEmpty());
        QVERIFY(!tokenFor(server, backend, "dave").isEmpty());
        const HttpReply org = call(server, alice, "POST", "/api/v1/organization/", {{"name", "acme"}, {"email", "acme@example.com"}});
        if (org.status == 404)
            QSKIP("organizations API not available yet");
        QCOMPARE(org.status, 201);
        QCOMPARE(call(server, alice, "PUT", "/api/v1/organization/acme/team/readers", {{"role", "member"}}).status, 200);

        const QString prototypes = "/api/v1/organization/acme/prototypes";
        const HttpReply general = call(server, alice, "POST", prototypes,
                                       {{"role", "read"}, {"delegate", QJsonObject{{"kind", "user"}, {"name", "bob"}}}});
        QCOMPARE(general.status, 200);
        QVERIFY(general.json().value("activating_user").isNull());
        QCOMPARE(general.json().value("delegate").toObject().value("name").toString(), QStringLiteral("bob"));
        QCOMPARE(general.json().value("delegate").toObject().value("is_org_member").toBool(), false);
        const HttpReply specific = call(server, alice, "POST", prototypes,
                                        {{"role", "write"}, {"delegate", QJsonObject{{"kind", "user"}, {"name", "bob"}}},
                                         {"activating_user", QJsonObject{{"name", "alice"}}}});
        QCOMPARE(specific.status, 200);
        QCOMPARE(specific.json().value("activating_user").toObject().value("name").toString(), QStringLiteral("alice"));
        QCOMPARE(specific.json().value("activating_user").toObject().value("is_org_member").toBool(), true);
        QCOMPARE(call(server, alice, "POST", prototypes, {{"role", "read"}, {"delegate", QJsonObject{{"kind", "team"}, {"name", "readers"}}}}).status, 200);
        // For someone else's repositories only; and one naming the creator is skipped.
        QCOMPARE(call(server, alice, "POST", prototypes,
                      {{"role", "admin"}, {"delegate", QJsonObject{{"kind", "user"}, {"name", "dave"}}},
                       {"activating_user", QJsonObject{{"name", "bob"}}}}).status, 200);
        QCOMPARE(call(server, alice, "POST", prototypes, {{"role", "read"}, {"delegate", QJsonObject{{"kind", "user"}, {"name", "alice"}}}}).status, 200);
        QCOMPARE(call(server, alice, "GET", prototypes).json().value("prototypes").toArray().size(), 5);

        // Created through the API...
        QCOMPARE(createRepository(server, alice, "app", "private", "acme").status, 201);
        // ...and by a push.
        QVERIFY(!pushImage(server, "alice", "acme/pushed", "latest").isEmpty());
        for (const QString repo : {"acme/app", "acme/pushed"}) {
            const QJsonObject users = call(server, alice, "GET", "/api/v1/repository/" + repo + "/permissions/user/").json().value("permissions").toObject();
            QCOMPARE(users.keys(), (QStringList{"alice", "bob"}));
            QCOMPARE(users.value("alice").toObject().value("role").toString(), QStringLiteral("admin"));
            QCOMPARE(users.value("alice").toObject().value("is_org_member").toBool(), true);
            QCOMPARE(users.value("bob").toObject().value("role").toString(), QStringLiteral("write"));
            QCOMPARE(users.value("bob").toObject().value("is_org_member").toBool(), false);
            const QJsonObject teams = call(server, alice, "GET", "/api/v1/repository/" + repo + "/permissions/team/").json().value("permissions").toObject();
            QCOMPARE(teams.keys(), QStringList{"readers"});
            QCOMPARE(teams.value("readers").toObject().value("role").toString(), QStringLiteral("read"));
        }
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/acme/app").json().value("is_organization").toBool(), true);

        // Change and delete a prototype (guide 7.3).
        const QString id = specific.json().value("id").toString();
        const HttpReply changed = call(server, alice, "PUT", prototypes + "/" + id, {{"role", "admin"}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json().value("role").toString(), QStringLiteral("admin"));
        QCOMPARE(changed.json().value("id").toString(), id);
        QCOMPARE(call(server, alice, "DELETE", prototypes + "/" + id).status, 204);
        QCOMPARE(call(server, alice, "DELETE", prototypes + "/" + id).status, 404);
        QCOMPARE(call(server, alice, "GET", prototypes).json().value("prototypes").toArray().size(), 4);
    }

    void prototypeRequestsAreChecked()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        const QString bob = tokenFor(server, backend, "bob");
        if (!ensureOrganization(server, alice, "acme"))
            QSKIP("organizations API not available yet");
        const QString prototypes = "/api/v1/organization/acme/prototypes";
        QCOMPARE(call(server, bob, "GET", prototypes).status, 403);
        QCOMPARE(call(server, {}, "GET", prototypes).status, 401);
        QCOMPARE(call(server, alice, "POST", prototypes, {{"role", "read"}, {"delegate", QJsonObject{{"kind", "user"}, {"name", "nobody"}}}})
                     .json().value("error_message").toString(),
                 QStringLiteral("Missing delegate user or team"));
        QCOMPARE(call(server, alice, "POST", prototypes,
                      {{"role", "read"}, {"delegate", QJsonObject{{"kind", "user"}, {"name", "bob"}}}, {"activating_user", QJsonObject{{"name", "nobody"}}}})
                     .json().value("error_message").toString(),
                 QStringLiteral("Unknown activating user"));
        QCOMPARE(call(server, alice, "POST", prototypes, {{"role", "boss"}, {"delegate", QJsonObject{{"kind", "user"}, {"name", "bob"}}}}).status, 400);
        QCOMPARE(call(server, alice, "PUT", prototypes + "/no-such-id", {{"role", "read"}}).status, 404);
    }

    void teamPermissionsOnOrganizationRepositories()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "alice");
        if (!ensureOrganization(server, alice, "acme"))
            QSKIP("organizations API not available yet");
        createRepository(server, alice, "teamwork", "private", "acme");
        const QString base = "/api/v1/repository/acme/teamwork/permissions/team/";
        const HttpReply put = call(server, alice, "PUT", base + "owners", {{"role", "write"}});
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json().value("role").toString(), QStringLiteral("write"));
        QCOMPARE(put.json().value("name").toString(), QStringLiteral("owners"));
        QCOMPARE(put.json().value("avatar").toObject().value("kind").toString(), QStringLiteral("team"));
        QCOMPARE(call(server, alice, "GET", base + "owners").json(), (QJsonObject{{"role", "write"}}));
        QCOMPARE(call(server, alice, "PUT", base + "ghosts", {{"role", "read"}}).json().value("message").toString(),
                 QStringLiteral("No team ghosts in organization acme"));
        QCOMPARE(call(server, alice, "DELETE", base + "owners").status, 204);
        QCOMPARE(call(server, alice, "GET", base + "owners").json().value("message").toString(),
                 QStringLiteral("Team does not have permission for repo."));
    }
};

const QString TestApiRepositories::kPassword = QStringLiteral("password-1234");

QTEST_GUILESS_MAIN(TestApiRepositories)
#include "tst_api_repositories.moc"
