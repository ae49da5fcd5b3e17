#include "navigationhistory.h"

namespace kai::console {

void NavigationHistory::visit(const Place &place)
{
    if (!m_places.isEmpty() && current().isSameAs(place))
        return updateCurrent(place);
    m_places.resize(m_position + 1);
    m_places.append(place);
    m_position = m_places.size() - 1;
}

void NavigationHistory::updateCurrent(const Place &place)
{
    if (m_places.isEmpty() || !current().isSameAs(place))
        return;
    m_places[m_position] = place;
}

NavigationHistory::Place NavigationHistory::back()
{
    Q_ASSERT(canGoBack());
    return m_places.at(--m_position);
}

NavigationHistory::Place NavigationHistory::forward()
{
    Q_ASSERT(canGoForward());
    return m_places.at(++m_position);
}

} // namespace kai::console
