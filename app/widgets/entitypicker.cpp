#include "entitypicker.h"

#include "client/apiclient.h"
#include "client/endpoints/config.h"
#include "client/endpoints/entities.h"
#include "client/endpoints/robots.h"
#include "client/endpoints/teams.h"
#include "dialogs/createrobotwizard.h"
#include "dialogs/createteamdialog.h"
#include "dialogs/createteamwizard.h"
#include "dialogs/grantbatch.h"
#include "dialogs/pendingrequest.h"
#include "models/entitylistmodel.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QTimer>

#include <algorithm>
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

    // The defaults of an empty field: the teams and robots are asked for
    // together; the list opens once both answered.
    bool createShortcuts = false;
    PendingRequest teamLoad;
    PendingRequest robotLoad;
    // ROBOTS_DISALLOW from /config, asked once with the first defaults;
    // "Create robot account" is not offered when the server refuses robots.
    PendingRequest configLoad;
    std::optional<bool> robotsDisallowed;
    int defaultsPending = 0;
    QList<client::Entity> defaultTeams;
    QList<client::Entity> defaultRobots;
    // The create dialog or wizard open now; one at a time.
    QPointer<QWidget> creating;
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
        // A click into the empty field opens its defaults, as in Quay.
        if (event->type() == QEvent::MouseButtonPress && watched == m_parts->edit) {
            if (m_parts->edit->text().isEmpty() && !m_parts->popup->isVisible())
                showDefaults();
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
    // then, which must not reach the tap's handler. An open create dialog
    // goes first, while the handlers it could reach still have m_parts.
    delete m_parts->creating.data();
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

void EntityPicker::setCreateShortcuts(bool on)
{
    m_parts->createShortcuts = on;
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
    else if (text.isEmpty())
        showDefaults();
}

void EntityPicker::stopSearching()
{
    m_parts->debounce->stop();
    m_parts->search.cancel();
    m_parts->teamLoad.cancel();
    m_parts->robotLoad.cancel();
    m_parts->configLoad.cancel();
    ++m_parts->generation;
    m_parts->popup->hide();
    m_parts->model->clear();
}

void EntityPicker::showDefaults()
{
    Parts &parts = *m_parts;
    if (!parts.createShortcuts || parts.namespaceName.isEmpty() || !parts.edit->text().isEmpty())
        return;
    stopSearching();
    const quint64 generation = parts.generation;
    parts.defaultTeams.clear();
    parts.defaultRobots.clear();
    parts.defaultsPending = (parts.includeTeams ? 2 : 1) + (parts.robotsDisallowed ? 0 : 1);
    // A list that could not be loaded is left out; the actions stay.
    const auto answered = [this, generation]() {
        Parts &parts = *m_parts;
        if (generation != parts.generation || --parts.defaultsPending > 0)
            return;
        const auto byName = [](const client::Entity &a, const client::Entity &b) {
            return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
        };
        std::sort(parts.defaultTeams.begin(), parts.defaultTeams.end(), byName);
        std::sort(parts.defaultRobots.begin(), parts.defaultRobots.end(), byName);
        QList<EntityListModel::Action> actions;
        if (parts.includeTeams)
            actions << EntityListModel::Action::CreateTeam;
        if (!parts.robotsDisallowed.value_or(false))
            actions << EntityListModel::Action::CreateRobot;
        parts.model->setDefaults(parts.defaultTeams, parts.defaultRobots, actions);
        showPopup();
    };
    if (parts.includeTeams) {
        client::Reply<client::TeamList> *teams = client::teams::list(parts.client, parts.namespaceName);
        parts.teamLoad.start(teams);
        teams->then(this, [this, answered](const Result<client::TeamList> &answer) {
            m_parts->teamLoad.finish();
            for (const client::Team &team : answer ? answer->teams : QList<client::Team>())
                m_parts->defaultTeams << client::Entity{team.name, client::Entity::Kind::Team, false, false};
            answered();
        });
    }
    if (!parts.robotsDisallowed) {
        client::Reply<client::ServerConfig> *config = client::config::get(parts.client);
        parts.configLoad.start(config);
        config->then(this, [this, answered](const Result<client::ServerConfig> &answer) {
            m_parts->configLoad.finish();
            // Unknown stays unknown (asked again next time); the action is
            // offered meanwhile and the server has the last word.
            if (answer)
                m_parts->robotsDisallowed = answer->robotsDisallowed;
            answered();
        });
    }
    client::Reply<client::RobotList> *robots = client::robots::list(parts.client, parts.namespaceName);
    parts.robotLoad.start(robots);
    robots->then(this, [this, answered](const Result<client::RobotList> &answer) {
        m_parts->robotLoad.finish();
        for (const client::Robot &robot : answer ? answer->robots : QList<client::Robot>())
            m_parts->defaultRobots << client::Entity{robot.name, client::Entity::Kind::User, true, false};
        answered();
    });
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
    if (const std::optional<EntityListModel::Action> action = parts.model->action(index)) {
        // A click both activates and clicks the row: one dialog only.
        parts.popup->hide();
        if (parts.creating)
            return;
        if (*action == EntityListModel::Action::CreateTeam)
            createTeam();
        else
            createRobot();
        return;
    }
    if (const std::optional<client::Entity> entity = parts.model->entity(index))
        select(*entity);
}

void EntityPicker::select(const client::Entity &entity)
{
    Parts &parts = *m_parts;
    const bool same = parts.chosen && parts.chosen->name == entity.name && parts.chosen->kind == entity.kind;
    // The rows stay (this runs inside the list's own click handling); the
    // next edit replaces them.
    parts.debounce->stop();
    parts.search.cancel();
    ++parts.generation;
    parts.popup->hide();
    parts.edit->setText(entity.name);
    if (same)
        return;
    parts.chosen = entity;
    emit entityChanged();
}

// The dialogs are the picker's children: deleting the picker closes them
// and cancels what they have in flight.
void EntityPicker::createTeam()
{
    Parts &parts = *m_parts;
    QStringList existing;
    for (const client::Entity &team : std::as_const(parts.defaultTeams))
        existing << team.name;
    auto *dialog = new CreateTeamDialog(parts.client, parts.namespaceName, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    parts.creating = dialog;
    connect(dialog, &CreateTeamDialog::created, this, [this](const client::Team &team) {
        Parts &parts = *m_parts;
        select(client::Entity{team.name, client::Entity::Kind::Team, false, false});
        auto *wizard = new CreateTeamWizard(parts.client, parts.namespaceName, team, this);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        parts.creating = wizard;
        connect(wizard, &CreateTeamWizard::planned, this, [this](const CreateTeamWizard::Plan &plan) {
            // The plan is the client's to finish: the dialog holding the
            // picker may close before its answers come.
            GrantBatch *batch = CreateTeamWizard::send(m_parts->client, m_parts->namespaceName, plan, &m_parts->client);
            if (!batch)
                return;
            connect(batch, &GrantBatch::finished, batch, &QObject::deleteLater);
            connect(batch, &GrantBatch::finished, this, [this, batch]() {
                if (batch->failed())
                    CreateTeamWizard::showFailures(*batch, window());
            });
        });
        wizard->open();
    });
    dialog->open();
}

void EntityPicker::createRobot()
{
    Parts &parts = *m_parts;
    auto *wizard = new CreateRobotWizard(parts.client, client::robots::RobotNamespace(parts.namespaceName), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    parts.creating = wizard;
    connect(wizard, &CreateRobotWizard::created, this, [this](const client::Robot &robot) {
        select(client::Entity{robot.name, client::Entity::Kind::User, true, false});
    });
    wizard->open();
}

int EntityPicker::choosableRowNear(int row, int step) const
{
    const EntityListModel &model = *m_parts->model;
    for (; row >= 0 && row < model.rowCount(); row += step) {
        if (model.flags(model.index(row)).testFlag(Qt::ItemIsSelectable))
            return row;
    }
    return -1;
}

bool EntityPicker::editKeyPressed(QKeyEvent *event)
{
    Parts &parts = *m_parts;
    switch (event->key()) {
    case Qt::Key_Down:
    case Qt::Key_Up: {
        if (parts.model->rowCount() == 0) {
            if (!parts.createShortcuts || !parts.edit->text().isEmpty())
                return false;
            showDefaults();
            return true;
        }
        showPopup();
        // Headings and the message row are passed over.
        const QModelIndex current = parts.popup->currentIndex();
        const int step = event->key() == Qt::Key_Down ? 1 : -1;
        const int row = current.isValid() ? choosableRowNear(current.row() + step, step) : choosableRowNear(0, 1);
        if (row >= 0)
            parts.popup->setCurrentIndex(parts.model->index(row));
        return true;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Only a highlighted result or action is taken; otherwise Enter is
        // the dialog's (its default button).
        if (!parts.model->entity(parts.popup->currentIndex()) && !parts.model->action(parts.popup->currentIndex()))
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
