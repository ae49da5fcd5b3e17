#pragma once

#include "client/types/entity.h"

#include <QWidget>

class QKeyEvent;
class QModelIndex;

#include <memory>
#include <optional>

namespace kai::client {
class ApiClient;
}

namespace kai::console {

// The chooser of every "user, robot or team" field (console-workflows §0
// "Entity picker"): an editable field that searches
// GET /api/v1/entities/{prefix} one second after the last key and offers the
// results (name + kind) in a popup; "No results found" when there are none,
// the server's message when the search failed. The debounce is one second,
// or KAI_CONSOLE_DEBOUNCE_MS from the environment when constructed, or what
// setDebounceMilliseconds() says. Only the newest search's answer is shown.
//
// With setCreateShortcuts() on, an empty field (clicked, Down, or its text
// erased) offers the defaults instead: the organization's teams (when teams
// are included) and robot accounts under the headings "Teams" and "Robot
// accounts", then "Create team" (when teams are included) and "Create
// robot account". Those open the create-team dialog and its wizard, or the
// robot wizard, for the picker's organization; what they create becomes
// the picker's choice. "Create robot account" is left out when the
// server's GET /config says ROBOTS_DISALLOW.
// Dialogs and requests of the picker go with it when it is deleted; a
// created team's wizard plan is sent under the ApiClient, so it completes.
//
// Keyboard: Down opens the popup / moves into the list, Up moves back,
// Enter takes the highlighted result, Escape closes the popup. Editing the
// text after a choice clears it (entityChanged() again).
//
// Child objectNames, for tests and keyboard users:
//   entityPickerEdit     the QLineEdit the person types into
//   entityPickerResults  the popup's QListView (its rows are the results;
//                        activating a row chooses that entity)
class EntityPicker : public QWidget
{
    Q_OBJECT

public:
    explicit EntityPicker(client::ApiClient &client, QWidget *parent = nullptr);
    ~EntityPicker() override;

    // The organization (or user namespace) whose robots and teams are offered.
    void setNamespace(const QString &namespaceName);
    // Teams are offered only when on (default off).
    void setIncludeTeams(bool include);
    // Shortens the one-second debounce (tests use a few milliseconds).
    void setDebounceMilliseconds(int milliseconds);
    // The defaults and "Create team" / "Create robot account" of an empty
    // field (default off). Only for an organization: a user namespace has
    // no teams, and its robots are made on its own page.
    void setCreateShortcuts(bool on);

    // The chosen entity; none until one was chosen from the results, and
    // none again once the text is edited away from it.
    std::optional<client::Entity> entity() const;
    void clear();

signals:
    // A result was chosen, or the choice was dropped by editing or clear().
    void entityChanged();

private:
    void onTextEdited(const QString &text);
    void startSearch();
    void stopSearching();
    void showPopup();
    // The defaults of an empty field (setCreateShortcuts()).
    void showDefaults();
    void choose(const QModelIndex &index);
    // Makes `entity` the choice, as a click on its row does.
    void select(const client::Entity &entity);
    void createTeam();
    void createRobot();
    int choosableRowNear(int row, int step) const;
    bool editKeyPressed(QKeyEvent *event);
    bool popupKeyPressed(QKeyEvent *event);

    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace kai::console
