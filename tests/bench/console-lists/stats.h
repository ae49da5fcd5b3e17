#pragma once

#include <QList>

#include <algorithm>
#include <cmath>

namespace kai::bench {

// Millisecond samples and the order statistics the report quotes.
class Samples
{
public:
    void add(double ms) { m_values.append(ms); }
    void add(const Samples &other) { m_values.append(other.m_values); }
    bool isEmpty() const { return m_values.isEmpty(); }
    qsizetype count() const { return m_values.size(); }

    // Nearest-rank percentile (p in 0..100); NaN without samples.
    double percentile(double p) const
    {
        if (m_values.isEmpty())
            return std::nan("");
        QList<double> sorted = m_values;
        std::sort(sorted.begin(), sorted.end());
        const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
        return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
    }
    double median() const { return percentile(50); }
    double p99() const { return percentile(99); }
    double max() const { return percentile(100); }

private:
    QList<double> m_values;
};

} // namespace kai::bench
