#include "mail/smtpsender.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace kai::mail {

namespace {

// curl_global_init is not thread-safe on older libcurl; do it once.
void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload
{
    const QByteArray *data;
    qsizetype offset = 0;
};

size_t readChunk(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *upload = static_cast<Upload *>(userdata);
    const qsizetype left = upload->data->size() - upload->offset;
    const qsizetype n = std::min<qsizetype>(left, qsizetype(size * count));
    std::memcpy(buffer, upload->data->constData() + upload->offset, size_t(n));
    upload->offset += n;
    return size_t(n);
}

struct CurlDeleter
{
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter
{
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};

} // namespace

SmtpSettings SmtpSettings::fromConfig(const config::Config &config)
{
    SmtpSettings settings;
    settings.server = config.mailServer;
    settings.port = int(config.mailPort);
    settings.useTls = config.mailUseTls;
    settings.useAuth = config.mailUseAuth;
    settings.username = config.mailUsername;
    settings.password = config.mailPassword;
    settings.sender = config.mailDefaultSender;
    return settings;
}

Status sendSmtp(const SmtpSettings &settings, const QString &recipient, const QByteArray &rendered)
{
    initCurlOnce();
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl)
        return Error::of(ErrorKind::Internal, QStringLiteral("libcurl could not create a handle"));
    CURL *h = curl.get();

    const QByteArray url = QStringLiteral("smtp://%1:%2").arg(settings.server).arg(settings.port).toUtf8();
    const QByteArray from = ("<" + settings.sender + ">").toUtf8();
    const QByteArray to = ("<" + recipient + ">").toUtf8();
    const QByteArray username = settings.username.toUtf8();
    const QByteArray password = settings.password.toUtf8();
    std::unique_ptr<curl_slist, SlistDeleter> recipients(curl_slist_append(nullptr, to.constData()));
    Upload upload{&rendered};
    char errorBuffer[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(h, CURLOPT_URL, url.constData());
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp");
#else
    curl_easy_setopt(h, CURLOPT_PROTOCOLS, long(CURLPROTO_SMTP));
#endif
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(h, CURLOPT_READFUNCTION, readChunk);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, curl_off_t(rendered.size()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(settings.timeoutMs));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(std::min(settings.timeoutMs, 10'000)));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    if (settings.useTls)
        curl_easy_setopt(h, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (settings.useAuth) {
        curl_easy_setopt(h, CURLOPT_USERNAME, username.constData());
        curl_easy_setopt(h, CURLOPT_PASSWORD, password.constData());
    }

    const CURLcode code = curl_easy_perform(h);
    if (code == CURLE_OK)
        return {};
    long reply = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
    const QString detail = errorBuffer[0] ? QString::fromUtf8(errorBuffer) : QString::fromUtf8(curl_easy_strerror(code));
    return Error::of(ErrorKind::Unavailable, QStringLiteral("SMTP delivery to %1 via %2:%3 failed: %4%5")
                                                 .arg(recipient, settings.server)
                                                 .arg(settings.port)
                                                 .arg(detail, reply ? QStringLiteral(" (reply %1)").arg(reply) : QString()));
}

} // namespace kai::mail
