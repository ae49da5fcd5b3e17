#include "api/superuser.h"

#include "api/apicaller.h"
#include "api/apiresponse.h"
#include "api/avatar.h"
#include "auth/passwordhasher.h"
#include "auth/secretbox.h"
#include "logs/logscope.h"
#include "oci/names.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kai::api {

namespace {

QJsonObject superuserView(const store::Namespace &user, const config::Config &config)
{
    return QJsonObject{{"kind", "user"},
                       {"name", user.name},
                       {"username", user.name},
                       {"email", user.email},
                       {"verified", true},
                       {"avatar", avatarOf(user.name, user.email, "user")},
                       {"super_user", user.superuser},
                       {"global_readonly_super_user", config.globalReadOnlySuperUsers.contains(user.name)},
                       {"enabled", user.enabled}};
}

// next_page tokens are opaque: the last name of the page, sealed with the
// server's key and stamped so that they expire after two days (§0.2).
constexpr qint64 kPageTokenLifetimeMs = 2LL * 24 * 3600 * 1000;

QString sealPageToken(const runtime::ServerContext &server, const QString &last, qint64 nowMs)
{
    const QByteArray json = QJsonDocument(QJsonObject{{"last", last}, {"expires", nowMs + kPageTokenLifetimeMs}})
                                .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(server.secretBox.seal(json, "page"));
}

Result<QString> openPageToken(const runtime::ServerContext &server, const QString &token, qint64 nowMs)
{
    if (token.isEmpty())
        return QString();
    auto opened = server.secretBox.open(token.toLatin1(), "page");
    if (!opened)
        return badRequest(QStringLiteral("Invalid next_page token"));
    const QJsonObject page = QJsonDocument::fromJson(*opened).object();
    if (qint64(page.value("expires").toDouble()) < nowMs)
        return badRequest(QStringLiteral("Expired next_page token"));
    return page.value("last").toString();
}

class SuperuserEndpoints
{
public:
    explicit SuperuserEndpoints(runtime::WorkerContext &context) : m_context(context) {}

    void listUsers(http::HttpRequest &request, http::HttpResponse &response)
    {
        auto caller = requireSuperuser(request, response, Reads::AlsoReadOnly);
        if (!caller)
            return;
        const bool includeDisabled = request.queryValue("disabled") != QLatin1String("false");
        auto page = pageArguments(request, response);
        if (!page)
            return;
        auto users = m_context.namespaces.users(page->after, page->limit + 1, includeDisabled);
        if (!users)
            return fail(response, users.error());
        QJsonArray list;
        for (int i = 0; i < users->size() && i < page->limit; ++i)
            list.append(superuserView(users->at(i), m_context.config()));
        QJsonObject body{{"users", list}};
        if (users->size() > page->limit)
            body.insert("next_page", sealPageToken(m_context.server, users->at(page->limit - 1).name, m_context.nowMs()));
        writeJson(response, 200, QJsonDocument(body));
    }

    void createUser(http::HttpRequest &request, http::HttpResponse &response)
    {
        auto caller = requireSuperuser(request, response);
        if (!caller)
            return;
        auto body = jsonBody(request);
        if (!body)
            return fail(response, body.error());
        const QString username = body->value("username").toString();
        const QString email = body->value("email").toString();
        if (Status s = oci::validateNamespaceName(username); !s)
            return fail(response, message400(QStringLiteral("Invalid username %1: %2").arg(username, s.error().message)));
        const QString password = auth::SecretBox::randomToken(32);
        db::Transaction tx(*m_context.database);
        if (!tx.status())
            return fail(response, tx.status().error());
        if (!email.isEmpty()) {
            auto taken = m_context.namespaces.byEmail(email);
            if (!taken)
                return fail(response, taken.error());
            if (taken->has_value())
                return fail(response, message400(QStringLiteral("E-mail address already used")));
        }
        auto user = m_context.namespaces.createUser(username, email, auth::hashPassword(password), false, m_context.nowMs());
        if (!user)
            return fail(response, user.error().kind == ErrorKind::Conflict ? message400(user.error().message) : user.error());
        if (Status s = record(request, *caller, *user, QStringLiteral("user_create"),
                              {{"email", email.isEmpty() ? QJsonValue() : QJsonValue(email)}});
            !s)
            return fail(response, s.error());
        if (Status s = tx.commit(); !s)
            return fail(response, s.error());
        writeJson(response, 200, QJsonDocument(QJsonObject{
                                     {"username", username},
                                     {"email", email.isEmpty() ? QJsonValue() : QJsonValue(email)},
                                     {"password", password},
                                     {"encrypted_password", QString::fromLatin1(m_context.server.secretBox.seal(password.toUtf8()))}}));
    }

    void getUser(http::HttpRequest &request, http::HttpResponse &response)
    {
        auto caller = requireSuperuser(request, response, Reads::AlsoReadOnly);
        if (!caller)
            return;
        auto user = findUser(request, response);
        if (!user)
            return;
        writeJson(response, 200, QJsonDocument(superuserView(*user, m_context.config())));
    }

    void updateUser(http::HttpRequest &request, http::HttpResponse &response)
    {
        auto caller = requireSuperuser(request, response);
        if (!caller)
            return;
        auto user = findUser(request, response);
        if (!user)
            return;
        auto body = jsonBody(request);
        if (!body)
            return fail(response, body.error());
        if (user->superuser)
            return fail(response, message400(QStringLiteral("Cannot update a superuser")));
        const QString password = body->value("password").toString();
        if (body->contains("password") && (password.size() < 8 || password.contains(' ')))
            return fail(response, message400(QStringLiteral("Password must be at least 8 characters and contain no whitespace.")));
        db::Transaction tx(*m_context.database);
        if (!tx.status())
            return fail(response, tx.status().error());
        if (body->contains("password")) {
            if (Status s = m_context.namespaces.setPasswordHash(user->id, auth::hashPassword(password)); !s)
                return fail(response, s.error());
            (void)m_context.sessions.endAllOf(user->id);
            if (Status s = record(request, *caller, *user, QStringLiteral("user_change_password")); !s)
                return fail(response, s.error());
        }
        if (body->contains("email")) {
            if (Status s = m_context.namespaces.setEmail(user->id, body->value("email").toString()); !s)
                return fail(response, s.error().kind == ErrorKind::Conflict ? message400(s.error().message) : s.error());
            if (body->value("email").toString() != user->email) {
                if (Status s = record(request, *caller, *user, QStringLiteral("user_change_email"),
                                      {{"email", body->value("email").toString()}, {"old_email", user->email}});
                    !s)
                    return fail(response, s.error());
            }
        }
        if (body->contains("enabled")) {
            if (Status s = m_context.namespaces.setEnabled(user->id, body->value("enabled").toBool()); !s)
                return fail(response, s.error());
            if (!body->value("enabled").toBool())
                (void)m_context.sessions.endAllOf(user->id);
            const bool enabled = body->value("enabled").toBool();
            if (enabled != user->enabled) {
                if (Status s = record(request, *caller, *user,
                                      enabled ? QStringLiteral("user_enable") : QStringLiteral("user_disable"));
                    !s)
                    return fail(response, s.error());
            }
        }
        if (Status s = tx.commit(); !s)
            return fail(response, s.error());
        auto updated = m_context.namespaces.byId(user->id);
        if (!updated || !updated->has_value())
            return fail(response, notFound());
        QJsonObject view = superuserView(**updated, m_context.config());
        if (body->contains("password"))
            view.insert("encrypted_password", QString::fromLatin1(m_context.server.secretBox.seal(password.toUtf8())));
        writeJson(response, 200, QJsonDocument(view));
    }

    void deleteUser(http::HttpRequest &request, http::HttpResponse &response)
    {
        auto caller = requireSuperuser(request, response);
        if (!caller)
            return;
        auto user = findUser(request, response);
        if (!user)
            return;
        if (user->superuser)
            return fail(response, message400(QStringLiteral("Cannot delete a superuser")));
        db::Transaction tx(*m_context.database);
        if (!tx.status())
            return fail(response, tx.status().error());
        if (Status s = m_context.namespaces.remove(user->id); !s)
            return fail(response, s.error());
        if (Status s = record(request, *caller, *user, QStringLiteral("user_delete")); !s)
            return fail(response, s.error());
        if (Status s = tx.commit(); !s)
            return fail(response, s.error());
        response.setStatus(204);
        response.setBody({});
    }

    void listOrganizations(http::HttpRequest &request, http::HttpResponse &response)
    {
        auto caller = requireSuperuser(request, response, Reads::AlsoReadOnly);
        if (!caller)
            return;
        auto page = pageArguments(request, response);
        if (!page)
            return;
        auto orgs = m_context.namespaces.organizations(page->after, page->limit + 1);
        if (!orgs)
            return fail(response, orgs.error());
        QJsonArray list;
        for (int i = 0; i < orgs->size() && i < page->limit; ++i)
            list.append(organizationView(orgs->at(i)));
        QJsonObject body{{"organizations", list}};
        if (orgs->size() > page->limit)
            body.insert("next_page", sealPageToken(m_context.server, orgs->at(page->limit - 1).name, m_context.nowMs()));
        writeJson(response, 200, QJsonDocument(body));
    }

    void deleteOrganization(http::HttpRequest &request, http::HttpResponse &response)
    {
        auto caller = requireSuperuser(request, response);
        if (!caller)
            return;
        auto org = m_context.namespaces.byName(request.param("name"));
        if (!org)
            return fail(response, org.error());
        if (!org->has_value() || (*org)->kind != QLatin1String("organization"))
            return fail(response, notFound());
        db::Transaction tx(*m_context.database);
        if (!tx.status())
            return fail(response, tx.status().error());
        if (Status s = m_context.namespaces.remove((*org)->id); !s)
            return fail(response, s.error());
        if (Status s = record(request, *caller, **org, QStringLiteral("org_delete")); !s)
            return fail(response, s.error());
        if (Status s = tx.commit(); !s)
            return fail(response, s.error());
        response.setStatus(204);
        response.setBody({});
    }

    // Quay's takeOwnership: an organization gets the caller in its admin
    // team; a user namespace is converted into an organization the caller
    // owns (the user can no longer sign in; repositories and robots stay).
    // The entry goes to the caller's own log, as Quay writes it.
    void takeOwnership(http::HttpRequest &request, http::HttpResponse &response)
    {
        auto caller = requireSuperuser(request, response);
        if (!caller)
            return;
        const QString name = request.param("namespace");
        db::Transaction tx(*m_context.database);
        if (!tx.status())
            return fail(response, tx.status().error());
        auto entity = m_context.namespaces.byName(name);
        if (!entity)
            return fail(response, entity.error());
        if (!entity->has_value() || (*entity)->kind == QLatin1String("robot"))
            return fail(response, notFound());
        const store::Namespace target = **entity;
        const bool wasUser = target.kind == QLatin1String("user");
        if (wasUser && (target.superuser || m_context.config().superUsers.contains(target.name)))
            return fail(response, badRequest(QStringLiteral("Cannot take ownership of a superuser")));
        if (Status s = wasUser ? m_context.organizations.convertUser(target.id, caller->identity.namespaceId, m_context.nowMs())
                               : joinAdminTeam(target.id, caller->identity.namespaceId);
            !s)
            return fail(response, s.error());
        const QJsonObject metadata{{"namespace", name}, {"was_user", wasUser}, {"superuser", caller->identity.name}};
        if (Status s = m_context.actionLog.record(QStringLiteral("take_ownership"),
                                                  logs::namespaceScope(caller->identity.namespaceId, caller->identity.name, false),
                                                  logs::LogActor::of(caller->identity, request), metadata);
            !s)
            return fail(response, s.error());
        if (Status s = tx.commit(); !s)
            return fail(response, s.error());
        writeJson(response, 200, QJsonDocument(QJsonObject{{"namespace", name}}));
    }

    void renameOrganization(http::HttpRequest &request, http::HttpResponse &response)
    {
        auto caller = requireSuperuser(request, response);
        if (!caller)
            return;
        auto body = jsonBody(request);
        if (!body)
            return fail(response, body.error());
        db::Transaction tx(*m_context.database);
        if (!tx.status())
            return fail(response, tx.status().error());
        auto org = m_context.namespaces.byName(request.param("name"));
        if (!org)
            return fail(response, org.error());
        if (!org->has_value() || (*org)->kind != QLatin1String("organization"))
            return fail(response, notFound());
        store::Namespace renamed = **org;
        const QString newName = body->value("name").toString();
        if (body->contains("name") && newName != renamed.name) {
            if (Status s = oci::validateNamespaceName(newName); !s)
                return fail(response, badRequest(QStringLiteral("Invalid organization name %1: %2").arg(newName, s.error().message)));
            auto taken = m_context.namespaces.byName(newName);
            if (!taken)
                return fail(response, taken.error());
            if (taken->has_value())
                return fail(response, badRequest(QStringLiteral("Namespace %1 is already in use").arg(newName)));
            if (Status s = m_context.organizations.rename(renamed.id, newName); !s)
                return fail(response, s.error().kind == ErrorKind::Conflict ? badRequest(s.error().message) : s.error());
            if (Status s = m_context.robots.renameOwner(renamed.id, newName); !s)
                return fail(response, s.error());
            const QString oldName = renamed.name;
            renamed.name = newName;
            if (Status s = record(request, *caller, renamed, QStringLiteral("org_change_name"),
                                  {{"old_organization_name", oldName}, {"new_organization_name", newName}});
                !s)
                return fail(response, s.error());
        }
        if (Status s = tx.commit(); !s)
            return fail(response, s.error());
        writeJson(response, 200, QJsonDocument(organizationView(renamed)));
    }

private:
    struct Page
    {
        QString after;
        int limit;
    };

    void fail(http::HttpResponse &response, const Error &error) { writeApiError(response, error, m_context.server); }

    static QJsonObject organizationView(const store::Namespace &org)
    {
        return QJsonObject{{"name", org.name}, {"email", org.email}, {"avatar", avatarOf(org.name, org.email, "org")}};
    }

    // Quay's add_user_as_admin: the member joins the organization's admin
    // team (`owners` when there are several); one is made when none is left.
    Status joinAdminTeam(qint64 organizationId, qint64 memberId)
    {
        auto teams = m_context.teams.list(organizationId);
        if (!teams)
            return teams.error();
        std::optional<qint64> adminTeam;
        for (const store::Team &team : *teams) {
            if (team.role == QLatin1String("admin") && (!adminTeam || team.name == QLatin1String("owners")))
                adminTeam = team.id;
        }
        if (!adminTeam) {
            auto created = m_context.teams.create(organizationId, QStringLiteral("owners"), QStringLiteral("admin"), {},
                                                  m_context.nowMs());
            if (!created)
                return created.error();
            adminTeam = created->id;
        }
        auto added = m_context.teams.addMember(*adminTeam, memberId);
        if (!added)
            return added.error();
        return {};
    }

    // A superuser's change to an account, in that account's log: Quay adds
    // the superuser's name to the metadata (the console shows "Superuser X
    // ..."). In the caller's transaction.
    Status record(const http::HttpRequest &request, const ApiCaller &caller, const store::Namespace &target,
                  const QString &kind, QJsonObject metadata = {})
    {
        metadata.insert("superuser", caller.identity.name);
        const bool organization = target.kind == QLatin1String("organization");
        metadata.insert(organization ? "namespace" : "username", target.name);
        return m_context.actionLog.record(kind, logs::namespaceScope(target.id, target.name, organization),
                                          logs::LogActor::of(caller.identity, request), metadata);
    }

    // Global read-only superusers may call the panel's read endpoints.
    enum class Reads { SuperusersOnly, AlsoReadOnly };

    std::optional<ApiCaller> requireSuperuser(http::HttpRequest &request, http::HttpResponse &response,
                                              Reads reads = Reads::SuperusersOnly)
    {
        auto caller = authenticateApiCaller(request, m_context);
        if (!caller) {
            fail(response, caller.error());
            return std::nullopt;
        }
        if (Status s = requireUser(*caller); !s) {
            fail(response, s.error());
            return std::nullopt;
        }
        const bool allowed = caller->identity.superuser ||
                             (reads == Reads::AlsoReadOnly && caller->identity.globalReadOnlySuperuser);
        if (!allowed || !caller->identity.hasScope("super:user")) {
            fail(response, unauthorized());
            return std::nullopt;
        }
        if (Status s = requireFreshLogin(*caller); !s) {
            fail(response, s.error());
            return std::nullopt;
        }
        return *caller;
    }

    std::optional<Page> pageArguments(http::HttpRequest &request, http::HttpResponse &response)
    {
        Page page{QString(), 1'000'000};
        if (request.query.hasQueryItem("limit")) {
            bool ok = false;
            page.limit = request.queryValue("limit").toInt(&ok);
            if (!ok || page.limit < 1 || page.limit > 100) {
                fail(response, badRequest(QStringLiteral("limit must be between 1 and 100")));
                return std::nullopt;
            }
        }
        auto after = openPageToken(m_context.server, request.queryValue("next_page"), m_context.nowMs());
        if (!after) {
            fail(response, after.error());
            return std::nullopt;
        }
        page.after = *after;
        return page;
    }

    std::optional<store::Namespace> findUser(http::HttpRequest &request, http::HttpResponse &response)
    {
        auto user = m_context.namespaces.byName(request.param("username"));
        if (!user) {
            fail(response, user.error());
            return std::nullopt;
        }
        if (!user->has_value() || (*user)->kind != QLatin1String("user")) {
            fail(response, notFound());
            return std::nullopt;
        }
        return **user;
    }

    runtime::WorkerContext &m_context;
};

} // namespace

void addSuperuserRoutes(http::Router &router, runtime::WorkerContext &context)
{
    auto su = std::make_shared<SuperuserEndpoints>(context);
    using http::HttpRequest;
    using http::HttpResponse;
    router.add("GET", "/api/v1/superuser/users/", [su](HttpRequest &q, HttpResponse &r) { su->listUsers(q, r); });
    router.add("POST", "/api/v1/superuser/users/", [su](HttpRequest &q, HttpResponse &r) { su->createUser(q, r); });
    router.add("GET", "/api/v1/superuser/users/{username}", [su](HttpRequest &q, HttpResponse &r) { su->getUser(q, r); });
    router.add("PUT", "/api/v1/superuser/users/{username}", [su](HttpRequest &q, HttpResponse &r) { su->updateUser(q, r); });
    router.add("DELETE", "/api/v1/superuser/users/{username}", [su](HttpRequest &q, HttpResponse &r) { su->deleteUser(q, r); });
    router.add("GET", "/api/v1/superuser/organizations/", [su](HttpRequest &q, HttpResponse &r) { su->listOrganizations(q, r); });
    router.add("PUT", "/api/v1/superuser/organizations/{name}", [su](HttpRequest &q, HttpResponse &r) { su->renameOrganization(q, r); });
    router.add("POST", "/api/v1/superuser/takeownership/{namespace}", [su](HttpRequest &q, HttpResponse &r) { su->takeOwnership(q, r); });
    router.add("DELETE", "/api/v1/superuser/organizations/{name}", [su](HttpRequest &q, HttpResponse &r) { su->deleteOrganization(q, r); });
}

} // namespace kai::api
