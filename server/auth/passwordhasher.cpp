#include "auth/passwordhasher.h"

#include "auth/secretbox.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace kai::auth {

namespace {

Q_LOGGING_CATEGORY(lcPassword, "kai.auth.password")

constexpr int kLogN = 15;
constexpr int kR = 8;
constexpr int kP = 1;
constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;

// Stored hashes come from the database; a tampered row must not be able to
// make one login attempt allocate gigabytes or run for minutes.
constexpr int kMaxLogN = 20;
constexpr int kMaxR = 32;
constexpr int kMaxP = 16;

// scrypt needs 128 * N * r * p bytes (plus a little); OpenSSL refuses to run
// above maxmem, whose default (32 MiB) is exactly our own need and too tight.
quint64 maxMemoryFor(int logN, int r, int p)
{
    return 128ull * (1ull << logN) * quint64(r) * quint64(p) + 16ull * 1024 * 1024;
}

QByteArray scrypt(QByteArrayView password, QByteArrayView salt, int logN, int r, int p, int keyBytes)
{
    QByteArray key(keyBytes, Qt::Uninitialized);
    const int ok = EVP_PBE_scrypt(password.data(), size_t(password.size()),
                                  reinterpret_cast<const unsigned char *>(salt.data()), size_t(salt.size()),
                                  quint64(1) << logN, quint64(r), quint64(p), maxMemoryFor(logN, r, p),
                                  reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()));
    if (ok != 1)
        return {};
    return key;
}

struct Parsed
{
    int logN = 0;
    int r = 0;
    int p = 0;
    QByteArray salt;
    QByteArray key;
};

bool parseInt(QStringView text, int min, int max, int *out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max || text.startsWith(u'+') || text.startsWith(u'0'))
        return false;
    *out = value;
    return true;
}

bool parseBase64(QStringView text, QByteArray *out)
{
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return false;
    *out = std::move(decoded.decoded);
    return true;
}

bool parse(QStringView encoded, Parsed *parsed)
{
    const QList<QStringView> parts = encoded.split(u'$');
    if (parts.size() != 6 || parts[0] != u"scrypt")
        return false;
    return parseInt(parts[1], 1, kMaxLogN, &parsed->logN) && parseInt(parts[2], 1, kMaxR, &parsed->r)
        && parseInt(parts[3], 1, kMaxP, &parsed->p) && parseBase64(parts[4], &parsed->salt)
        && parseBase64(parts[5], &parsed->key) && parsed->key.size() >= 16 && parsed->key.size() <= 64;
}

} // namespace

QString hashPassword(QStringView password)
{
    const QByteArray salt = SecretBox::randomBytes(kSaltBytes);
    const QByteArray key = scrypt(password.toUtf8(), salt, kLogN, kR, kP, kKeyBytes);
    if (key.isEmpty()) {
        qCCritical(lcPassword) << "scrypt failed; out of memory?";
        return {};
    }
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(kLogN)
        .arg(kR)
        .arg(kP)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool verifyPassword(QStringView password, QStringView encoded)
{
    Parsed parsed;
    if (!parse(encoded, &parsed))
        return false;
    const QByteArray key = scrypt(password.toUtf8(), parsed.salt, parsed.logN, parsed.r, parsed.p,
                                  int(parsed.key.size()));
    if (key.size() != parsed.key.size())
        return false;
    // Constant time: the comparison must not tell an attacker how many
    // leading bytes of a guess were right.
    return CRYPTO_memcmp(key.constData(), parsed.key.constData(), size_t(key.size())) == 0;
}

bool passwordHashNeedsUpgrade(QStringView encoded)
{
    Parsed parsed;
    if (!parse(encoded, &parsed))
        return true;
    return parsed.logN < kLogN || parsed.r < kR || parsed.p < kP || parsed.salt.size() < kSaltBytes
        || parsed.key.size() < kKeyBytes;
}

} // namespace kai::auth
