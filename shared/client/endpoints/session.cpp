#include "session.h"

#include <QJsonObject>

namespace kai::client::session {

namespace {

ApiRequest userRequest() { return ApiRequest{"GET", QStringLiteral("/api/v1/user/"), {}, {}}; }

// The last step of both sign-in paths: who is this?
void finishWithUser(ApiClient &client, Reply<CurrentUser> *reply)
{
    client.send(userRequest(), reply, [&client, reply](Result<QJsonDocument> answer) {
        if (!answer)
            return reply->complete(answer.error());
        Result<CurrentUser> user = CurrentUser::fromJson(*answer);
        client.setSignedIn(user.ok());
        reply->complete(std::move(user));
    });
}

} // namespace

Reply<CurrentUser> *signIn(ApiClient &client, const QString &username, const QString &password)
{
    client.forgetCredentials();
    auto *reply = new Reply<CurrentUser>(&client);
    client.send(ApiRequest{"GET", QStringLiteral("/csrf_token"), {}, {}}, reply,
                [&client, reply, username, password](Result<QJsonDocument> csrf) {
                    if (!csrf)
                        return reply->complete(csrf.error());
                    client.setCsrfToken(csrf->object().value("csrf_token").toString());
                    const QJsonObject body{{"username", username}, {"password", password}};
                    client.send(ApiRequest{"POST", QStringLiteral("/api/v1/signin"), {}, body}, reply,
                                [&client, reply](Result<QJsonDocument> signedIn) {
                                    if (!signedIn)
                                        return reply->complete(signedIn.error());
                                    finishWithUser(client, reply);
                                });
                });
    return reply;
}

Reply<CurrentUser> *signInWithToken(ApiClient &client, const QString &token)
{
    client.forgetCredentials();
    client.setBearerToken(token.trimmed());
    auto *reply = new Reply<CurrentUser>(&client);
    finishWithUser(client, reply);
    return reply;
}

Reply<CurrentUser> *currentUser(ApiClient &client)
{
    return client.call<CurrentUser>(userRequest(), &CurrentUser::fromJson);
}

Reply<Done> *updateSettings(ApiClient &client, const NamespaceSettings &settings)
{
    return client.callForDone(ApiRequest{"PUT", QStringLiteral("/api/v1/user/"), {}, settings.toJson()});
}

Reply<Done> *verifyFreshLogin(ApiClient &client, const QString &password)
{
    return client.callForDone(
        ApiRequest{"POST", QStringLiteral("/api/v1/signin/verify"), {}, QJsonObject{{"password", password}}});
}

Reply<Done> *signOut(ApiClient &client)
{
    auto *reply = new Reply<Done>(&client);
    if (client.usesBearerToken()) {
        // A pasted token is not ours to revoke; forgetting it is signing out.
        client.forgetCredentials();
        QMetaObject::invokeMethod(reply, [reply]() { reply->complete(Done{}); }, Qt::QueuedConnection);
        return reply;
    }
    client.send(ApiRequest{"POST", QStringLiteral("/api/v1/signout"), {}, QJsonObject{}}, reply,
                [&client, reply](Result<QJsonDocument>) {
                    client.forgetCredentials();
                    reply->complete(Done{});
                });
    return reply;
}

} // namespace kai::client::session
