#pragma once

#include "core/result.h"
#include "oci/digest.h"

#include <QIODevice>
#include <QString>

#include <memory>
#include <vector>

namespace kai::storage {

// Appends to one upload in progress. Not thread-safe; one request at a time
// owns a writer.
class UploadWriter
{
public:
    virtual ~UploadWriter() = default;
    virtual Status write(QByteArrayView data) = 0;
    virtual qint64 size() const = 0;
    virtual Status close() = 0;
};

// Content-addressed blob storage. The contract every implementation keeps:
// - a committed blob is immutable and becomes visible atomically, only after
//   its content was verified against its digest and made durable;
// - an upload is private until committed and can be discarded at any time;
// - blob and upload paths are derived from validated digests / server-made
//   uuids only, never from client strings.
// Safe to use from several threads at once.
class BlobStore
{
public:
    virtual ~BlobStore() = default;

    virtual bool contains(const oci::Digest &digest) const = 0;
    virtual Result<qint64> blobSize(const oci::Digest &digest) const = 0;
    virtual Result<std::unique_ptr<QIODevice>> openBlob(const oci::Digest &digest) const = 0;
    virtual Status removeBlob(const oci::Digest &digest) = 0;

    virtual Status createUpload(const QString &uuid) = 0;
    // Opens the upload for appending; fails if it does not exist.
    virtual Result<std::unique_ptr<UploadWriter>> appendToUpload(const QString &uuid) = 0;
    virtual Result<qint64> uploadSize(const QString &uuid) const = 0;
    // Hashes the whole upload (for resumed chunked uploads, whose running
    // hash did not survive between requests).
    virtual Result<oci::Digest> hashUpload(const QString &uuid, oci::DigestAlgorithm algorithm) const = 0;
    // Moves a verified upload into place under `digest`: durable first, then
    // visible. Idempotent when the blob already exists (the upload is dropped).
    virtual Status commitUpload(const QString &uuid, const oci::Digest &digest) = 0;
    virtual Status discardUpload(const QString &uuid) = 0;
    // Uploads last written before `olderThanMs` (epoch ms); for cleanup.
    virtual QStringList staleUploads(qint64 olderThanMs) const = 0;

    // Committed blobs in one of 256 shards (the first byte of the digest's
    // hex, any algorithm) last written before `olderThanMs`: the garbage
    // collector's sweep for files whose row never committed. Bounded by the
    // shard's size; a pass reads one shard.
    struct StoredBlob
    {
        oci::Digest digest;
        qint64 size = 0;
    };
    virtual std::vector<StoredBlob> blobsInShard(int shard, qint64 olderThanMs) const = 0;
};

} // namespace kai::storage
