#include "storage/filesystemblobstore.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <fcntl.h>
#include <unistd.h>

namespace kai::storage {

namespace {

Error ioError(const QString &what, const QString &path, const QString &why)
{
    return Error::of(ErrorKind::Io, QStringLiteral("%1 %2: %3").arg(what, path, why));
}

// Upload ids are made by the server, but the path is still checked so that a
// forged id can never reach outside uploads/.
bool isSafeUuid(const QString &uuid)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9-]{8,64}$"));
    return re.match(uuid).hasMatch();
}

bool fsyncPath(const QString &path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

class FileUploadWriter final : public UploadWriter
{
public:
    explicit FileUploadWriter(std::unique_ptr<QFile> file) : m_file(std::move(file)) {}

    Status write(QByteArrayView data) override
    {
        const char *p = data.data();
        qint64 left = data.size();
        while (left > 0) {
            const qint64 n = m_file->write(p, left);
            if (n <= 0)
                return ioError("cannot write", m_file->fileName(), m_file->errorString());
            p += n;
            left -= n;
        }
        return {};
    }
    qint64 size() const override { return m_file->size(); }
    Status close() override
    {
        if (!m_file->flush())
            return ioError("cannot flush", m_file->fileName(), m_file->errorString());
        m_file->close();
        return {};
    }

private:
    std::unique_ptr<QFile> m_file;
};

} // namespace

FilesystemBlobStore::FilesystemBlobStore(QString root) : m_root(std::move(root)) {}

Result<std::unique_ptr<FilesystemBlobStore>> FilesystemBlobStore::open(const QString &root)
{
    QDir dir(root);
    for (const char *sub : {"blobs", "uploads"}) {
        if (!dir.mkpath(QString::fromLatin1(sub)))
            return ioError("cannot create", dir.absoluteFilePath(QString::fromLatin1(sub)), "mkpath failed");
    }
    return std::unique_ptr<FilesystemBlobStore>(new FilesystemBlobStore(dir.absolutePath()));
}

QString FilesystemBlobStore::blobPath(const oci::Digest &digest) const
{
    const QString hex = digest.hex();
    return QStringLiteral("%1/blobs/%2/%3/%4").arg(m_root, digest.algorithmName(), hex.left(2), hex);
}

QString FilesystemBlobStore::uploadPath(const QString &uuid) const
{
    return m_root + QStringLiteral("/uploads/") + uuid;
}

bool FilesystemBlobStore::contains(const oci::Digest &digest) const
{
    return QFileInfo::exists(blobPath(digest));
}

Result<qint64> FilesystemBlobStore::blobSize(const oci::Digest &digest) const
{
    QFileInfo info(blobPath(digest));
    if (!info.exists())
        return Error::of(ErrorKind::BlobUnknown);
    return info.size();
}

Result<std::unique_ptr<QIODevice>> FilesystemBlobStore::openBlob(const oci::Digest &digest) const
{
    auto file = std::make_unique<QFile>(blobPath(digest));
    if (!file->open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        if (!file->exists())
            return Error::of(ErrorKind::BlobUnknown);
        return ioError("cannot open", file->fileName(), file->errorString());
    }
    return std::unique_ptr<QIODevice>(std::move(file));
}

Status FilesystemBlobStore::removeBlob(const oci::Digest &digest)
{
    QFile file(blobPath(digest));
    if (file.exists() && !file.remove())
        return ioError("cannot remove", file.fileName(), file.errorString());
    return {};
}

Status FilesystemBlobStore::createUpload(const QString &uuid)
{
    if (!isSafeUuid(uuid))
        return Error::of(ErrorKind::BlobUploadUnknown);
    QFile file(uploadPath(uuid));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return ioError("cannot create upload", file.fileName(), file.errorString());
    return {};
}

Result<std::unique_ptr<UploadWriter>> FilesystemBlobStore::appendToUpload(const QString &uuid)
{
    if (!isSafeUuid(uuid))
        return Error::of(ErrorKind::BlobUploadUnknown);
    auto file = std::make_unique<QFile>(uploadPath(uuid));
    if (!file->exists())
        return Error::of(ErrorKind::BlobUploadUnknown);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append))
        return ioError("cannot open upload", file->fileName(), file->errorString());
    return std::unique_ptr<UploadWriter>(std::make_unique<FileUploadWriter>(std::move(file)));
}

Result<qint64> FilesystemBlobStore::uploadSize(const QString &uuid) const
{
    if (!isSafeUuid(uuid))
        return Error::of(ErrorKind::BlobUploadUnknown);
    QFileInfo info(uploadPath(uuid));
    if (!info.exists())
        return Error::of(ErrorKind::BlobUploadUnknown);
    return info.size();
}

Result<oci::Digest> FilesystemBlobStore::hashUpload(const QString &uuid, oci::DigestAlgorithm algorithm) const
{
    if (!isSafeUuid(uuid))
        return Error::of(ErrorKind::BlobUploadUnknown);
    QFile file(uploadPath(uuid));
    if (!file.open(QIODevice::ReadOnly))
        return Error::of(ErrorKind::BlobUploadUnknown);
    oci::DigestHasher hasher(algorithm);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return ioError("cannot read upload", file.fileName(), file.errorString());
        if (n == 0)
            break;
        hasher.update(QByteArrayView(buffer.constData(), n));
    }
    return hasher.finish();
}

Status FilesystemBlobStore::commitUpload(const QString &uuid, const oci::Digest &digest)
{
    if (!isSafeUuid(uuid))
        return Error::of(ErrorKind::BlobUploadUnknown);
    const QString from = uploadPath(uuid);
    const QString to = blobPath(digest);
    if (QFileInfo::exists(to)) {
        QFile::remove(from);
        return {};
    }
    const QString dir = QFileInfo(to).absolutePath();
    if (!QDir().mkpath(dir))
        return ioError("cannot create", dir, "mkpath failed");
    if (!fsyncPath(from, false))
        return ioError("cannot fsync", from, QString::fromLocal8Bit(strerror(errno)));
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return ioError("cannot rename upload to", to, QString::fromLocal8Bit(strerror(errno)));
    fsyncPath(dir, true);
    return {};
}

Status FilesystemBlobStore::discardUpload(const QString &uuid)
{
    if (!isSafeUuid(uuid))
        return Error::of(ErrorKind::BlobUploadUnknown);
    QFile::remove(uploadPath(uuid));
    return {};
}

QStringList FilesystemBlobStore::staleUploads(qint64 olderThanMs) const
{
    QStringList stale;
    QDirIterator it(m_root + QStringLiteral("/uploads"), QDir::Files);
    while (it.hasNext()) {
        it.next();
        if (it.fileInfo().lastModified().toMSecsSinceEpoch() < olderThanMs)
            stale << it.fileName();
    }
    return stale;
}

std::vector<BlobStore::StoredBlob> FilesystemBlobStore::blobsInShard(int shard, qint64 olderThanMs) const
{
    std::vector<StoredBlob> found;
    const QString prefix = QStringLiteral("%1").arg(shard & 0xff, 2, 16, QLatin1Char('0'));
    const QStringList algorithms = QDir(m_root + QStringLiteral("/blobs")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &algorithm : algorithms) {
        QDirIterator it(QStringLiteral("%1/blobs/%2/%3").arg(m_root, algorithm, prefix), QDir::Files);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            if (info.lastModified().toMSecsSinceEpoch() >= olderThanMs)
                continue;
            // Only names this store could have made: anything else is not
            // a blob and is left alone.
            auto digest = oci::Digest::parse(algorithm + QLatin1Char(':') + info.fileName());
            if (digest && digest->hex() == info.fileName())
                found.push_back(StoredBlob{*digest, info.size()});
        }
    }
    return found;
}

} // namespace kai::storage
