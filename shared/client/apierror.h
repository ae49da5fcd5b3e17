#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace kai::client {

// Quay answers API v1 errors in several shapes (reference §1.8): the
// "problem" object {error_message, error_type, detail, ...}, {"message"},
// {"error"}, {"detail"} and plain text. These turn any of them into an
// Error whose message a person can read; the whole body stays in `detail`.
Error errorFromResponse(int httpStatus, const QByteArray &body, const QString &reasonPhrase);

// The server could not be reached at all (refused, DNS, TLS, timeout): the
// message names the URL.
Error unreachable(const QUrl &url, const QString &networkMessage);

// No progress for `seconds`: the message names the URL.
Error timedOut(const QUrl &url, int seconds);

// The server answered, but not like Quay's API (wrong URL, a web page).
Error unexpectedAnswer(const QUrl &url);

// The request was cancelled by the caller.
Error cancelled();

// The server's TLS certificate is not one the system trusts, and its
// SHA-256 fingerprint is not the one trusted for this server either.
struct UntrustedCertificate
{
    QUrl server;
    QByteArray sha256;   // raw digest of the leaf certificate
    QString subject;
    QString issuer;

    // "AB:CD:...", as browsers show it.
    QString fingerprintText() const;
};

// The error of an untrusted certificate (kind Unavailable); the certificate
// travels in its detail so the UI can offer to trust it.
Error untrustedCertificate(const UntrustedCertificate &certificate);
// The certificate of an untrusted-certificate error; nothing for any other.
std::optional<UntrustedCertificate> untrustedCertificateOf(const Error &error);

} // namespace kai::client
