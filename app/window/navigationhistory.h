#pragma once

#include <QList>

namespace kai::console {

// Back/forward over visited pages, as a browser does: visiting a page after
// going back drops the forward part.
class NavigationHistory
{
public:
    void visit(int page);
    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_pages.size(); }
    int back();      // the page to show; call only when canGoBack()
    int forward();   // call only when canGoForward()
    int current() const { return m_pages.isEmpty() ? -1 : m_pages.at(m_position); }

private:
    QList<int> m_pages;
    qsizetype m_position = -1;
};

} // namespace kai::console
