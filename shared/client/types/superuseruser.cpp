#include "superuseruser.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kai::client {

Result<SuperuserUserPage> SuperuserUserPage::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("users").isArray())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no users list"));
    SuperuserUserPage page;
    for (const QJsonValue &value : object.value("users").toArray()) {
        const QJsonObject user = value.toObject();
        const QString name = user.value("username").toString(user.value("name").toString());
        if (name.isEmpty())
            continue;
        page.users.append(SuperuserUser{name, user.value("email").toString(), user.value("super_user").toBool(),
                                        user.value("global_readonly_super_user").toBool(),
                                        user.value("enabled").toBool(true)});
    }
    page.nextPage = object.value("next_page").toString();
    return page;
}

Result<CreatedUser> CreatedUser::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    CreatedUser user{object.value("username").toString(), object.value("email").toString(),
                     object.value("password").toString()};
    if (user.username.isEmpty() || user.password.isEmpty())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no username or password"));
    return user;
}

} // namespace kai::client
