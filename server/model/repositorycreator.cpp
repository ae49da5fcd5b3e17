#include "model/repositorycreator.h"

#include "oci/names.h"

#include <QHash>

namespace kai::model {

Result<store::Repository> RepositoryCreator::create(const auth::Identity &creator, const store::Namespace &inNamespace,
                                                    const QString &name, const QString &visibility,
                                                    const QString &description, qint64 nowMs)
{
    if (Status s = oci::validateRepositoryPart(name); !s)
        return s.error();
    if (Status s = oci::validateRepositoryName(QString(inNamespace.name + '/' + name)); !s)
        return s.error();
    auto repository = m_repositories.create(inNamespace.id, inNamespace.name, inNamespace.kind, name, visibility,
                                            description, nowMs);
    if (!repository)
        return repository.error();
    if (creator.isAnonymous())
        return repository;
    // Explicit even for the owner of a user namespace and inside
    // organizations, as Quay does: the grant outlives team changes.
    if (Status s = m_repositories.grant(repository->id, creator.namespaceId, QStringLiteral("admin")); !s)
        return s.error();
    if (inNamespace.kind == QLatin1String("organization")) {
        if (Status s = applyPrototypes(*repository, creator.namespaceId); !s)
            return s.error();
    }
    return repository;
}

Status RepositoryCreator::applyPrototypes(const store::Repository &repository, qint64 creatorId)
{
    auto prototypes = m_prototypes.applicable(repository.namespaceId, creatorId);
    if (!prototypes)
        return prototypes.error();

    // Per delegate: a prototype for this very creator wins over one for
    // anyone, whatever order they were made in.
    struct Chosen
    {
        const store::Prototype *prototype = nullptr;
        bool creatorSpecific = false;
    };
    QHash<QString, Chosen> chosen;
    QStringList order;
    for (const store::Prototype &p : *prototypes) {
        const QString key = p.delegateTeamId > 0 ? QStringLiteral("team:%1").arg(p.delegateTeamId)
                                                 : QStringLiteral("user:%1").arg(p.delegateUser ? p.delegateUser->id : 0);
        const bool specific = p.activatingUser.has_value();
        auto it = chosen.find(key);
        if (it == chosen.end()) {
            chosen.insert(key, Chosen{&p, specific});
            order << key;
        } else if (specific) {
            *it = Chosen{&p, true};
        }
    }
    for (const QString &key : order) {
        const store::Prototype &p = *chosen.value(key).prototype;
        if (p.delegateTeamId > 0) {
            if (Status s = m_repositories.grantTeam(repository.id, p.delegateTeamId, p.role); !s)
                return s;
        } else if (p.delegateUser && p.delegateUser->id != creatorId) {
            if (Status s = m_repositories.grant(repository.id, p.delegateUser->id, p.role); !s)
                return s;
        }
    }
    return {};
}

} // namespace kai::model
