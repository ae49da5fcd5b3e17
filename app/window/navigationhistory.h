#pragma once

#include <QList>
#include <QString>

namespace kai::console {

// Back/forward over visited places, as a browser does: visiting a place
// after going back drops the forward part. A place is a page and, for the
// namespace and repository pages, what they showed: the namespace, the
// repository and the tab in front.
class NavigationHistory
{
public:
    struct Place
    {
        int page = -1;
        QString namespaceName;   // the namespace page's, or the repository's namespace
        bool userNamespace = false;
        QString repository;      // the repository page's name inside its namespace
        int tab = 0;             // the tab in front; not part of a place's identity

        bool isSameAs(const Place &other) const
        {
            return page == other.page && namespaceName == other.namespaceName
                   && userNamespace == other.userNamespace && repository == other.repository;
        }
    };

    // Visiting the place already current only updates it (its tab).
    void visit(const Place &place);
    // What the current place shows now (the tab changed), before leaving it.
    void updateCurrent(const Place &place);
    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_places.size(); }
    Place back();      // the place to show; call only when canGoBack()
    Place forward();   // call only when canGoForward()
    // The current place; page -1 before the first visit.
    Place current() const { return m_places.isEmpty() ? Place{} : m_places.at(m_position); }

private:
    QList<Place> m_places;
    qsizetype m_position = -1;
};

} // namespace kai::console
