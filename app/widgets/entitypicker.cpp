#include "entitypicker.h"

#include "client/apiclient.h"
#include "client/endpoints/entities.h"
#include "dialogs/pendingrequest.h"
#include "models/entitylistmodel.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QTimer>

#include <functional>

namespace kai::console {

namespace {

constexpr int kDefaultDebounceMs = 1000;
constexpr int kVisibleRows = 8;

// Tests cannot reach into a dialog's picker, so the debounce also comes from
// the environment (the console test suites set a few milliseconds).
int debounceFromEnvironment()
{
    bool ok = false;
    const int milliseconds = qEnvironmentVariableIntValue("KAI_CONSOLE_DEBOUNCE_MS", &ok);
    return ok && milliseconds >= 0 ? milliseconds : kDefaultDebounceMs;
}

// "org+bot" searches the robots of the picker's namespace by their short
// name, which is all the API wants (console-workflows §0). "org+" alone is
// sent whole: Kai answers it with the organization's robots (Quay with
// nothing), where an empty prefix would not even make a URL.
QString searchPrefixOf(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype plus = trimmed.lastIndexOf(u'+');
    return plus < 0 || plus == trimmed.size() - 1 ? trimmed : trimmed.mid(plus + 1);
}

bool isNavigationKey(int key)
{
    return key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown
           || key == Qt::Key_Home || key == Qt::Key_End || key == Qt::Key_Return || key == Qt::Key_Enter;
}

// Lets the picker see the key and visibility events of its edit, its popup
// and itself without widening its public interface by an eventFilter().
class EventTap final : public QObject
{
public:
    using Handler = std::function<bool(QObject *, QEvent *)>;
    EventTap(QObject *parent, Handler handler) : QObject(parent), m_handler(std::move(handler)) {}
    Q_DISABLE_COPY_MOVE(EventTap)

    bool eventFilter(QObject *watched, QEvent *event) override { return m_handler(watched, event); }

private:
    Handler m_handler;
};

} // namespace

struct EntityPicker::Parts
{
    explicit Parts(client::ApiClient &apiClient) : client(apiClient) {}

    client::ApiClient &client;
    QLineEdit *edit = nullptr;
    QListView *popup = nullptr;
    EntityListModel *model = nullptr;
    QTimer *debounce = nullptr;
    QObject *eventTap = nullptr;
    // Only the newest search may show its results: starting another one
    // cancels the one in flight, and `generation` tells a late answer that
    // it is stale should it arrive anyway.
    PendingRequest search;
    quint64 generation = 0;
    QString namespaceName;
    bool includeTeams = false;
    std::optional<client::Entity> chosen;
};

EntityPicker::EntityPicker(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_parts(std::make_unique<Parts>(client))
{
    Parts &parts = *m_parts;
    parts.edit = new QLineEdit(this);
    parts.edit->setObjectName(QStringLiteral("entityPickerEdit"));
    parts.edit->setPlaceholderText(tr("Search for a user, robot account or team"));
    parts.edit->setClearButtonEnabled(true);
    setFocusProxy(parts.edit);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(parts.edit);

    parts.model = new EntityListModel(this);
    // A child window like QCompleter's popup: it closes on a click outside,
    // keeps the keyboard focus in the edit and passes typing on to it.
    // Its parent is the edit so that opening it does not count as leaving
    // the edit (QLineEdit would emit editingFinished).
    parts.popup = new QListView(parts.edit);
    parts.popup->setWindowFlags(Qt::Popup);
    parts.popup->setObjectName(QStringLiteral("entityPickerResults"));
    parts.popup->setModel(parts.model);
    parts.popup->setFocusPolicy(Qt::NoFocus);
    parts.popup->setFocusProxy(parts.edit);
    parts.popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    parts.popup->setSelectionMode(QAbstractItemView::SingleSelection);
    parts.popup->setUniformItemSizes(true);
    parts.popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    parts.debounce = new QTimer(this);
    parts.debounce->setSingleShot(true);
    parts.debounce->setInterval(debounceFromEnvironment());

    connect(parts.debounce, &QTimer::timeout, this, &EntityPicker::startSearch);
    connect(parts.edit, &QLineEdit::textEdited, this, &EntityPicker::onTextEdited);
    // Enter, a click and a double click all end in one of these; choosing
    // the entity already chosen changes nothing.
    connect(parts.popup, &QAbstractItemView::activated, this, &EntityPicker::choose);
    connect(parts.popup, &QAbstractItemView::clicked, this, &EntityPicker::choose);

    auto *tap = new EventTap(this, [this](QObject *watched, QEvent *event) {
        if (event->type() == QEvent::Hide) {
            if (watched == this)
                m_parts->popup->hide();
            // However the list closed (Escape, a choice, a click outside),
            // nothing stays highlighted for a later Enter to take.
            else if (watched == m_parts->popup)
                m_parts->popup->setCurrentIndex(QModelIndex());
            return false;
        }
        if (event->type() != QEvent::KeyPress)
            return false;
        auto *key = static_cast<QKeyEvent *>(event);
        return watched == m_parts->edit ? editKeyPressed(key) : popupKeyPressed(key);
    });
    parts.eventTap = tap;
    installEventFilter(tap);
    parts.edit->installEventFilter(tap);
    parts.popup->installEventFilter(tap);
}

EntityPicker::~EntityPicker()
{
    // The children go after m_parts; an open list still gets a Hide event
    // then, which must not reach the tap's handler.
    delete m_parts->eventTap;
}

void EntityPicker::setNamespace(const QString &namespaceName)
{
    m_parts->namespaceName = namespaceName;
}

void EntityPicker::setIncludeTeams(bool include)
{
    m_parts->includeTeams = include;
}

void EntityPicker::setDebounceMilliseconds(int milliseconds)
{
    m_parts->debounce->setInterval(qMax(0, milliseconds));
}

std::optional<client::Entity> EntityPicker::entity() const
{
    return m_parts->chosen;
}

void EntityPicker::clear()
{
    stopSearching();
    m_parts->edit->clear();
    if (m_parts->chosen) {
        m_parts->chosen.reset();
        emit entityChanged();
    }
}

void EntityPicker::onTextEdited(const QString &text)
{
    stopSearching();
    if (m_parts->chosen) {
        m_parts->chosen.reset();
        emit entityChanged();
    }
    if (!searchPrefixOf(text).isEmpty())
        m_parts->debounce->start();
}

void EntityPicker::stopSearching()
{
    m_parts->debounce->stop();
    m_parts->search.cancel();
    ++m_parts->generation;
    m_parts->popup->hide();
    m_parts->model->clear();
}

void EntityPicker::startSearch()
{
    Parts &parts = *m_parts;
    const QString prefix = searchPrefixOf(parts.edit->text());
    if (prefix.isEmpty())
        return;
    // The server is asked for the short name only, so it also offers users
    // and teams starting with it; someone who typed "org+" wants a robot.
    const bool robotsOnly = parts.edit->text().contains(u'+');
    parts.search.cancel();
    const quint64 generation = ++parts.generation;
    client::Reply<client::EntityList> *reply =
        client::entities::search(parts.client, prefix, parts.namespaceName, parts.includeTeams);
    parts.search.start(reply);
    reply->then(this, [this, generation, robotsOnly](const Result<client::EntityList> &answer) {
        if (generation != m_parts->generation)
            return;
        m_parts->search.finish();
        if (answer) {
            QList<client::Entity> entities = answer->results;
            if (robotsOnly)
                entities.removeIf([](const client::Entity &entity) { return !entity.isRobot; });
            m_parts->model->setEntities(entities);
        } else {
            m_parts->model->setMessage(tr("Could not search: %1").arg(answer.error().message));
        }
        showPopup();
    });
}

void EntityPicker::showPopup()
{
    Parts &parts = *m_parts;
    // A picker that is not on screen (a dialog being set up) keeps its rows
    // in the model but opens no window.
    if (!parts.edit->isVisible() || parts.model->rowCount() == 0)
        return;
    const int rows = qMin(parts.model->rowCount(), kVisibleRows);
    const int rowHeight = qMax(parts.popup->sizeHintForRow(0), parts.edit->fontMetrics().height());
    parts.popup->setGeometry(QRect(parts.edit->mapToGlobal(QPoint(0, parts.edit->height())),
                                   QSize(parts.edit->width(), rows * rowHeight + 2 * parts.popup->frameWidth())));
    parts.popup->show();
}

void EntityPicker::choose(const QModelIndex &index)
{
    Parts &parts = *m_parts;
    std::optional<client::Entity> entity = parts.model->entity(index);
    if (!entity)
        return;
    const bool same = parts.chosen && parts.chosen->name == entity->name && parts.chosen->kind == entity->kind;
    // The rows stay (this runs inside the list's own click handling); the
    // next edit replaces them.
    parts.debounce->stop();
    parts.search.cancel();
    ++parts.generation;
    parts.popup->hide();
    parts.edit->setText(entity->name);
    if (same)
        return;
    parts.chosen = std::move(entity);
    emit entityChanged();
}

bool EntityPicker::editKeyPressed(QKeyEvent *event)
{
    Parts &parts = *m_parts;
    switch (event->key()) {
    case Qt::Key_Down:
    case Qt::Key_Up: {
        if (parts.model->rowCount() == 0)
            return false;
        showPopup();
        const QModelIndex current = parts.popup->currentIndex();
        const int step = event->key() == Qt::Key_Down ? 1 : -1;
        const int row = current.isValid() ? qBound(0, current.row() + step, parts.model->rowCount() - 1) : 0;
        parts.popup->setCurrentIndex(parts.model->index(row));
        return true;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Only a highlighted result is taken; otherwise Enter is the
        // dialog's (its default button).
        if (!parts.model->entity(parts.popup->currentIndex()))
            return false;
        choose(parts.popup->currentIndex());
        return true;
    case Qt::Key_Escape:
        if (!parts.popup->isVisible())
            return false;
        parts.popup->hide();
        return true;
    default:
        return false;
    }
}

bool EntityPicker::popupKeyPressed(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        m_parts->popup->hide();
        return true;
    }
    if (isNavigationKey(event->key()))
        return false;   // the list moves its highlight; Enter activates it
    // Everything else is typing: it belongs to the edit.
    QCoreApplication::sendEvent(m_parts->edit, event);
    return true;
}

} // namespace kai::console
