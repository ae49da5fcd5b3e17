#include "api/user.h"

#include "api/apiresponse.h"
#include "auth/passwordhasher.h"
#include "auth/secretbox.h"
#include "oci/names.h"

#include <QJsonObject>

namespace kai::api {

namespace {
const QString kAutomationScopes =
    QStringLiteral("org:admin repo:admin repo:create repo:read repo:write super:user user:admin user:read");
constexpr qint64 kAutomationTokenLifetimeMs = 9000 * 1000;

Error message(const QString &text) { return Error::of(ErrorKind::ApiMessage, text); }

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

} // namespace kai::api
