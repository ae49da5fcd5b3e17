#pragma once

#include "storage/blobstore.h"

namespace kai::storage {

// Blobs as files under one root directory:
//   <root>/blobs/<algorithm>/<first 2 hex>/<hex>   committed, read-only
//   <root>/uploads/<uuid>                          in progress
// Commit = fsync the upload, rename it into blobs/ (atomic on one
// filesystem), fsync the directory. A crash leaves at worst a stale file in
// uploads/, never a partial blob.
class FilesystemBlobStore final : public BlobStore
{
public:
    static Result<std::unique_ptr<FilesystemBlobStore>> open(const QString &root);

    bool contains(const oci::Digest &digest) const override;
    Result<qint64> blobSize(const oci::Digest &digest) const override;
    Result<std::unique_ptr<QIODevice>> openBlob(const oci::Digest &digest) const override;
    Status removeBlob(const oci::Digest &digest) override;

    Status createUpload(const QString &uuid) override;
    Result<std::unique_ptr<UploadWriter>> appendToUpload(const QString &uuid) override;
    Result<qint64> uploadSize(const QString &uuid) const override;
    Result<oci::Digest> hashUpload(const QString &uuid, oci::DigestAlgorithm algorithm) const override;
    Status commitUpload(const QString &uuid, const oci::Digest &digest) override;
    Status discardUpload(const QString &uuid) override;
    QStringList staleUploads(qint64 olderThanMs) const override;
    std::vector<StoredBlob> blobsInShard(int shard, qint64 olderThanMs) const override;

    QString blobPath(const oci::Digest &digest) const;
    QString uploadPath(const QString &uuid) const;

private:
    explicit FilesystemBlobStore(QString root);
    QString m_root;
};

} // namespace kai::storage
