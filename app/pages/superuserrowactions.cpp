#include "superuserrowactions.h"

#include "client/endpoints/superuser.h"
#include "dialogs/singlevaluedialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "validation/namerules.h"

#include <algorithm>

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

namespace kai::console {

namespace {
constexpr int kMinPasswordLength = 8;
} // namespace

SuperuserRowActions::SuperuserRowActions(client::ApiClient &client, QWidget *dialogParent)
    : QObject(dialogParent), m_client(client), m_dialogParent(dialogParent), m_menu(new QMenu(dialogParent))
{
    m_menu->setObjectName(QStringLiteral("superuserRowMenu"));
    m_renameOrganization = addAction(QStringLiteral("renameOrganizationAction"), tr("Rename Organization"),
                                     &SuperuserRowActions::renameOrganization);
    m_deleteOrganization = addAction(QStringLiteral("deleteOrganizationAction"), tr("Delete Organization"),
                                     &SuperuserRowActions::deleteOrganization);
    m_takeOrganization = addAction(QStringLiteral("takeOwnershipOfOrganizationAction"), tr("Take Ownership"),
                                   &SuperuserRowActions::takeOwnership);
    m_changeEmail = addAction(QStringLiteral("changeEmailAction"), tr("Change E-mail Address"), &SuperuserRowActions::changeEmail);
    m_changePassword = addAction(QStringLiteral("changePasswordAction"), tr("Change Password"),
                                 &SuperuserRowActions::changePassword);
    m_toggleEnabled = addAction(QStringLiteral("toggleUserEnabledAction"), tr("Disable User"), &SuperuserRowActions::toggleEnabled);
    m_deleteUser = addAction(QStringLiteral("deleteUserAction"), tr("Delete User"), &SuperuserRowActions::deleteUser);
    m_takeUser = addAction(QStringLiteral("takeOwnershipOfUserAction"), tr("Take Ownership"), &SuperuserRowActions::takeOwnership);
    setTarget(std::nullopt, {});
}

QAction *SuperuserRowActions::addAction(const QString &objectName, const QString &text, void (SuperuserRowActions::*run)())
{
    QAction *action = m_menu->addAction(text);
    action->setObjectName(objectName);
    connect(action, &QAction::triggered, this, run);
    return action;
}

void SuperuserRowActions::setTarget(const std::optional<OrganizationRow> &row, const client::CurrentUser &viewer)
{
    m_row = row.value_or(OrganizationRow{});
    const bool canModify = row.has_value() && viewer.canModifyAsSuperuser();
    const bool organization = canModify && row->kind == OrganizationRow::Kind::Organization;
    // Other superusers are out of reach; one's own row only offers quota
    // settings, which Kai does not have.
    const bool user = canModify && row->kind == OrganizationRow::Kind::User && !row->isSuperuser && !row->isYou;
    for (QAction *action : {m_renameOrganization, m_deleteOrganization, m_takeOrganization})
        action->setVisible(organization);
    for (QAction *action : {m_changeEmail, m_changePassword, m_toggleEnabled, m_deleteUser, m_takeUser})
        action->setVisible(user);
    m_toggleEnabled->setText(m_row.disabled ? tr("Enable User") : tr("Disable User"));
}

bool SuperuserRowActions::hasActions() const
{
    const QList<QAction *> actions = m_menu->actions();
    return std::any_of(actions.cbegin(), actions.cend(), [](const QAction *action) { return action->isVisible(); });
}

void SuperuserRowActions::renameOrganization()
{
    const QString name = m_row.name;
    SingleValueDialog::Spec spec;
    spec.title = tr("Rename Organization");
    spec.prompt = tr("Enter a new name for the organization:");
    spec.initialValue = name;
    spec.check = [](const QString &value) {
        if (value.isEmpty())
            return tr("Organization name cannot be empty");
        const NameCheck check = NameRules::organization(value);
        return check.acceptable() ? QString() : check.error;
    };
    spec.request = [this, name](const QString &value) { return client::superuser::renameOrganization(m_client, name, value); };
    spec.failure = tr("Failed to rename organization %1: %2").arg(name, QStringLiteral("%1"));
    auto *dialog = new SingleValueDialog(spec, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SingleValueDialog::applied, this, [this, name](const QString &value) {
        emit notify(tr("Successfully renamed organization from %1 to %2").arg(name, value), true);
        emit changed();
    });
    dialog->open();
}

void SuperuserRowActions::deleteOrganization()
{
    const QString name = m_row.name;
    auto *dialog = new TypedConfirmDialog(tr("Delete Organization"),
                                          tr("This deletes the organization with all its repositories, teams and robot "
                                             "accounts. It cannot be undone."),
                                          {name}, m_dialogParent, name);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, name] {
        perform(client::superuser::removeOrganization(m_client, name), tr("Successfully deleted organization %1").arg(name),
                tr("Failed to delete organization %1").arg(name));
    });
    dialog->open();
}

void SuperuserRowActions::takeOwnership()
{
    const QString name = m_row.name;
    if (m_row.kind == OrganizationRow::Kind::Organization) {
        confirm(tr("Take Ownership"),
                tr("Are you sure you want to take ownership of organization %1? You will be added to its owners team.").arg(name),
                tr("Take Ownership"), [this, name] {
                    perform(client::superuser::takeOwnership(m_client, name),
                            tr("Successfully took ownership of organization %1").arg(name),
                            tr("Failed to take ownership of organization %1").arg(name));
                });
        return;
    }
    confirm(tr("Take Ownership"),
            tr("Are you sure you want to take ownership of user %1? The namespace becomes an organization owned by you "
               "and %1 will no longer be able to sign in.")
                .arg(name),
            tr("Take Ownership"), [this, name] {
                perform(client::superuser::takeOwnership(m_client, name), tr("Successfully took ownership of user %1").arg(name),
                        tr("Failed to take ownership of user %1").arg(name));
            });
}

void SuperuserRowActions::changeEmail()
{
    const QString name = m_row.name;
    SingleValueDialog::Spec spec;
    spec.title = tr("Change Email for %1").arg(name);
    spec.prompt = tr("New e-mail address:");
    spec.initialValue = m_row.email;
    spec.check = [](const QString &value) {
        if (value.isEmpty())
            return tr("Email cannot be empty");
        return NameRules::isEmail(value) ? QString() : tr("Please enter a valid email address");
    };
    spec.request = [this, name](const QString &value) { return client::superuser::changeEmail(m_client, name, value); };
    spec.failure = tr("Failed to change email for %1: %2").arg(name, QStringLiteral("%1"));
    auto *dialog = new SingleValueDialog(spec, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SingleValueDialog::applied, this, [this, name] {
        emit notify(tr("Successfully changed email for %1").arg(name), true);
        emit changed();
    });
    dialog->open();
}

void SuperuserRowActions::changePassword()
{
    const QString name = m_row.name;
    SingleValueDialog::Spec spec;
    spec.title = tr("Change Password for %1").arg(name);
    spec.prompt = tr("New password (at least %n characters):", nullptr, kMinPasswordLength);
    spec.echo = QLineEdit::Password;
    spec.check = [](const QString &value) {
        return value.size() < kMinPasswordLength
                   ? tr("Password must be at least %n characters", nullptr, kMinPasswordLength)
                   : QString();
    };
    spec.request = [this, name](const QString &value) { return client::superuser::changePassword(m_client, name, value); };
    spec.failure = tr("Failed to change password for %1: %2").arg(name, QStringLiteral("%1"));
    auto *dialog = new SingleValueDialog(spec, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SingleValueDialog::applied, this,
            [this, name] { emit notify(tr("Successfully changed password for %1").arg(name), true); });
    dialog->open();
}

void SuperuserRowActions::toggleEnabled()
{
    const QString name = m_row.name;
    const bool enable = m_row.disabled;
    const QString title = enable ? tr("Enable User") : tr("Disable User");
    const QString text = enable ? tr("Enable user %1? They will be able to sign in again.").arg(name)
                                : tr("Disable user %1? They will no longer be able to sign in, and their robot accounts "
                                     "and tokens stop working.")
                                      .arg(name);
    confirm(title, text, title, [this, name, enable] {
        perform(client::superuser::setUserEnabled(m_client, name, enable),
                enable ? tr("Successfully enabled user %1").arg(name) : tr("Successfully disabled user %1").arg(name),
                enable ? tr("Failed to enable user %1").arg(name) : tr("Failed to disable user %1").arg(name));
    });
}

void SuperuserRowActions::deleteUser()
{
    const QString name = m_row.name;
    auto *dialog = new TypedConfirmDialog(tr("Delete User"),
                                          tr("This deletes user %1 with all their repositories and data. It cannot be "
                                             "undone.")
                                              .arg(name),
                                          {name}, m_dialogParent, name);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, name] {
        perform(client::superuser::removeUser(m_client, name), tr("Successfully deleted user %1").arg(name),
                tr("Failed to delete user %1").arg(name));
    });
    dialog->open();
}

void SuperuserRowActions::confirm(const QString &title, const QString &text, const QString &okLabel, std::function<void()> then)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, m_dialogParent);
    box->setObjectName(QStringLiteral("superuserConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *ok = box->addButton(okLabel, QMessageBox::AcceptRole);
    ok->setObjectName(QStringLiteral("confirmOkButton"));
    box->addButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [ok, then](QAbstractButton *clicked) {
        if (clicked == ok)
            then();
    });
    box->open();
}

void SuperuserRowActions::perform(client::Reply<client::Done> *reply, const QString &success, const QString &failure)
{
    reply->then(this, [this, success, failure](const Result<client::Done> &result) {
        if (!result)
            emit notify(QStringLiteral("%1: %2").arg(failure, result.error().message), false);
        else
            emit notify(success, true);
        emit changed();
    });
}

} // namespace kai::console
