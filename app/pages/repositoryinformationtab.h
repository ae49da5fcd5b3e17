#pragma once

#include "client/types/repository.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTextBrowser;

namespace kai::console {

// A repository's "Information" tab (console-workflows §5.1), brief for
// now: visibility and state, the pull commands, and the description
// rendered as Markdown. The activity heat-map and editing the description
// come later.
//
// Child objectNames: repositorySummary, podmanPullField, dockerPullField,
// repositoryDescription.
class RepositoryInformationTab final : public QWidget
{
    Q_OBJECT

public:
    explicit RepositoryInformationTab(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RepositoryInformationTab)

    // `host`: the registry as clients name it ("host[:port]").
    void setRepository(const client::RepositoryDetails &repository, const QString &host);
    // A repository state (NORMAL, READ_ONLY, MIRROR, ORG_MIRROR) in words.
    static QString stateLabel(const QString &state);

private:
    QLabel *m_summary;
    QLineEdit *m_podmanPull;
    QLineEdit *m_dockerPull;
    QTextBrowser *m_description;
};

} // namespace kai::console
