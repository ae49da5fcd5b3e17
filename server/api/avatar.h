#pragma once

#include <QJsonObject>
#include <QString>

namespace kai::api {

// Quay's avatar object {name, hash, color, kind}: the hash is SHA-256 of
// the lower-cased e-mail (or name), the colour picked from Quay's palette
// by that hash, so every client draws the same placeholder.
QJsonObject avatarOf(const QString &name, const QString &email, const QString &kind);

} // namespace kai::api
