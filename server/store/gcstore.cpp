#include "store/gcstore.h"

#include "store/blobrecordstore.h"

#include <algorithm>
#include <map>
#include <set>

namespace kai::store {

namespace {

// The first column of every row: a batch of ids to work on.
Result<std::vector<qint64>> idsOf(Result<db::QueryResult> result)
{
    if (!result)
        return result.error();
    std::vector<qint64> ids;
    ids.reserve(result->rows.size());
    for (const db::Row &row : result->rows)
        ids.push_back(row.integer(0));
    return ids;
}

// pg_try_advisory_lock key of the collector: "KAI_GC__" as a bigint.
constexpr qint64 kCollectorLockKey = 0x4B41495F47435F5FLL;

Status statusOf(const Result<db::QueryResult> &result)
{
    if (!result)
        return result.error();
    return {};
}

std::optional<qint64> optionalInteger(const db::Row &row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return row.integer(column);
}

// The most values one IN list carries; larger sets go in chunks.
constexpr int kMaximumInList = 128;

// "?, ?, ..." for `values` (1..kMaximumInList of them), padded to the next
// power of two by repeating the first value, which changes nothing in an
// IN list: each statement then has at most eight texts, so it stays a
// handful of cached prepared statements on PostgreSQL.
QString inList(QVariantList &values)
{
    qsizetype size = 1;
    while (size < values.size())
        size *= 2;
    while (values.size() < size)
        values << values.first();
    QStringList marks;
    marks.reserve(size);
    for (qsizetype i = 0; i < size; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

QVariantList valuesOf(const std::vector<qint64> &ids)
{
    QVariantList values;
    values.reserve(qsizetype(ids.size()));
    for (qint64 id : ids)
        values << id;
    return values;
}

QVariantList valuesOf(const QStringList &texts)
{
    QVariantList values;
    values.reserve(texts.size());
    for (const QString &text : texts)
        values << text;
    return values;
}

// `sql` with its "%1" replaced by an IN list of `values`, run with
// `before` + the list + `after` as parameters.
Result<db::QueryResult> execIn(db::Database &db, const QString &sql, const QVariantList &before, QVariantList values,
                               const QVariantList &after = {})
{
    const QString marks = inList(values);
    return db.exec(sql.arg(marks), before + values + after);
}

} // namespace

Result<std::optional<QString>> GcStore::holdForManifest(qint64 repositoryId, const QStringList &blobDigests,
                                                        const QStringList &childDigests)
{
    auto blobs = BlobRecordStore(m_db).holdForManifest(repositoryId, blobDigests);
    if (!blobs || blobs->has_value())
        return blobs;
    QStringList children = childDigests;
    std::sort(children.begin(), children.end());
    QString sql = QStringLiteral("SELECT id FROM manifests WHERE repository_id = ? AND digest = ?");
    if (m_db.driver() == db::Driver::Postgres)
        sql += QLatin1String(" FOR SHARE");
    for (const QString &digest : children) {
        auto child = m_db.exec(sql, {repositoryId, digest});
        if (!child)
            return child.error();
        if (child->empty())
            return std::optional<QString>{digest};
    }
    return std::optional<QString>{};
}

// ---- (a) tag rows --------------------------------------------------------

Result<std::vector<GcStore::ExpiredTag>> GcStore::expiredTags(qint64 nowMs, int limit)
{
    // Walks tags_lifetime_end from the oldest end. Rows still inside a
    // longer window of another namespace are skipped by the filter; they
    // are history the user may restore, not garbage.
    auto r = m_db.exec(
        "SELECT t.id, t.manifest_id, CASE WHEN t.hidden = 1 THEN CAST(? AS BIGINT) "
        "ELSE CAST(? AS BIGINT) - n.tag_expiration_s * 1000 END "
        "FROM tags t JOIN repositories r ON r.id = t.repository_id JOIN namespaces n ON n.id = r.namespace_id "
        "WHERE t.lifetime_end_ms IS NOT NULL AND t.lifetime_end_ms <= ? AND t.immutable = 0 AND r.deleted = 0 "
        "AND (t.hidden = 1 OR t.lifetime_end_ms <= CAST(? AS BIGINT) - n.tag_expiration_s * 1000) "
        "ORDER BY t.lifetime_end_ms LIMIT ?",
        {nowMs, nowMs, nowMs, nowMs, limit});
    if (!r)
        return r.error();
    std::vector<ExpiredTag> tags;
    for (const db::Row &row : r->rows)
        tags.push_back(ExpiredTag{row.integer(0), row.integer(1), row.integer(2)});
    return tags;
}

Result<qint64> GcStore::deleteExpiredTags(const std::vector<ExpiredTag> &tags)
{
    // One DELETE per cutoff (a namespace's window; "now" for hidden tags),
    // usually one or two per batch. The end is checked again in the
    // statement: it may have moved since the listing.
    std::map<qint64, std::vector<qint64>> byCutoff;
    for (const ExpiredTag &tag : tags)
        byCutoff[tag.cutoffMs].push_back(tag.id);
    qint64 deleted = 0;
    std::vector<qint64> manifests;
    for (const auto &[cutoffMs, ids] : byCutoff) {
        for (size_t first = 0; first < ids.size(); first += kMaximumInList) {
            const std::vector<qint64> chunk(ids.begin() + qsizetype(first),
                                            ids.begin() + qsizetype(std::min(ids.size(), first + kMaximumInList)));
            // Visible rows leave the time machine's listing: count a change
            // of their repositories' history (TagStore::lockHistory), whose
            // row locks come first there too.
            if (Status s = statusOf(execIn(m_db,
                                           QStringLiteral("UPDATE repositories SET tag_history_version = tag_history_version + 1 "
                                                          "WHERE id IN (SELECT repository_id FROM tags WHERE id IN (%1) "
                                                          "AND hidden = 0 AND lifetime_end_ms IS NOT NULL AND lifetime_end_ms <= ?)"),
                                           {}, valuesOf(chunk), {cutoffMs}));
                !s)
                return s.error();
            auto gone = execIn(m_db,
                               QStringLiteral("DELETE FROM tags WHERE id IN (%1) AND lifetime_end_ms IS NOT NULL "
                                              "AND lifetime_end_ms <= ? RETURNING manifest_id"),
                               {}, valuesOf(chunk), {cutoffMs});
            if (!gone)
                return gone.error();
            deleted += qint64(gone->rows.size());
            for (const db::Row &row : gone->rows)
                manifests.push_back(row.integer(0));
        }
    }
    std::sort(manifests.begin(), manifests.end());
    manifests.erase(std::unique(manifests.begin(), manifests.end()), manifests.end());
    for (size_t first = 0; first < manifests.size(); first += kMaximumInList) {
        const std::vector<qint64> chunk(manifests.begin() + qsizetype(first),
                                        manifests.begin() + qsizetype(std::min(manifests.size(), first + kMaximumInList)));
        if (Status s = statusOf(execIn(m_db,
                                       QStringLiteral("INSERT INTO gc_manifest_candidates (manifest_id) SELECT id FROM manifests "
                                                      "WHERE id IN (%1) ON CONFLICT (manifest_id) DO NOTHING"),
                                       {}, valuesOf(chunk)));
            !s)
            return s.error();
    }
    return deleted;
}

// ---- (b) manifests -------------------------------------------------------

Result<std::vector<qint64>> GcStore::manifestCandidates(int limit)
{
    return idsOf(m_db.exec("SELECT manifest_id FROM gc_manifest_candidates ORDER BY manifest_id LIMIT ?", {limit}));
}

Result<GcStore::ManifestOutcome> GcStore::collectManifests(const std::vector<qint64> &manifestIds)
{
    ManifestOutcome total;
    for (size_t first = 0; first < manifestIds.size(); first += kMaximumInList) {
        const std::vector<qint64> chunk(manifestIds.begin() + qsizetype(first),
                                        manifestIds.begin() + qsizetype(std::min(manifestIds.size(), first + kMaximumInList)));
        auto outcome = collectManifestChunk(chunk);
        if (!outcome)
            return outcome.error();
        total.deleted += outcome->deleted;
        total.labels += outcome->labels;
        total.blobReferences += outcome->blobReferences;
        total.childReferences += outcome->childReferences;
    }
    return total;
}

Result<GcStore::ManifestOutcome> GcStore::collectManifestChunk(const std::vector<qint64> &manifestIds)
{
    ManifestOutcome outcome;
    if (manifestIds.empty())
        return outcome;
    // FOR UPDATE conflicts with the key-share lock a concurrent tag insert
    // takes through its foreign key (and with TagStore::holdManifest): that
    // writer either committed before the checks below (which then see its
    // tag) or waits for this transaction and finds the manifest gone,
    // never points a tag at a deleted row. Locks in id order, as every
    // batch takes them.
    QString lockSql = QStringLiteral("SELECT id, repository_id, digest, subject_digest FROM manifests WHERE id IN (%1) ORDER BY id");
    if (m_db.driver() == db::Driver::Postgres)
        lockSql += QLatin1String(" FOR UPDATE");
    auto locked = execIn(m_db, lockSql, {}, valuesOf(manifestIds));
    if (!locked)
        return locked.error();
    // Dequeued before anything is queued: deleting an index below queues
    // its children again, some of which may be in this batch.
    if (Status s = statusOf(execIn(m_db, QStringLiteral("DELETE FROM gc_manifest_candidates WHERE manifest_id IN (%1)"), {},
                                   valuesOf(manifestIds)));
        !s)
        return s.error();
    if (locked->empty())
        return outcome;

    struct Candidate
    {
        qint64 id = 0;
        QString digest;
        QString subject;
    };
    std::map<qint64, std::vector<Candidate>> byRepository;
    std::vector<qint64> present;
    for (const db::Row &row : locked->rows) {
        byRepository[row.integer(1)].push_back(Candidate{row.integer(0), row.text(2), row.text(3)});
        present.push_back(row.integer(0));
    }

    // Referenced by a tag row (any: alive, ended, hidden)?
    auto tagged = execIn(m_db, QStringLiteral("SELECT DISTINCT manifest_id FROM tags WHERE manifest_id IN (%1)"), {},
                         valuesOf(present));
    if (!tagged)
        return tagged.error();
    std::set<qint64> kept;
    for (const db::Row &row : tagged->rows)
        kept.insert(row.integer(0));

    std::vector<qint64> doomed;
    std::map<qint64, std::vector<Candidate>> doomedByRepository;
    for (const auto &[repositoryId, candidates] : byRepository) {
        QStringList digests;
        for (const Candidate &candidate : candidates) {
            if (!kept.count(candidate.id))
                digests << candidate.digest;
        }
        if (digests.isEmpty())
            continue;
        // A child of an index, or the subject of a manifest, of the same
        // repository? CROSS JOIN fixes SQLite's join order: from the child
        // digest's index, not from every manifest of the repository
        // (without statistics SQLite chose the latter: 0.4 s per candidate
        // at 1M manifests). PostgreSQL plans it as an ordinary join.
        std::set<QString> referenced;
        for (const QString &sql : {QStringLiteral("SELECT DISTINCT c.child_digest FROM manifest_children c CROSS JOIN manifests p "
                                                  "WHERE c.child_digest IN (%1) AND p.id = c.manifest_id AND p.repository_id = ?"),
                                   QStringLiteral("SELECT DISTINCT subject_digest FROM manifests "
                                                  "WHERE subject_digest IN (%1) AND repository_id = ?")}) {
            auto found = execIn(m_db, sql, {}, valuesOf(digests), {repositoryId});
            if (!found)
                return found.error();
            for (const db::Row &row : found->rows)
                referenced.insert(row.text(0));
        }
        for (const Candidate &candidate : candidates) {
            if (kept.count(candidate.id) || referenced.count(candidate.digest))
                continue;
            doomed.push_back(candidate.id);
            doomedByRepository[repositoryId].push_back(candidate);
        }
    }
    if (doomed.empty())
        return outcome;

    QVariantList doomedValues = valuesOf(doomed);
    const QString doomedList = inList(doomedValues);
    auto counts = m_db.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM manifest_labels WHERE manifest_id IN (%1)), "
                                           "(SELECT COUNT(*) FROM manifest_blobs WHERE manifest_id IN (%1)), "
                                           "(SELECT COUNT(*) FROM manifest_children WHERE manifest_id IN (%1))")
                                .arg(doomedList),
                            doomedValues + doomedValues + doomedValues);
    if (!counts)
        return counts.error();
    outcome.labels = counts->first().integer(0);
    outcome.blobReferences = counts->first().integer(1);
    outcome.childReferences = counts->first().integer(2);

    // What these manifests held on to may now be garbage too: their blob
    // links, their children and their subjects, in their repository.
    for (const auto &[repositoryId, candidates] : doomedByRepository) {
        std::vector<qint64> ids;
        QStringList subjects;
        for (const Candidate &candidate : candidates) {
            ids.push_back(candidate.id);
            if (!candidate.subject.isEmpty())
                subjects << candidate.subject;
        }
        // DISTINCT: two manifests sharing a blob would make DO UPDATE touch
        // one row twice, which PostgreSQL refuses.
        if (Status s = statusOf(execIn(m_db,
                                       QStringLiteral("INSERT INTO gc_link_candidates (repository_id, digest, due_ms) "
                                                      "SELECT DISTINCT CAST(? AS BIGINT), digest, 0 FROM manifest_blobs "
                                                      "WHERE manifest_id IN (%1) "
                                                      "ON CONFLICT (repository_id, digest) DO UPDATE SET due_ms = 0"),
                                       {repositoryId}, valuesOf(ids)));
            !s)
            return s.error();
        if (Status s = statusOf(execIn(m_db,
                                       QStringLiteral("INSERT INTO gc_manifest_candidates (manifest_id) "
                                                      "SELECT DISTINCT m.id FROM manifest_children c CROSS JOIN manifests m "
                                                      "WHERE c.manifest_id IN (%1) AND m.repository_id = ? AND m.digest = c.child_digest "
                                                      "ON CONFLICT (manifest_id) DO NOTHING"),
                                       {}, valuesOf(ids), {repositoryId}));
            !s)
            return s.error();
        if (subjects.isEmpty())
            continue;
        if (Status s = statusOf(execIn(m_db,
                                       QStringLiteral("INSERT INTO gc_manifest_candidates (manifest_id) "
                                                      "SELECT id FROM manifests WHERE repository_id = ? AND digest IN (%1) "
                                                      "ON CONFLICT (manifest_id) DO NOTHING"),
                                       {repositoryId}, valuesOf(subjects)));
            !s)
            return s.error();
    }
    if (Status s = statusOf(execIn(m_db, QStringLiteral("DELETE FROM manifests WHERE id IN (%1)"), {}, valuesOf(doomed))); !s)
        return s.error();
    outcome.deleted = qint64(doomed.size());
    return outcome;
}

// ---- (c) links -----------------------------------------------------------

Result<std::vector<GcStore::Link>> GcStore::dueLinks(qint64 nowMs, int limit)
{
    auto r = m_db.exec("SELECT repository_id, digest FROM gc_link_candidates WHERE due_ms <= ? "
                       "ORDER BY due_ms, repository_id, digest LIMIT ?",
                       {nowMs, limit});
    if (!r)
        return r.error();
    std::vector<Link> links;
    for (const db::Row &row : r->rows)
        links.push_back(Link{row.integer(0), row.text(1)});
    return links;
}

Result<bool> GcStore::collectLink(const Link &link, qint64 nowMs, qint64 graceMs)
{
    auto dequeue = [&]() -> Status {
        return statusOf(m_db.exec("DELETE FROM gc_link_candidates WHERE repository_id = ? AND digest = ?",
                                  {link.repositoryId, link.digest}));
    };
    // The blob's lock: a manifest push holds it (shared) from its check of
    // this link until its manifest_blobs rows commit.
    auto locked = BlobRecordStore::lockBlob(m_db, link.digest, BlobRecordStore::Lock::Exclusive);
    if (!locked)
        return locked.error();
    auto row = m_db.exec("SELECT created_ms FROM repository_blobs WHERE repository_id = ? AND digest = ?",
                         {link.repositoryId, link.digest});
    if (!row)
        return row.error();
    if (row->empty()) {
        if (Status s = dequeue(); !s)
            return s.error();
        return false;
    }
    const qint64 linkedMs = row->first().integer(0);
    if (linkedMs > nowMs - graceMs) {
        // A push may still be on its way to the manifest: look again later.
        if (Status s = statusOf(m_db.exec("UPDATE gc_link_candidates SET due_ms = ? WHERE repository_id = ? AND digest = ?",
                                          {linkedMs + graceMs, link.repositoryId, link.digest}));
            !s)
            return s.error();
        return false;
    }
    // CROSS JOIN: start from the digest's index (see collectManifestChunk).
    auto used = m_db.exec("SELECT 1 FROM manifest_blobs mb CROSS JOIN manifests m "
                          "WHERE m.id = mb.manifest_id AND mb.digest = ? AND m.repository_id = ? LIMIT 1",
                          {link.digest, link.repositoryId});
    if (!used)
        return used.error();
    if (!used->empty()) {
        if (Status s = dequeue(); !s)
            return s.error();
        return false;
    }
    for (const auto &[sql, params] : std::initializer_list<std::pair<const char *, QVariantList>>{
             {"DELETE FROM repository_blobs WHERE repository_id = ? AND digest = ?", {link.repositoryId, link.digest}},
             {"INSERT INTO gc_blob_candidates (digest) VALUES (?) ON CONFLICT (digest) DO NOTHING", {link.digest}}}) {
        if (Status s = statusOf(m_db.exec(QString::fromLatin1(sql), params)); !s)
            return s.error();
    }
    if (Status s = dequeue(); !s)
        return s.error();
    return true;
}

// ---- (d) blobs -----------------------------------------------------------

Result<QStringList> GcStore::blobCandidates(int limit)
{
    auto r = m_db.exec("SELECT digest FROM gc_blob_candidates ORDER BY digest LIMIT ?", {limit});
    if (!r)
        return r.error();
    QStringList digests;
    for (const db::Row &row : r->rows)
        digests << row.text(0);
    return digests;
}

Result<QStringList> GcStore::markedBlobs(const QString &after, int limit)
{
    auto r = m_db.exec("SELECT digest FROM blobs WHERE deleting = 1 AND digest > ? ORDER BY digest LIMIT ?", {after, limit});
    if (!r)
        return r.error();
    QStringList digests;
    for (const db::Row &row : r->rows)
        digests << row.text(0);
    return digests;
}

Result<bool> GcStore::markBlob(const QString &digest)
{
    auto locked = BlobRecordStore::lockBlob(m_db, digest, BlobRecordStore::Lock::Exclusive);
    if (!locked)
        return locked.error();
    if (Status s = statusOf(m_db.exec("DELETE FROM gc_blob_candidates WHERE digest = ?", {digest})); !s)
        return s.error();
    if (!locked->has_value())
        return false;
    if (**locked)
        return true;
    auto linked = m_db.exec("SELECT 1 FROM repository_blobs WHERE digest = ? LIMIT 1", {digest});
    if (!linked)
        return linked.error();
    if (!linked->empty())
        return false;
    if (Status s = statusOf(m_db.exec("UPDATE blobs SET deleting = 1 WHERE digest = ?", {digest})); !s)
        return s.error();
    return true;
}

Result<std::optional<qint64>> GcStore::finishBlob(const QString &digest, const std::function<Status()> &removeFile)
{
    auto locked = BlobRecordStore::lockBlob(m_db, digest, BlobRecordStore::Lock::Exclusive);
    if (!locked)
        return locked.error();
    if (!locked->has_value() || !**locked)
        return std::optional<qint64>{}; // gone, or revived by an upload
    // A marked row never gains a link (I2), and the foreign key of
    // repository_blobs would refuse the delete below if it had one.
    auto size = m_db.exec("SELECT size FROM blobs WHERE digest = ?", {digest});
    if (!size)
        return size.error();
    // The file goes while the lock is held and before the row: a crash
    // after the unlink leaves a marked row (its file may be missing, which
    // marked rows allow), finished by the next pass.
    if (Status s = removeFile(); !s)
        return s.error();
    if (Status s = statusOf(m_db.exec("DELETE FROM blobs WHERE digest = ?", {digest})); !s)
        return s.error();
    return std::optional<qint64>{size->first().integer(0)};
}

Result<bool> GcStore::claimOrphanFile(const QString &digest, qint64 size, qint64 nowMs)
{
    auto claimed = m_db.exec("INSERT INTO blobs (digest, size, created_ms, deleting) VALUES (?, ?, ?, 1) "
                             "ON CONFLICT (digest) DO NOTHING",
                             {digest, size, nowMs});
    if (!claimed)
        return claimed.error();
    return claimed->rowsAffected > 0;
}

// ---- (f) deleted repositories -------------------------------------------

Result<std::vector<qint64>> GcStore::deletedRepositories(int limit)
{
    return idsOf(m_db.exec("SELECT id FROM repositories WHERE deleted = 1 ORDER BY id LIMIT ?", {limit}));
}

Result<qint64> GcStore::purgeTags(qint64 repositoryId, int limit)
{
    auto r = m_db.exec("DELETE FROM tags WHERE id IN (SELECT id FROM tags WHERE repository_id = ? ORDER BY id LIMIT ?)",
                       {repositoryId, limit});
    if (!r)
        return r.error();
    return r->rowsAffected;
}

Result<GcStore::PurgedManifests> GcStore::purgeManifests(qint64 repositoryId, int limit)
{
    auto labels = m_db.exec("SELECT COUNT(*) FROM manifest_labels WHERE manifest_id IN "
                            "(SELECT id FROM manifests WHERE repository_id = ? ORDER BY id LIMIT ?)",
                            {repositoryId, limit});
    if (!labels)
        return labels.error();
    auto r = m_db.exec("DELETE FROM manifests WHERE id IN (SELECT id FROM manifests WHERE repository_id = ? ORDER BY id LIMIT ?)",
                       {repositoryId, limit});
    if (!r)
        return r.error();
    return PurgedManifests{r->rowsAffected, r->rowsAffected > 0 ? labels->first().integer(0) : 0};
}

Result<qint64> GcStore::purgeLinks(qint64 repositoryId, int limit)
{
    auto queued = m_db.exec("INSERT INTO gc_blob_candidates (digest) SELECT digest FROM repository_blobs "
                            "WHERE repository_id = ? ORDER BY digest LIMIT ? ON CONFLICT (digest) DO NOTHING",
                            {repositoryId, limit});
    if (!queued)
        return queued.error();
    auto r = m_db.exec("DELETE FROM repository_blobs WHERE repository_id = ? AND digest IN "
                       "(SELECT digest FROM repository_blobs WHERE repository_id = ? ORDER BY digest LIMIT ?)",
                       {repositoryId, repositoryId, limit});
    if (!r)
        return r.error();
    return r->rowsAffected;
}

Result<bool> GcStore::deleteRepository(qint64 repositoryId)
{
    if (Status s = statusOf(m_db.exec("DELETE FROM gc_link_candidates WHERE repository_id = ?", {repositoryId})); !s)
        return s.error();
    auto r = m_db.exec("DELETE FROM repositories WHERE id = ? AND deleted = 1", {repositoryId});
    if (!r)
        return r.error();
    return r->rowsAffected > 0;
}

// ---- scrub ---------------------------------------------------------------

Result<GcStore::Scrubbed> GcStore::scrubBlobs(const QString &after, int limit)
{
    auto page = m_db.exec("SELECT COUNT(*), MAX(digest) FROM (SELECT digest FROM blobs WHERE digest > ? ORDER BY digest LIMIT ?) p",
                          {after, limit});
    if (!page)
        return page.error();
    Scrubbed scrubbed;
    const qint64 seen = page->first().integer(0);
    scrubbed.nextText = seen < limit ? QString() : page->first().text(1);
    if (seen == 0)
        return scrubbed;
    auto queued = m_db.exec("INSERT INTO gc_blob_candidates (digest) SELECT p.digest FROM "
                            "(SELECT digest FROM blobs WHERE digest > ? ORDER BY digest LIMIT ?) p "
                            "WHERE NOT EXISTS (SELECT 1 FROM repository_blobs rb WHERE rb.digest = p.digest) "
                            "ON CONFLICT (digest) DO NOTHING",
                            {after, limit});
    if (!queued)
        return queued.error();
    scrubbed.queued = queued->rowsAffected;
    return scrubbed;
}

Result<GcStore::Scrubbed> GcStore::scrubLinks(qint64 afterRepository, const QString &afterDigest, int limit, qint64 nowMs)
{
    const char *pageSql = "SELECT repository_id, digest FROM repository_blobs WHERE repository_id > ? "
                          "OR (repository_id = ? AND digest > ?) ORDER BY repository_id, digest LIMIT ?";
    auto page = m_db.exec(QStringLiteral("SELECT COUNT(*), MAX(repository_id) FROM (%1) p").arg(QLatin1String(pageSql)),
                          {afterRepository, afterRepository, afterDigest, limit});
    if (!page)
        return page.error();
    Scrubbed scrubbed;
    const qint64 seen = page->first().integer(0);
    if (seen == limit) {
        const qint64 lastRepository = page->first().integer(1);
        auto last = m_db.exec(QStringLiteral("SELECT MAX(digest) FROM (%1) p WHERE repository_id = ?").arg(QLatin1String(pageSql)),
                              {afterRepository, afterRepository, afterDigest, limit, lastRepository});
        if (!last)
            return last.error();
        scrubbed.nextId = lastRepository;
        scrubbed.nextText = last->first().text(0);
    }
    if (seen == 0)
        return scrubbed;
    auto queued = m_db.exec(QStringLiteral("INSERT INTO gc_link_candidates (repository_id, digest, due_ms) "
                                           "SELECT p.repository_id, p.digest, CAST(? AS BIGINT) FROM (%1) p WHERE NOT EXISTS "
                                           "(SELECT 1 FROM manifest_blobs mb CROSS JOIN manifests m "
                                           "WHERE m.id = mb.manifest_id AND mb.digest = p.digest "
                                           "AND m.repository_id = p.repository_id) "
                                           "ON CONFLICT (repository_id, digest) DO NOTHING")
                                .arg(QLatin1String(pageSql)),
                            {nowMs, afterRepository, afterRepository, afterDigest, limit});
    if (!queued)
        return queued.error();
    scrubbed.queued = queued->rowsAffected;
    return scrubbed;
}

Result<GcStore::Scrubbed> GcStore::scrubManifests(qint64 afterId, int limit)
{
    auto page = m_db.exec("SELECT COUNT(*), MAX(id) FROM (SELECT id FROM manifests WHERE id > ? ORDER BY id LIMIT ?) p",
                          {afterId, limit});
    if (!page)
        return page.error();
    Scrubbed scrubbed;
    const qint64 seen = page->first().integer(0);
    scrubbed.nextId = seen < limit ? 0 : page->first().integer(1);
    if (seen == 0)
        return scrubbed;
    auto queued = m_db.exec("INSERT INTO gc_manifest_candidates (manifest_id) SELECT p.id FROM "
                            "(SELECT id FROM manifests WHERE id > ? ORDER BY id LIMIT ?) p "
                            "WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE t.manifest_id = p.id) "
                            "ON CONFLICT (manifest_id) DO NOTHING",
                            {afterId, limit});
    if (!queued)
        return queued.error();
    scrubbed.queued = queued->rowsAffected;
    return scrubbed;
}

// ---- status --------------------------------------------------------------

Result<GcStore::StatusRow> GcStore::status()
{
    auto r = m_db.exec("SELECT running_since_ms, heartbeat_ms, last_run_ms, last_duration_ms, last_bytes_freed, "
                       "last_rows_freed, total_bytes_freed, scrub_blob_after, scrub_link_repository, scrub_link_digest, "
                       "scrub_manifest_after, scrub_file_shard FROM gc_status WHERE id = 1");
    if (!r)
        return r.error();
    StatusRow status;
    if (r->empty())
        return status;
    const db::Row &row = r->first();
    status.runningSinceMs = optionalInteger(row, 0);
    status.heartbeatMs = optionalInteger(row, 1);
    status.lastRunMs = optionalInteger(row, 2);
    status.lastDurationMs = row.integer(3);
    status.lastBytesFreed = row.integer(4);
    status.lastRowsFreed = row.text(5).toUtf8();
    status.totalBytesFreed = row.integer(6);
    status.scrubBlobAfter = row.text(7);
    status.scrubLinkRepository = row.integer(8);
    status.scrubLinkDigest = row.text(9);
    status.scrubManifestAfter = row.integer(10);
    status.scrubFileShard = int(row.integer(11));
    return status;
}

Status GcStore::markRunning(qint64 nowMs)
{
    return statusOf(m_db.exec("UPDATE gc_status SET running_since_ms = ?, heartbeat_ms = ? WHERE id = 1", {nowMs, nowMs}));
}

Status GcStore::heartbeat(qint64 nowMs)
{
    return statusOf(m_db.exec("UPDATE gc_status SET heartbeat_ms = ? WHERE id = 1", {nowMs}));
}

Status GcStore::recordRun(qint64 nowMs, qint64 durationMs, qint64 bytesFreed, const QByteArray &rowsFreed)
{
    return statusOf(m_db.exec("UPDATE gc_status SET running_since_ms = NULL, heartbeat_ms = ?, last_run_ms = ?, "
                              "last_duration_ms = ?, last_bytes_freed = ?, last_rows_freed = ?, "
                              "total_bytes_freed = total_bytes_freed + ? WHERE id = 1",
                              {nowMs, nowMs, durationMs, bytesFreed, QString::fromUtf8(rowsFreed), bytesFreed}));
}

Status GcStore::saveCursors(const StatusRow &cursors)
{
    return statusOf(m_db.exec("UPDATE gc_status SET scrub_blob_after = ?, scrub_link_repository = ?, scrub_link_digest = ?, "
                              "scrub_manifest_after = ?, scrub_file_shard = ? WHERE id = 1",
                              {cursors.scrubBlobAfter, cursors.scrubLinkRepository, cursors.scrubLinkDigest,
                               cursors.scrubManifestAfter, cursors.scrubFileShard}));
}

Result<bool> GcStore::tryLockCollector()
{
    if (m_db.driver() != db::Driver::Postgres)
        return true;
    auto r = m_db.exec("SELECT pg_try_advisory_lock(CAST(? AS BIGINT))", {kCollectorLockKey});
    if (!r)
        return r.error();
    return !r->empty() && r->first().boolean(0);
}

Status GcStore::unlockCollector()
{
    if (m_db.driver() != db::Driver::Postgres)
        return {};
    return statusOf(m_db.exec("SELECT pg_advisory_unlock(CAST(? AS BIGINT))", {kCollectorLockKey}));
}

} // namespace kai::store
