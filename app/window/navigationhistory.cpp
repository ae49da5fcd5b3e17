#include "navigationhistory.h"

namespace kai::console {

void NavigationHistory::visit(int page)
{
    if (current() == page)
        return;
    m_pages.resize(m_position + 1);
    m_pages.append(page);
    m_position = m_pages.size() - 1;
}

int NavigationHistory::back()
{
    Q_ASSERT(canGoBack());
    return m_pages.at(--m_position);
}

int NavigationHistory::forward()
{
    Q_ASSERT(canGoForward());
    return m_pages.at(++m_position);
}

} // namespace kai::console
