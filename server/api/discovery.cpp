#include "api/discovery.h"

#include "api/apicaller.h"
#include "api/apiresponse.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace kai::api {

namespace {

const QHash<QString, QPair<QString, QString>> &errorDescriptions()
{
    static const QHash<QString, QPair<QString, QString>> descriptions{
        {"invalid_request", {"Invalid Request", "The request is missing a required parameter, includes an invalid parameter value, or is otherwise malformed."}},
        {"invalid_token", {"Invalid Token", "The access token provided is expired, revoked, malformed, or invalid for other reasons."}},
        {"insufficient_scope", {"Insufficient Scope", "The request requires higher privileges than provided by the access token."}},
        {"fresh_login_required", {"Fresh Login Required", "The action requires a fresh login to succeed."}},
        {"not_found", {"Not Found", "The resource was not found."}},
        {"tag_immutable", {"Tag Immutable", "The tag is immutable and cannot be changed."}},
        {"exceeds_license", {"Exceeds License", "The action was refused because the current license does not allow it."}},
        {"downstream_issue", {"Downstream Issue", "An error occurred in a downstream service."}},
    };
    return descriptions;
}

} // namespace

void addDiscoveryRoutes(http::Router &router, runtime::WorkerContext &context)
{
    using http::HttpRequest;
    using http::HttpResponse;
    runtime::WorkerContext *ctx = &context;
    router.add("GET", "/config", [ctx](HttpRequest &, HttpResponse &r) {
        const config::Config &c = ctx->config();
        const QJsonObject features{{"USER_INITIALIZE", c.featureUserInitialize},
                                   {"REFERRERS_API", c.featureReferrersApi},
                                   {"ANONYMOUS_ACCESS", c.featureAnonymousAccess},
                                   {"DIRECT_LOGIN", true},
                                   {"SUPER_USERS", true},
                                   {"APP_SPECIFIC_TOKENS", true},
                                   {"EXTENDED_REPOSITORY_NAMES", true},
                                   {"MAILING", false},
                                   {"USER_CREATION", false},
                                   {"QUOTA_MANAGEMENT", false},
                                   {"PROXY_CACHE", false},
                                   {"SECURITY_SCANNER", false},
                                   {"UI_V2", true},
                                   {"CHANGE_TAG_EXPIRATION", c.featureChangeTagExpiration}};
        const QJsonObject config{{"SERVER_HOSTNAME", c.hostname()},
                                 {"PREFERRED_URL_SCHEME", c.preferredUrlScheme},
                                 {"AUTHENTICATION_TYPE", "Database"},
                                 {"TAG_EXPIRATION_OPTIONS", QJsonArray::fromStringList(c.tagExpirationOptions)},
                                 {"DEFAULT_TAG_EXPIRATION", c.defaultTagExpiration},
                                 {"FEATURE_QUOTA_MANAGEMENT", false},
                                 {"FEATURE_EDIT_QUOTA", false},
                                 {"FEATURE_PROXY_CACHE", false},
                                 {"PERMANENTLY_DELETE_TAGS", c.permanentlyDeleteTags},
                                 {"ROBOTS_DISALLOW", c.robotsDisallow},
                                 {"REGISTRY_TITLE", "Kai"},
                                 {"REGISTRY_TITLE_SHORT", "Kai"}};
        writeJson(r, 200, QJsonDocument(QJsonObject{{"config", config},
                                                    {"features", features},
                                                    {"oauth", QJsonObject()},
                                                    {"external_login", QJsonArray()},
                                                    {"registry_state", "normal"},
                                                    {"account_recovery_mode", false},
                                                    {"version_number", "Kai " + QCoreApplication::applicationVersion()}}));
    });
    router.add("GET", "/api/v1/error/{type}", [ctx](HttpRequest &q, HttpResponse &r) {
        const auto it = errorDescriptions().constFind(q.param("type"));
        if (it == errorDescriptions().constEnd())
            return writeApiError(r, notFound(), ctx->server);
        writeJson(r, 200, QJsonDocument(QJsonObject{{"type", it.key()}, {"title", it->first}, {"description", it->second}}));
    });
}

} // namespace kai::api
