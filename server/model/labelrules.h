#pragma once

#include <QString>
#include <QStringList>

namespace kai::model {

// The rules for labels added through API v1 (reference §2.10). Labels a
// push brings (source "manifest") are stored without these checks.

// Quay's VALID_LABEL_KEY_REGEX, also quoted in its error message.
inline constexpr char kLabelKeyPattern[] = "^[a-z0-9](([a-z0-9]|[-.](?![.-]))*[a-z0-9])?$";

// Non-empty, at most 255 characters, lower-case alphanumerics separated by
// single dots or dashes, alphanumeric at both ends.
bool isValidLabelKey(const QString &key);

// Whether `key` starts with one of Quay's reserved prefixes (com.docker.,
// io.docker., org.dockerproject., org.opencontainers., io.cncf.,
// io.kubernetes., io.k8s., io.quay, com.coreos, com.tectonic, internal,
// quay) or one of `configured` (LABEL_KEY_RESERVED_PREFIXES). A plain
// string prefix test, as in Quay: "quayfoo" is reserved too.
bool hasReservedLabelPrefix(const QString &key, const QStringList &configured);

// "text/plain" and "application/json", the media types a label may have.
bool isAllowedLabelMediaType(const QString &mediaType);

} // namespace kai::model
