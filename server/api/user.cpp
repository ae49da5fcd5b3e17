#include "api/user.h"

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
const QString kAutomationScopes =
    QStringLiteral("org:admin repo:admin repo:create repo:read repo:write super:user user:admin user:read");
constexpr qint64 kAutomationTokenLifetimeMs = 9000 * 1000;

Error message(const QString &text) { return Error::of(ErrorKind::ApiMessage, text); }

// An account change's entry in the user's own log, in the caller's
// transaction.
Status recordAccountAction(runtime::WorkerContext &ctx, const http::HttpRequest &request, const auth::Identity &user,
                           const QString &kind, const QJsonObject &metadata = {})
{
    return ctx.actionLog.record(kind, logs::namespaceScope(user.namespaceId, user.name, false),
                                logs::LogActor::of(user, request), metadata);
}

bool validPassword(const QString &password)
{
    if (password.size() < 8)
        return false;
    for (QChar c : password) {
        if (c.isSpace())
            return false;
    }
    return true;
}
} // namespace

void UserEndpoints::initialize(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    if (!server.config.featureUserInitialize)
        return writeApiError(response, Error::of(ErrorKind::ApiNotFound), server);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (request.body.trimmed().isEmpty())
        return writeApiError(response, message(QStringLiteral("Missing JSON body")), server);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return writeApiError(response, message(QStringLiteral("Invalid JSON body: %1").arg(parseError.errorString())), server);
    const QJsonObject body = document.object();
    const QString username = body.value("username").toString();
    const QString password = body.value("password").toString();
    const QString email = body.value("email").toString();
    if (username.isEmpty() || !body.value("password").isString())
        return writeApiError(response, message(QStringLiteral("Missing username or password")), server);
    if (Status s = oci::validateNamespaceName(username); !s)
        return writeApiError(response, message(QStringLiteral("Invalid username %1: %2").arg(username, s.error().message)), server);
    if (!validPassword(password))
        return writeApiError(response, message(QStringLiteral("Failed to initialize user: Password must be at least 8 characters and contain no whitespace.")), server);

    db::Transaction tx(*m_context.database);
    if (!tx.status())
        return writeApiError(response, tx.status().error(), server);
    auto count = m_context.namespaces.userCount();
    if (!count)
        return writeApiError(response, count.error(), server);
    if (*count > 0)
        return writeApiError(response, message(QStringLiteral("Cannot initialize user in a non-empty database")), server);
    const bool superuser = server.config.superUsers.contains(username);
    const qint64 now = m_context.nowMs();
    auto user = m_context.namespaces.createUser(username, email, auth::hashPassword(password), superuser, now);
    if (!user)
        return writeApiError(response, message(user.error().message), server);

    QJsonObject result{{"username", username},
                       {"email", email.isEmpty() ? QJsonValue() : QJsonValue(email)},
                       {"encrypted_password", QString::fromLatin1(server.secretBox.seal(password.toUtf8()))}};
    if (body.value("access_token").toBool()) {
        auto app = m_context.tokens.createApplication(user->id, username, auth::SecretBox::randomToken(40), QStringLiteral("automation"), now);
        if (!app)
            return writeApiError(response, app.error(), server);
        auto token = m_context.tokens.issueToken(*app, user->id, kAutomationScopes, now + kAutomationTokenLifetimeMs, now);
        if (!token)
            return writeApiError(response, token.error(), server);
        result.insert("access_token", *token);
    }
    if (Status s = tx.commit(); !s)
        return writeApiError(response, s.error(), server);
    writeJson(response, 200, QJsonDocument(result));
}

QJsonObject UserEndpoints::selfView(runtime::WorkerContext &context, const store::Namespace &user)
{
    QJsonArray organizations;
    auto memberships = context.namespaces.memberships(user.id);
    if (memberships) {
        for (const auto &m : *memberships) {
            const bool admin = m.bestTeamRole == QLatin1String("admin");
            organizations.append(QJsonObject{{"name", m.organization},
                                             {"avatar", avatarOf(m.organization, m.email, "org")},
                                             {"can_create_repo", admin || m.bestTeamRole == QLatin1String("creator")},
                                             {"public", false},
                                             {"is_org_admin", admin},
                                             {"preferred_namespace", false}});
        }
    }
    auto tagExpiration = context.namespaces.tagExpiration(user.id);
    QJsonObject view{{"anonymous", false},
                     {"username", user.name},
                     {"avatar", avatarOf(user.name, user.email, "user")},
                     {"can_create_repo", true},
                     {"is_me", true},
                     {"verified", true},
                     {"email", user.email},
                     {"logins", QJsonArray()},
                     {"invoice_email", false},
                     {"invoice_email_address", QJsonValue()},
                     {"preferred_namespace", false},
                     {"tag_expiration_s", tagExpiration ? *tagExpiration : context.config().defaultTagExpirationSeconds},
                     {"prompts", QJsonArray()},
                     {"company", ""},
                     {"family_name", ""},
                     {"given_name", ""},
                     {"location", ""},
                     {"is_free_account", true},
                     {"has_password_set", !user.passwordHash.isEmpty()},
                     {"organizations", organizations}};
    if (user.superuser)
        view.insert("super_user", true);
    return view;
}

void UserEndpoints::get(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto caller = authenticateApiCaller(request, m_context);
    if (!caller)
        return writeApiError(response, caller.error(), server);
    if (caller->isAnonymous() || caller->identity.isRobot() || !caller->identity.hasScope("user:read")) {
        Error error = requiresAuthentication();
        error.detail.insert("session_required", false);
        return writeApiError(response, error, server);
    }
    auto user = m_context.namespaces.byId(caller->identity.namespaceId);
    if (!user)
        return writeApiError(response, user.error(), server);
    if (!user->has_value())
        return writeApiError(response, requiresAuthentication(), server);
    writeJson(response, 200, QJsonDocument(selfView(m_context, **user)));
}

void UserEndpoints::update(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto caller = authenticateApiCaller(request, m_context);
    if (!caller)
        return writeApiError(response, caller.error(), server);
    if (Status s = requireUser(*caller); !s)
        return writeApiError(response, s.error(), server);
    if (!caller->identity.hasScope("user:admin"))
        return writeApiError(response, unauthorized(), server);
    if (Status s = requireFreshLogin(*caller); !s)
        return writeApiError(response, s.error(), server);
    auto body = jsonBody(request);
    if (!body)
        return writeApiError(response, body.error(), server);
    const qint64 id = caller->identity.namespaceId;

    // Validate everything first, then change everything in one transaction.
    if (body->contains("password") && !validPassword(body->value("password").toString()))
        return writeApiError(response, badRequest(QStringLiteral("Password must be at least 8 characters and contain no whitespace.")), server);
    // TAG_EXPIRATION_OPTIONS (reference §3.4); with FEATURE_CHANGE_TAG_EXPIRATION
    // off the window is silently left alone, as in Quay.
    const bool changeTagExpiration = body->contains("tag_expiration_s") && m_context.config().featureChangeTagExpiration;
    if (changeTagExpiration
        && !m_context.config().tagExpirationOptionSeconds.contains(qint64(body->value("tag_expiration_s").toDouble(-1))))
        return writeApiError(response, badRequest(QStringLiteral("Invalid tag expiration option")), server);
    if (body->contains("username") && body->value("username").toString() != caller->identity.name)
        return writeApiError(response, badRequest(QStringLiteral("Renaming users is not supported (FEATURE_USER_RENAME is off)")), server);

    db::Transaction tx(*m_context.database);
    if (!tx.status())
        return writeApiError(response, tx.status().error(), server);
    // Each change writes Quay's entry for it (account_change_password has
    // no metadata in Quay).
    const auth::Identity &self = caller->identity;
    if (body->contains("password")) {
        if (Status s = m_context.namespaces.setPasswordHash(id, auth::hashPassword(body->value("password").toString())); !s)
            return writeApiError(response, s.error(), server);
        if (Status s = recordAccountAction(m_context, request, self, QStringLiteral("account_change_password")); !s)
            return writeApiError(response, s.error(), server);
    }
    if (body->contains("email")) {
        auto before = m_context.namespaces.byId(id);
        if (!before)
            return writeApiError(response, before.error(), server);
        const QString oldEmail = before->has_value() ? (*before)->email : QString();
        const QString newEmail = body->value("email").toString();
        if (Status s = m_context.namespaces.setEmail(id, newEmail); !s)
            return writeApiError(response, s.error().kind == ErrorKind::Conflict ? badRequest(s.error().message) : s.error(), server);
        if (newEmail != oldEmail) {
            if (Status s = recordAccountAction(m_context, request, self, QStringLiteral("user_change_email"),
                                               {{"email", newEmail}, {"old_email", oldEmail}});
                !s)
                return writeApiError(response, s.error(), server);
        }
    }
    if (changeTagExpiration) {
        const qint64 seconds = qint64(body->value("tag_expiration_s").toDouble());
        if (Status s = m_context.namespaces.setTagExpiration(id, seconds); !s)
            return writeApiError(response, s.error(), server);
        if (Status s = recordAccountAction(m_context, request, self, QStringLiteral("user_change_tag_expiration"),
                                           {{"tag_expiration", seconds}});
            !s)
            return writeApiError(response, s.error(), server);
    }
    if (body->contains("invoice_email") || body->contains("invoice_email_address")) {
        if (Status s = m_context.namespaces.setInvoiceEmail(id, body->value("invoice_email").toBool(),
                                                           body->value("invoice_email_address").toString());
            !s)
            return writeApiError(response, s.error(), server);
        for (const char *key : {"invoice_email", "invoice_email_address"}) {
            if (!body->contains(QLatin1String(key)))
                continue;
            if (Status s = recordAccountAction(m_context, request, self, QStringLiteral("user_change_invoicing"),
                                               {{QLatin1String(key), body->value(QLatin1String(key))}});
                !s)
                return writeApiError(response, s.error(), server);
        }
    }
    if (Status s = tx.commit(); !s)
        return writeApiError(response, s.error(), server);
    auto user = m_context.namespaces.byId(id);
    if (!user || !user->has_value())
        return writeApiError(response, notFound(), server);
    writeJson(response, 200, QJsonDocument(selfView(m_context, **user)));
}

void UserEndpoints::remove(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto caller = authenticateApiCaller(request, m_context);
    if (!caller)
        return writeApiError(response, caller.error(), server);
    if (Status s = requireUser(*caller); !s)
        return writeApiError(response, s.error(), server);
    if (!caller->identity.hasScope("user:admin"))
        return writeApiError(response, unauthorized(), server);
    if (Status s = requireFreshLogin(*caller); !s)
        return writeApiError(response, s.error(), server);
    auto sole = m_context.namespaces.soleAdminOrganizations(caller->identity.namespaceId);
    if (!sole)
        return writeApiError(response, sole.error(), server);
    if (!sole->isEmpty())
        return writeApiError(response,
                             badRequest(QStringLiteral("Cannot delete account: you are the only admin of organization %1").arg(sole->first())),
                             server);
    db::Transaction tx(*m_context.database);
    if (!tx.status())
        return writeApiError(response, tx.status().error(), server);
    if (Status s = m_context.namespaces.remove(caller->identity.namespaceId); !s)
        return writeApiError(response, s.error(), server);
    if (Status s = recordAccountAction(m_context, request, caller->identity, QStringLiteral("user_delete"),
                                       {{"username", caller->identity.name}});
        !s)
        return writeApiError(response, s.error(), server);
    if (Status s = tx.commit(); !s)
        return writeApiError(response, s.error(), server);
    response.setStatus(204);
    response.setBody({});
}

void UserEndpoints::getOther(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto user = m_context.namespaces.byName(request.param("username"));
    if (!user)
        return writeApiError(response, user.error(), server);
    if (!user->has_value() || (*user)->kind != QLatin1String("user"))
        return writeApiError(response, notFound(), server);
    writeJson(response, 200, QJsonDocument(QJsonObject{{"anonymous", false}, {"username", (*user)->name},
                                                       {"avatar", avatarOf((*user)->name, (*user)->email, "user")}}));
}

} // namespace kai::api
